/* Versus site script: progressive enhancement only; every page is complete without it.
   The build prepends a global relativeTime(ms, nowMs) to this file. */
(function () {
  "use strict";

  /* 1. Relative times: re-read each <time data-relative> against the reader's clock. */
  function parseTime(value) {
    // A datetime without an offset is UTC, as the build reads it (Date.parse would take local time).
    if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) value += "Z";
    return Date.parse(value);
  }

  function refreshTimes() {
    if (typeof relativeTime !== "function") return;
    var now = Date.now();
    var nodes = document.querySelectorAll("time[data-relative]");
    for (var i = 0; i < nodes.length; i++) {
      var ms = parseTime(nodes[i].getAttribute("datetime") || "");
      if (isNaN(ms)) continue;
      var text = relativeTime(ms, now);
      if (typeof text === "string" && text && nodes[i].textContent !== text) nodes[i].textContent = text;
    }
  }

  /* 2. Feature matrix: reveal the "Show differences only" control; when checked, the
     container gets a class and the stylesheet hides rows and card lines marked
     data-differs="false". */
  function setUpMatrices() {
    var toggles = document.querySelectorAll("[data-matrix-toggle]");
    for (var i = 0; i < toggles.length; i++) {
      (function (wrap) {
        var box = wrap.querySelector("input[type=checkbox]");
        var matrix = wrap.closest("[data-matrix]");
        if (!box || !matrix) return;
        var apply = function () { matrix.classList.toggle("differences-only", box.checked); };
        box.addEventListener("change", apply);
        wrap.hidden = false;
        apply();
      })(toggles[i]);
    }
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    refreshTimes();
    setUpMatrices();
    setInterval(refreshTimes, 60000);
  }

  // A deferred script runs before DOMContentLoaded, so start there; "load" covers a script
  // injected later.
  if (document.readyState === "complete") start();
  else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
