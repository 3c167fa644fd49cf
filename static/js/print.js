/* print.js - shows the page's Print buttons (they stay hidden without
 * JavaScript, where the browser's own Print command does the same) and
 * opens the print dialog when one is pressed. The print layout itself is
 * static/css/print.css. */
(function () {
  'use strict';
  var buttons = document.querySelectorAll('button[data-print]');
  Array.prototype.forEach.call(buttons, function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
})();
