// Keyboard navigation: j/k move between cards or results, o opens the
// current one, / focuses the search box. Pages work fully without it.
(function () {
  "use strict";
  var current = -1;
  function items() { return Array.prototype.slice.call(document.querySelectorAll("[data-nav]")); }
  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function select(list, i) {
    if (!list.length) return;
    if (current >= 0 && list[current]) list[current].classList.remove("current");
    current = Math.max(0, Math.min(list.length - 1, i));
    var el = list[current];
    el.classList.add("current");
    el.scrollIntoView({ block: "nearest" });
    var link = el.querySelector("[data-open]");
    if (link) link.focus({ preventScroll: true });
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    var list = items();
    switch (e.key) {
      case "j": select(list, current + 1); break;
      case "k": select(list, current - 1); break;
      case "o":
        if (current >= 0 && list[current]) {
          var link = list[current].querySelector("[data-open]");
          if (link) window.location.href = link.href;
        }
        break;
      case "/":
        var q = document.getElementById("q");
        if (q) { e.preventDefault(); q.focus(); q.select(); }
        break;
      default: return;
    }
  });
})();
