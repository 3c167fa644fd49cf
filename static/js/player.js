/* player.js - the video player: plays the HLS ladder through hls.js where
 * it runs (Media Source Extensions), else where the browser plays HLS
 * natively, else keeps the MP4 source the page gives. hls.js comes first:
 * Chromium answers canPlayType("application/vnd.apple.mpegurl") with
 * "maybe" and its own HLS player is new and fails on some streams (hls.js
 * issue 7827), so the native one is for browsers without hls.js (Safari
 * on older iPhones). When HLS fails for good, the MP4 plays instead.
 * Resumes at the saved position; saves the position every 5 s while
 * playing, on pause and when the page is left (POST progress with the
 * session's CSRF token). The hls.js instance is v.czHls (null once it
 * fell back to the MP4, announced by a "czhlsgone" event), for
 * player-controls.js's quality menu. */
(function () {
  'use strict';
  var v = document.getElementById('player');
  if (!v) return;
  var hls = v.getAttribute('data-hls');
  var saveUrl = v.getAttribute('data-progress-url');
  var csrf = v.getAttribute('data-csrf') || '';
  var resume = parseFloat(v.getAttribute('data-position')) || 0;
  /* Seconds buffered ahead before play is pressed (the first segment)
   * and while playing. */
  var IDLE_AHEAD_S = 1, PLAY_AHEAD_S = 60;

  /* Once the next source's metadata is known: seek to t, play if asked.
   * ownSeek marks that seek as the page's, not the viewer's. */
  var ownSeek = false;
  function resumeAt(t, play) {
    v.addEventListener('loadedmetadata', function () {
      if (t > 0 && t < v.duration - 1) {
        ownSeek = true;
        v.currentTime = t;
      }
      if (play) v.play().catch(function () {});
    }, { once: true });
  }
  resumeAt(resume, false);

  /* HLS that cannot be played (a fatal hls.js error or the native
   * player's: the playlist or its segments missing, a codec it cannot
   * feed) falls back to the page's MP4 <source>, at the same place. */
  var h = null, fellBack = false;
  function toMp4() {
    if (fellBack) return;
    fellBack = true;
    var at = v.currentTime > 0 ? v.currentTime : resume, play = !v.paused;
    if (h) h.destroy();
    v.czHls = null;
    v.dispatchEvent(new Event('czhlsgone'));
    v.removeAttribute('src');
    resumeAt(at, play);
    v.preload = 'metadata';
    v.load();
  }
  if (hls && window.Hls && window.Hls.isSupported()) {
    /* Automatic quality never picks a rendition larger than the player
     * shows (a 1080p stream in a 640-pixel-wide player only costs the
     * viewer's data and start-up time); the start fragment is fetched
     * before play is pressed, and nothing more until then (hls.js would
     * otherwise buffer minutes ahead for a visitor who may never press
     * play: their data, and the page's main thread while it loads). A
     * pick in the quality menu is not capped. */
    h = new window.Hls({ capLevelToPlayerSize: true, startFragPrefetch: true,
      maxMaxBufferLength: IDLE_AHEAD_S });
    h.on(window.Hls.Events.ERROR, function (event, data) {
      if (data && data.fatal) toMp4();
    });
    /* Playing, or a seek the viewer makes, lifts the start-up cap: a
     * paused seek next to a segment's edge with a second to fill can
     * wait for ever for its frame (hls.js issue 6331; seen here in
     * test_browser on a busy machine). */
    var lift = function () {   /* not once it fell back to the MP4 */
      if (v.czHls) v.czHls.config.maxMaxBufferLength = PLAY_AHEAD_S;
    };
    v.addEventListener('play', lift, { once: true });
    v.addEventListener('seeking', function () {
      if (ownSeek) ownSeek = false;
      else lift();
    });
    h.loadSource(hls);
    h.attachMedia(v);
    v.czHls = h;
  } else if (hls && v.canPlayType('application/vnd.apple.mpegurl')) {
    v.addEventListener('error', function () {
      if (v.getAttribute('src') === hls) toMp4();
    });
    v.preload = 'metadata';
    v.src = hls;
  } else {
    /* The page's MP4: its index now, for the duration and the resume. */
    v.preload = 'metadata';
    v.load();
  }

  /* Saves the position unless it moved less than min seconds since the
   * last save: 0.5 s for the timer (a stalled video), any move for a
   * pause, the end or leaving the page, which must store where it is. */
  var last = -1;
  function save(min, useBeacon) {
    if (!saveUrl || !(v.duration > 0)) return;
    var pos = Math.min(v.currentTime, v.duration);
    if (Math.abs(pos - last) < min) return;
    last = pos;
    var body = JSON.stringify({ position: pos, duration: v.duration });
    if (!window.fetch) return;
    fetch(saveUrl, {
      method: 'POST', credentials: 'same-origin', keepalive: !!useBeacon,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body
    }).catch(function () {});
  }
  window.setInterval(function () { if (!v.paused) save(0.5, false); }, 5000);
  v.addEventListener('pause', function () { save(0.001, false); });
  v.addEventListener('ended', function () { save(0.001, false); });
  window.addEventListener('pagehide', function () { save(0.001, true); });
})();
