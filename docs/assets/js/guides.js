/* Decision guides (keuzehulpen): progressive enhancement of the static guide pages.
 *
 * Every step and every result of a guide is its own static page, generated at build time;
 * the guides work fully without this script. With it, moving between those SAME pages is
 * smoother: the next page is fetched and swapped into the article (no full reload), the
 * address bar gets the same URL (history.pushState), and focus moves to the new question or
 * to the result. Enter on a chosen answer continues. On a result page the date is filled in
 * and a print button appears. This script never evaluates a guide's rules, so the URLs and
 * the advice are exactly those without JavaScript.
 */
(function () {
  "use strict";
  var GUIDE = ".tp-guide";
  var ARTICLE = ".md-content__inner";
  var shown = withoutHash(location.href);

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

  function copyChildren(from, to) {
    if (!from || !to) return;
    to.replaceChildren.apply(to, Array.prototype.map.call(from.childNodes, function (node) {
      return document.importNode(node, true);
    }));
  }

  function focusHeading() {
    var heading = document.getElementById("advies") || document.getElementById("vraag");
    if (!heading) return;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }

  function load(url, push) {
    var here = document.querySelector(ARTICLE);
    if (here) here.setAttribute("aria-busy", "true");
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var next = doc.querySelector(ARTICLE);
        if (!here || !next || !next.querySelector(GUIDE)) throw new Error("not a guide page");
        copyChildren(next, here);
        here.removeAttribute("aria-busy");
        document.title = doc.title;
        copyChildren(doc.querySelector(".md-header__title"), document.querySelector(".md-header__title")); // the title the header shows on scroll
        if (push) history.pushState({ tpGuide: true }, "", url);
        shown = withoutHash(url);
        enhance();
        focusHeading();
      })
      .catch(function () {
        location.assign(url); // fall back to an ordinary page load of the same URL
      });
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest ? event.target.closest("a.tp-nav") : null;
    if (!link || !link.closest(GUIDE) || location.protocol === "file:") return; // fetch() does not work from file://
    event.preventDefault();
    load(link.href, true);
  });

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

  window.addEventListener("popstate", function () {
    if (!document.querySelector(GUIDE) || withoutHash(location.href) === shown) return;
    load(location.href, false);
  });

  enhance();
  if (document.querySelector(GUIDE) && (location.hash === "#vraag" || location.hash === "#advies")) focusHeading();
})();
