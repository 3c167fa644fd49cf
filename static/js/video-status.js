/* video-status.js - keeps a video's status page current: asks the status
 * API every 2 s, updates the progress bar, stage and time left, and loads
 * the page again when the video is done or has failed (the page then shows
 * the player or the reason), and when the API refuses to answer (401, 403
 * or 404: logged out, or the video is gone), so that the page says so
 * instead of showing a stale bar forever. Other failures (5xx, network)
 * are tried again. Without JavaScript the page refreshes itself. */
(function () {
  'use strict';
  var box = document.getElementById('video-status');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-status-url');
  function text(id, s) {
    var el = document.getElementById(id);
    if (el) el.textContent = s;
  }
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401 || r.status === 403 || r.status === 404) {
          window.location.reload();
          return null;
        }
        return r.ok ? r.json() : null;
      })
      .then(function (v) {
        if (!v) return;
        if (v.status !== 'queued' && v.status !== 'rendering') {
          window.location.reload();
          return;
        }
        var bar = document.getElementById('video-progress');
        if (bar) bar.value = v.progress;
        text('video-percent', v.progress + '%');
        text('video-state', v.status);
        text('video-stage', v.stage || 'waiting for a renderer');
        text('video-eta', v.eta_seconds != null ? 'About ' + v.eta_seconds + ' s left.' : '');
      })
      .catch(function () {})
      .then(function () { window.setTimeout(tick, 2000); });
  }
  window.setTimeout(tick, 2000);
})();
