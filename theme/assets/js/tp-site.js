/* Small helpers shared by search-core.js, search-ui.js, filter.js and compare.js (loaded before them).
 *
 * Engine-neutral on purpose: nothing here depends on the theme except that, when
 * Material's `document$` observable exists (instant navigation), page set-up runs on
 * each new page it emits; otherwise once, when the DOM is ready.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  // This file is <root>/assets/js/tp-site.js, so the site root is two folders up. An
  // absolute URL, so it stays right after instant navigation and on file://.
  var root = new URL("../../", script ? script.src : location.href).href;
  var loading = {};

  // How this build writes page URLs: "dir" (a/b/) or "html" (a/b.html, the offline copy).
  // The header form says so (partials/tp-search-form.html); else guess from this page.
  function style() {
    var marked = document.querySelector("[data-tp-urls]");
    if (marked) return marked.getAttribute("data-tp-urls");
    return /\.html$/.test(location.pathname) ? "html" : "dir";
  }

  // A generated page's .md path (relative to the docs root) -> its URL on this site.
  function pageUrl(path, anchor) {
    var p = path.replace(/\.md$/, "");
    if (style() === "html") {
      p += ".html";
    } else if (p === "index" || /\/index$/.test(p)) {
      p = p.replace(/index$/, "");
    } else {
      p += "/";
    }
    return root + p + (anchor ? "#" + anchor : "");
  }

  // Load a script from the site once (a script, not fetch(): that works from file:// too).
  function loadScript(rel, done, failed) {
    var entry = loading[rel];
    if (!entry) {
      entry = loading[rel] = { state: "loading", done: [], failed: [] };
      var s = document.createElement("script");
      s.src = root + rel;
      s.onload = function () {
        entry.state = "loaded";
        entry.done.forEach(function (f) { f(); });
      };
      s.onerror = function () {
        entry.state = "failed";
        entry.failed.forEach(function (f) { f(); });
      };
      document.head.appendChild(s);
    }
    if (entry.state === "loaded") done();
    else if (entry.state === "failed") { if (failed) failed(); }
    else {
      entry.done.push(done);
      if (failed) entry.failed.push(failed);
    }
  }

  function onPage(setup) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { setup(document); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { setup(document); });
    } else {
      setup(document);
    }
  }

  // Build an element: el("a", {href: u, class: "x"}, ["text", child]). Text is never HTML.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === false || attrs[k] == null) return;
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c == null) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  window.TP = { root: root, style: style, pageUrl: pageUrl, loadScript: loadScript, onPage: onPage, el: el };
})();
