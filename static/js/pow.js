/* pow.js - answers the proof-of-work challenge of a form that carries one
 * (templates/partials/pow.mustache): starts solving as the page loads, in
 * a Web Worker (static/js/pow-worker.js) so the page stays responsive,
 * says "Checking your browser…" and then "… done" in a live region, and
 * fills the answer field. Sending the form before the answer is ready
 * waits for it, then sends. Where the browser cannot solve (no Worker, no
 * WebCrypto: plain HTTP), the answer stays empty and the form goes as it
 * would without JavaScript: the server then applies its rate limits alone. */
(function () {
  'use strict';
  var me = document.currentScript;
  var fields = document.querySelectorAll('input[name="pow_challenge"]');
  /* Next to this script; else under the site's path prefix (base_path),
   * which the challenge field carries as data-base when there is one. */
  var base = (fields[0] && fields[0].getAttribute('data-base')) || '';
  var workerUrl = me && me.src ? me.src.replace(/\/pow\.js(\?|$)/, '/pow-worker.js$1') : base + '/static/js/pow-worker.js';

  Array.prototype.forEach.call(fields, function (field) {
    var form = field.form;
    var answer = form && form.querySelector('input[name="pow_solution"]');
    var status = form && form.querySelector('[data-pow-status]');
    var bits = parseInt(field.getAttribute('data-pow-bits'), 10);
    var state = 'solving', pending = false, worker;
    if (!form || !answer) { return; }

    function say(text) {
      if (status) { status.textContent = text; }
    }
    function finish(next) {
      state = next;
      if (worker) { worker.terminate(); }
      if (next === 'done') { say('Checking your browser… done.'); }
      else { say(''); }
      if (pending) { pending = false; form.submit(); }
    }

    try {
      worker = new Worker(workerUrl);
    } catch (e) {
      return;   /* the form goes without an answer */
    }
    say('Checking your browser…');
    worker.onmessage = function (e) {
      var d = e.data || {};
      if (typeof d.solution === 'string') {
        answer.value = d.solution;
        finish('done');
      } else if (d.error) {
        finish('failed');
      }
    };
    worker.onerror = function () { finish('failed'); };
    worker.postMessage({ challenge: field.value, bits: bits });

    form.addEventListener('submit', function (e) {
      if (state !== 'solving') { return; }
      /* The browser's own validation passed: wait for the answer. */
      e.preventDefault();
      pending = true;
      say('Checking your browser… the form will be sent when it is done.');
    });
  });
})();
