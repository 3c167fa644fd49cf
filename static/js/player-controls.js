/* player-controls.js - what the video page adds to the browser's own
 * player controls, all of it keyboard- and screen-reader-usable:
 *   - a Quality menu over the HLS renditions hls.js plays (v.czHls, set
 *     by player.js once the viewer shows an interest in the player),
 *     plus Automatic (hls.js picks by the bandwidth it
 *     measures); a pick switches at once (hls.currentLevel);
 *   - a Speed menu, 0.25x to 2x (video.playbackRate);
 *   - a Picture in picture button where the browser offers it;
 *   - keyboard shortcuts while the page, the video or these controls
 *     have the focus (never while typing in a field or using a menu,
 *     link or button): Space or K play/pause, Left/Right 10 s back or
 *     forward, Up/Down volume by a tenth, M mute, F full screen, 0-9 jump
 *     to that tenth of the video;
 *   - Copy buttons for the publish kit's read-only fields (the text
 *     stays selectable without JavaScript).
 * Changes are announced in a polite live region. No inline script or
 * style: the page's Content-Security-Policy allows only files from
 * 'self'. */
(function () {
  'use strict';
  var v = document.getElementById('player');
  var announcer = document.getElementById('player-announce');

  function say(el, text) {
    if (!el) return;
    /* A change of text, even to the same words, is read again. */
    el.textContent = '';
    window.setTimeout(function () { el.textContent = text; }, 30);
  }
  function pct(x) { return Math.round(x * 100) + ' %'; }

  /* --- the publish kit's Copy buttons --- */
  var kitStatus = document.getElementById('kit-status');
  function copyText(ta) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(ta.value);
    ta.focus();
    ta.select();
    return document.execCommand('copy') ? Promise.resolve() :
      Promise.reject(new Error('copy refused'));
  }
  Array.prototype.forEach.call(document.querySelectorAll('.kit-copy'), function (b) {
    var ta = document.getElementById(b.getAttribute('data-copy'));
    if (!ta) return;
    var label = b.textContent;
    b.hidden = false;
    b.addEventListener('click', function () {
      copyText(ta).then(function () {
        b.textContent = 'Copied';
        say(kitStatus, label.replace(/^Copy/, 'Copied') + '.');
        window.setTimeout(function () { b.textContent = label; }, 2000);
      }, function () {
        ta.focus();
        ta.select();
        say(kitStatus, 'Copying was refused; the text is selected: copy it with your keyboard.');
      });
    });
  });

  if (!v) return;
  var controls = document.getElementById('player-controls');
  if (controls) controls.hidden = false;

  /* --- quality --- */
  var qBox = document.getElementById('player-quality-box');
  var qSel = document.getElementById('player-quality');
  var qNow = document.getElementById('player-quality-now');
  function levelName(h, i) {
    var l = h.levels[i];
    return l ? (l.height ? l.height + 'p' : Math.round(l.bitrate / 1000) + ' kb/s') : '';
  }
  function showNow(h) {
    if (!qNow || h.currentLevel === undefined) return;
    var playing = levelName(h, h.currentLevel);
    qNow.textContent = playing ? 'Playing ' + playing +
      (h.autoLevelEnabled ? ' (chosen automatically)' : '') : '';
  }
  function setupQuality(h) {
    if (!qSel || !h || !h.levels || h.levels.length < 1) return;
    while (qSel.options.length > 1) qSel.remove(1);
    /* Largest first, as menus of qualities usually read. */
    var order = h.levels.map(function (l, i) { return i; });
    order.sort(function (a, b) { return (h.levels[b].height || 0) - (h.levels[a].height || 0); });
    order.forEach(function (i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = levelName(h, i);
      qSel.appendChild(o);
    });
    qSel.value = h.autoLevelEnabled ? '-1' : String(h.currentLevel);
    qBox.hidden = false;
    showNow(h);
  }
  /* player.js loads hls.js when the viewer first shows an interest in
   * the player, so the menu comes with it ("czhlsready"). */
  var hls = null;
  function withHls() {
    if (hls || !v.czHls || !window.Hls) return;
    hls = v.czHls;
    if (hls.levels && hls.levels.length) setupQuality(hls);
    hls.on(window.Hls.Events.MANIFEST_PARSED, function () { setupQuality(hls); });
    hls.on(window.Hls.Events.LEVEL_SWITCHED, function () { showNow(hls); });
  }
  withHls();
  v.addEventListener('czhlsready', withHls);
  v.addEventListener('czhlsgone', function () {
    hls = null;
    if (qBox) qBox.hidden = true;
  });
  if (qSel) qSel.addEventListener('change', function () {
    if (!hls) return;
    var i = parseInt(qSel.value, 10);
    /* While the MP4 still plays, hls.js takes over first (at the same
     * place) and starts with the pick. */
    if (v.czUseHls) v.czUseHls();
    /* -1: automatic; a level: switch now. hls.js drops the buffer and
     * loads the new rendition's segment at the playhead; a seek to where
     * the video is, once the buffer is dropped, makes the browser decode
     * that segment from its keyframe: without it Chromium kept showing
     * the old rendition until the next keyframe, a segment later. */
    if (i >= 0 && i !== hls.currentLevel && v.readyState > 0) {
      hls.once(window.Hls.Events.BUFFER_FLUSHED, function () {
        if (!v.seeking) v.currentTime = v.currentTime;
      });
    }
    hls.currentLevel = i;
    say(announcer, i < 0 ? 'Quality: automatic' : 'Quality: ' + levelName(hls, i));
  });

  /* --- speed --- */
  var sSel = document.getElementById('player-speed');
  if (sSel) {
    sSel.addEventListener('change', function () {
      var r = parseFloat(sSel.value);
      if (r >= 0.25 && r <= 2) v.playbackRate = r;
    });
    v.addEventListener('ratechange', function () {
      var want = String(v.playbackRate);
      for (var k = 0; k < sSel.options.length; k++)
        if (sSel.options[k].value === want) sSel.value = want;
      say(announcer, 'Speed ' + v.playbackRate + '×');
    });
  }

  /* --- picture in picture --- */
  var pipBox = document.getElementById('player-pip-box');
  var pip = document.getElementById('player-pip');
  if (pip && document.pictureInPictureEnabled && !v.disablePictureInPicture &&
      v.requestPictureInPicture) {
    pipBox.hidden = false;
    pip.addEventListener('click', function () {
      var p = document.pictureInPictureElement ? document.exitPictureInPicture() :
        v.requestPictureInPicture();
      p.catch(function (e) { say(announcer, 'Picture in picture is not available: ' + e.message); });
    });
    v.addEventListener('enterpictureinpicture', function () {
      pip.setAttribute('aria-pressed', 'true');
      say(announcer, 'Picture in picture on');
    });
    v.addEventListener('leavepictureinpicture', function () {
      pip.setAttribute('aria-pressed', 'false');
      say(announcer, 'Picture in picture off');
    });
  }

  /* --- keyboard shortcuts --- */
  function seekTo(t) {
    if (!(v.duration > 0)) return;
    v.currentTime = Math.max(0, Math.min(t, v.duration - 0.1));
  }
  function toggleFullscreen() {
    if (document.fullscreenElement) return document.exitFullscreen();
    return v.requestFullscreen ? v.requestFullscreen() : Promise.reject(new Error('no full screen'));
  }
  var actions = {
    ' ': function () { if (v.paused) v.play().catch(function () {}); else v.pause(); },
    'k': function () { actions[' '](); },
    'arrowleft': function () { seekTo(v.currentTime - 10); say(announcer, 'Back 10 seconds'); },
    'arrowright': function () { seekTo(v.currentTime + 10); say(announcer, 'Forward 10 seconds'); },
    'arrowup': function () {
      v.muted = false;
      v.volume = Math.min(1, Math.round((v.volume + 0.1) * 10) / 10);
      say(announcer, 'Volume ' + pct(v.volume));
    },
    'arrowdown': function () {
      v.volume = Math.max(0, Math.round((v.volume - 0.1) * 10) / 10);
      say(announcer, 'Volume ' + pct(v.volume));
    },
    'm': function () { v.muted = !v.muted; say(announcer, v.muted ? 'Muted' : 'Sound on'); },
    'f': function () { toggleFullscreen().catch(function () {}); }
  };
  /* Where a key belongs to the element, not to the player. */
  function ownKeys(t) {
    if (!t || t === v || t === document.body || t === document.documentElement) return false;
    if (t.isContentEditable) return true;
    return /^(INPUT|TEXTAREA|SELECT|BUTTON|A|SUMMARY|OPTION|AUDIO)$/.test(t.tagName) ||
      !!(t.closest && t.closest('a[href], button, select, textarea, input, summary, [contenteditable]'));
  }
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || ownKeys(e.target)) return;
    var key = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase();
    if (/^[0-9]$/.test(key)) {
      seekTo(v.duration * parseInt(key, 10) / 10);
      say(announcer, 'At ' + key + '0 %');
    } else if (actions[key]) {
      actions[key]();
    } else {
      return;
    }
    e.preventDefault();
  });
})();
