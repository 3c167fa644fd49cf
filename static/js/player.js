/* player.js - the video player: plays the HLS ladder where the browser
 * does natively or through hls.js, else keeps the MP4 source the page
 * gives; resumes at the saved position; saves the position every 5 s while
 * playing, on pause and when the page is left (POST progress with the
 * session's CSRF token). */
(function () {
  'use strict';
  var v = document.getElementById('player');
  if (!v) return;
  var hls = v.getAttribute('data-hls');
  var saveUrl = v.getAttribute('data-progress-url');
  var csrf = v.getAttribute('data-csrf') || '';
  var resume = parseFloat(v.getAttribute('data-position')) || 0;

  if (hls && v.canPlayType('application/vnd.apple.mpegurl')) {
    v.src = hls;
  } else if (hls && window.Hls && window.Hls.isSupported()) {
    var h = new window.Hls();
    h.loadSource(hls);
    h.attachMedia(v);
  }
  v.addEventListener('loadedmetadata', function () {
    if (resume > 0 && resume < v.duration - 1) v.currentTime = resume;
  }, { once: true });

  var last = -1;
  function save(useBeacon) {
    if (!saveUrl || !(v.duration > 0)) return;
    var pos = Math.min(v.currentTime, v.duration);
    if (Math.abs(pos - last) < 0.5) return;
    last = pos;
    var body = JSON.stringify({ position: pos, duration: v.duration });
    if (!window.fetch) return;
    fetch(saveUrl, {
      method: 'POST', credentials: 'same-origin', keepalive: !!useBeacon,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body
    }).catch(function () {});
  }
  window.setInterval(function () { if (!v.paused) save(false); }, 5000);
  v.addEventListener('pause', function () { save(false); });
  v.addEventListener('ended', function () { save(false); });
  window.addEventListener('pagehide', function () { save(true); });
})();
