/* player.js - the video player. Until the viewer shows an interest in the
 * player, it is the poster with a Play button, without the browser's own
 * controls (see showControls), and the page's MP4 (preload="metadata":
 * its duration and the resume point, no hls.js to download and start on
 * every page view, which cost a phone over a second of its main thread).
 * On the first sign of interest (the pointer over the player or its
 * settings, a touch, the focus there, a shortcut key, or play) it turns
 * the controls on and loads hls.js (data-hls-js) and
 * plays the HLS ladder through it where it runs (Media Source
 * Extensions), else natively where the browser plays HLS, else keeps the
 * MP4. hls.js comes first: Chromium answers
 * canPlayType("application/vnd.apple.mpegurl") with "maybe" and its own
 * HLS player is new and fails on some streams (hls.js issue 7827).
 *
 * The hand-over never interrupts a picture that moves: while the MP4
 * plays, hls.js only reads the ladder's playlist (for the Quality menu)
 * and takes over when the MP4 stalls (a slow link: there HLS adapts) or
 * when the viewer picks a quality (v.czUseHls()). When HLS fails for
 * good, the MP4 plays instead, at the same place.
 *
 * Resumes at the saved position; saves the position every 5 s while
 * playing, on pause and when the page is left (POST progress with the
 * session's CSRF token). For player-controls.js: v.czHls is the hls.js
 * instance once it exists (a "czhlsready" event says so; null again once
 * it fell back to the MP4, announced by "czhlsgone"), v.czUseHls() makes
 * it the source now. */
(function () {
  'use strict';
  var v = document.getElementById('player');
  if (!v) return;
  var hls = v.getAttribute('data-hls');
  var hlsJs = v.getAttribute('data-hls-js');
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
  /* The MP4 (the page's <source>): the template asks for its metadata. */
  resumeAt(resume, false);

  /* Where the next source starts: where this one is, or the saved
   * position before anything played. */
  function here() { return v.currentTime > 0 ? v.currentTime : resume; }

  /* HLS that cannot be played (a fatal hls.js error or the native
   * player's: the playlist or its segments missing, a codec it cannot
   * feed) falls back to the page's MP4 <source>, at the same place. */
  var h = null, attached = false, fellBack = false;
  function toMp4() {
    if (fellBack) return;
    fellBack = true;
    var wasOn = attached || v.getAttribute('src') !== null;
    var at = here(), play = !v.paused;
    if (h) h.destroy();
    h = null;
    v.czHls = null;
    v.dispatchEvent(new Event('czhlsgone'));
    if (!wasOn) return;           /* the MP4 is still what plays */
    v.removeAttribute('src');
    resumeAt(at, play);
    v.load();
  }

  /* hls.js becomes the source: where the MP4 was, playing if it did. */
  function attach() {
    if (!h || attached) return;
    attached = true;
    resumeAt(here(), !v.paused);
    h.attachMedia(v);
  }
  v.czUseHls = attach;

  function startHlsJs() {
    /* Automatic quality never picks a rendition larger than the player
     * shows (a 1080p stream in a 640-pixel-wide player only costs the
     * viewer's data and start-up time); the start fragment is fetched
     * before play is pressed, and nothing more until then (hls.js would
     * otherwise buffer minutes ahead for a visitor who may never press
     * play: their data, and the page's main thread while it loads). A
     * pick in the quality menu is not capped. */
    h = new window.Hls({ capLevelToPlayerSize: true, startFragPrefetch: true,
      maxMaxBufferLength: v.paused ? IDLE_AHEAD_S : PLAY_AHEAD_S });
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
    v.czHls = h;
    if (v.paused) attach();
    else v.addEventListener('waiting', attach, { once: true });
    v.dispatchEvent(new Event('czhlsready'));
  }

  /* Without hls.js: the browser's own HLS player, unless the MP4 already
   * plays (its player would start again from nothing). */
  function startNative() {
    if (!v.canPlayType('application/vnd.apple.mpegurl') || !v.paused) return;
    var at = here();
    v.addEventListener('error', function () {
      if (v.getAttribute('src') === hls) toMp4();
    });
    resumeAt(at, false);
    v.src = hls;
  }

  /* The browser's own controls come at the first sign of interest: built
   * with the page they cost a phone ~0.4 s of its main thread (the style
   * and layout of their shadow tree) at every view. Until then the Play
   * button over the poster (a link to the MP4 without JavaScript) starts
   * the video; once it plays, the controls take over. */
  var start = document.getElementById('player-start');
  function showControls() { v.controls = true; }
  if (start) {
    start.addEventListener('click', function (e) {
      e.preventDefault();
      showControls();
      v.play().catch(function () {});
      v.focus();
    });
    v.addEventListener('play', function () { start.hidden = true; }, { once: true });
  }

  var wanted = false;
  function interest() {
    showControls();
    if (wanted || !hls) return;
    wanted = true;
    if (window.Hls) return window.Hls.isSupported() ? startHlsJs() : startNative();
    if (!hlsJs) return startNative();
    var s = document.createElement('script');
    s.src = hlsJs;
    s.onload = function () {
      if (window.Hls && window.Hls.isSupported()) startHlsJs();
      else startNative();
    };
    s.onerror = startNative;
    document.head.appendChild(s);
  }
  var fig = v.closest('figure') || v;
  var settings = document.getElementById('player-controls');
  [fig, settings].forEach(function (el) {
    if (!el) return;
    ['pointerover', 'pointerdown', 'focusin'].forEach(function (type) {
      el.addEventListener(type, interest, { once: true, passive: true });
    });
  });
  v.addEventListener('play', interest, { once: true });
  document.addEventListener('keydown', interest, { once: true });

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
