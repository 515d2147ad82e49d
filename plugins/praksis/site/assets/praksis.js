/* praksis: Material wraps every table in a scroll container (.md-typeset__scrollwrap). On a
   phone a wide table scrolls sideways inside it, so the page itself never does; a container
   that scrolls must be reachable by keyboard (WCAG 2.1.1), so it gets a tab stop and a name. */
(function () {
  function markScrollRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabel, rul vandret for at se alle kolonner");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markScrollRegions);  // after Material has wrapped the tables
  } else {
    window.addEventListener("load", markScrollRegions);
  }
  window.addEventListener("resize", markScrollRegions);
})();
