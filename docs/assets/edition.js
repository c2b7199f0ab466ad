/* Display mode (both / Chinese / English), remembered across pages; works from file:// too. */
(function () {
  var KEY = "lex-mode";
  var MODES = ["both", "zh", "en"];
  function stored() {
    try { var m = localStorage.getItem(KEY); return MODES.indexOf(m) >= 0 ? m : "both"; } catch (e) { return "both"; }
  }
  function apply(mode) {
    var root = document.documentElement;
    MODES.forEach(function (m) { root.classList.remove("lex-mode-" + m); });
    root.classList.add("lex-mode-" + mode);
    document.querySelectorAll("[data-lex-mode]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lex-mode") === mode));
    });
  }
  apply(stored());
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("[data-lex-mode]");
    if (!button) return;
    var mode = button.getAttribute("data-lex-mode");
    try { localStorage.setItem(KEY, mode); } catch (e) { /* private mode: still switch this page */ }
    apply(mode);
  });
  // Material's instant navigation swaps the page body: re-apply to the new buttons.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { apply(stored()); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { apply(stored()); });
  }
})();
