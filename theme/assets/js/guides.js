/* Decision guides (keuzehulpen): progressive enhancement of the static guide pages.
 *
 * Every step and every result of a guide is its own static page, generated at build time;
 * the guides work fully without this script, and with it they use the SAME navigation:
 * an ordinary page load of the next URL. This script never evaluates a guide's rules.
 *
 * Why full page loads (and no in-place swap). An earlier version fetched the next page,
 * swapped the article and called history.pushState with the deeper URL. Every other
 * relative URL on the page (menu, logo, header search form, footer, favicon, the theme's
 * config) then resolved against the new folder: 44 of 106 links answered 404 after three
 * steps. Three fixes were weighed, measured in Chromium against a local static server
 * (initiatiefwijzer, 4 steps x 5 runs, twice):
 *   - swap the article and rewrite every other relative URL: 98 ms median per step, but it
 *     must also handle '#' links, the theme's footer (previous/next differ per page) and its
 *     config; each new relative URL in a template could break it again;
 *   - swap the whole page shell: the theme binds its header, drawer and back-to-top button
 *     once per load, so they stop working unless the theme's own instant mode is used;
 *   - a full page load: 142-152 ms median (the theme's scripts run again, from cache), and
 *     nothing can resolve against the wrong folder, with or without JavaScript.
 * The full load is the simplest and cannot have this class of bug, so that is what we do:
 * about 50 ms more per step, well below what a visitor notices between two questions.
 * Prefetching the next page when an answer is chosen was tried and measured: no clear gain
 * (178 vs 185 ms and 207 vs 231 ms median on a busy machine; the time is in running the
 * theme's scripts, not in the request), so it was left out.
 *
 * What the script still adds: Enter on a chosen answer continues; after a load at #vraag
 * or #advies the heading gets focus; on a result page the date is filled in and the print
 * button appears (it is hidden without JavaScript, as it needs window.print()).
 */
(function () {
  "use strict";
  var GUIDE = ".tp-guide";

  function withoutHash(url) {
    return url.split("#")[0];
  }

  function enhance() {
    var guide = document.querySelector(GUIDE);
    if (!guide) return;
    var date = guide.querySelector(".tp-date");
    if (date) {
      date.textContent = new Date().toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
    }
    var url = guide.querySelector(".tp-url");
    if (url) url.textContent = withoutHash(location.href);
    var print = guide.querySelector(".tp-print");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }

  function focusHeading() {
    var heading = document.getElementById("advies") || document.getElementById("vraag");
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }

  // Enter on a chosen answer does what the visible "Verder" link does.
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key !== "Enter" || !input.matches || !input.matches(".tp-opt__input") || !input.checked) return;
    var link = document.getElementById(input.getAttribute("data-tp-next"));
    if (link) {
      event.preventDefault();
      link.click();
    }
  });

  enhance();
  if (document.querySelector(GUIDE) && (location.hash === "#vraag" || location.hash === "#advies")) focusHeading();
})();
