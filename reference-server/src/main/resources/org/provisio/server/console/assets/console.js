// Provisio Admin: the copy buttons of Get Credentials and Admin keys. Nothing else needs script;
// without it the fields are still there to select and copy by hand.
(function () {
  'use strict';

  function copy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-copy') + '-status');
    function say(text) {
      if (status) {
        status.textContent = text;
      }
    }
    function fallback() {
      field.focus();
      field.select();
      var done = false;
      try {
        done = document.execCommand('copy');
      } catch (e) {
        done = false;
      }
      say(done ? 'Copied' : 'Selected: press Ctrl+C (or \u2318C) to copy');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () {
        say('Copied');
      }, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('button[data-copy]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        copy(button);
      });
    });
    var fields = document.querySelectorAll('.copyable textarea[readonly]');
    Array.prototype.forEach.call(fields, function (field) {
      field.addEventListener('focus', function () {
        field.select();
      });
    });
  });
}());
