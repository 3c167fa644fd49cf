/* pow-worker.js - solves a proof-of-work challenge (lib/pow.h) off the
 * page's thread: finds the first counter k such that
 * SHA-256(challenge + k) starts with `bits` zero bits, with WebCrypto.
 * Message in: {challenge, bits}; out: {progress: tries} now and then,
 * then {solution: "k"} or {error: "..."}. */
'use strict';

var BATCH = 256;   /* digests in flight at once: WebCrypto is async */

function zeroBits(buf, bits) {
  var b = new Uint8Array(buf), i = 0;
  for (; bits >= 8; bits -= 8, i++) {
    if (b[i] !== 0) { return false; }
  }
  return bits === 0 || (b[i] >> (8 - bits)) === 0;
}

function solve(challenge, bits) {
  var enc = new TextEncoder(), k = 0;
  function batch() {
    var jobs = [], j;
    for (j = 0; j < BATCH; j++) {
      jobs.push(crypto.subtle.digest('SHA-256', enc.encode(challenge + (k + j))));
    }
    return Promise.all(jobs).then(function (ds) {
      for (j = 0; j < ds.length; j++) {
        if (zeroBits(ds[j], bits)) { return String(k + j); }
      }
      k += BATCH;
      if (k % (BATCH * 64) === 0) { self.postMessage({ progress: k }); }
      if (k > 9007199254740000) { throw new Error('no solution'); }
      return batch();
    });
  }
  return batch();
}

self.onmessage = function (e) {
  var d = e.data || {};
  if (typeof d.challenge !== 'string' || d.challenge.length > 160 ||
      !(d.bits >= 1 && d.bits <= 32) || !self.crypto || !crypto.subtle) {
    self.postMessage({ error: 'cannot solve here' });
    return;
  }
  solve(d.challenge, d.bits).then(function (s) {
    self.postMessage({ solution: s });
  }, function (err) {
    self.postMessage({ error: String(err) });
  });
};
