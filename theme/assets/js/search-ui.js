/* Dutch site search for Toolbox Participatie, what the visitor sees: the search page
 * (zoeken/) and the quick results under the header box. Only the page (DOM) is here; the
 * search itself (normalisation, index, ranking) is search-core.js, loaded before this file,
 * through window.TPSearch. Without JavaScript the search page lists the overviews and the
 * header form opens it (generator/templates/search/page.md.j2, partials/tp-search-form.html).
 */
(function () {
  "use strict";
  var TP = window.TP;
  var TPSearch = window.TPSearch;

  // ---- the search page ----
  function plural(n, one, more) {
    return n === 1 ? "1 " + one : n + " " + more;
  }

  function renderResults(ix, list, query, found) {
    list.textContent = "";
    found.results.forEach(function (r) {
      var d = ix.docs[r.doc]; // [path, anchor, title, kind, snippet, page title]
      var title = d[5] && d[5] !== d[2] ? d[2] + " – " + d[5] : d[2];
      list.appendChild(TP.el("li", { class: "tp-search__result", "data-search-result": "" }, [
        TP.el("a", { href: TP.pageUrl(d[0], d[1]), class: "tp-search__link", text: title }),
        " ",
        TP.el("span", { class: "tp-search__kind", text: d[3] }),
        d[4] ? TP.el("p", { class: "tp-search__snippet", text: d[4] }) : null,
      ]));
    });
    list.hidden = found.results.length === 0;
    list.setAttribute("data-query", query);
    list.setAttribute("data-ms", found.ms.toFixed(2));
    list.setAttribute("data-search-result-count", String(found.results.length));
    if (!list.hasAttribute("data-first-ms")) list.setAttribute("data-first-ms", performance.now().toFixed(0));
  }

  // Nothing found: say so, offer the closest words that do find something and the guides
  // and overviews that fit (never a dead end; the same block without JavaScript is static).
  function renderEmpty(ix, box, query, found) {
    if (!box) return; // a search page from an older build
    box.textContent = "";
    if (found.results.length || !query.trim()) {
      box.hidden = true;
      return;
    }
    var words = [];
    found.suggest.forEach(function (w, k) {
      if (k) words.push(k === found.suggest.length - 1 ? " of " : ", ");
      words.push(TP.el("a", { href: "?q=" + encodeURIComponent(w), "data-tp-suggest": "", text: w }));
    });
    var guides = found.offer.map(function (r) {
      var d = ix.docs[r.doc];
      return TP.el("li", {}, [TP.el("a", { href: TP.pageUrl(d[0], d[1]), "data-tp-offer": "", text: d[2] })]);
    });
    // "Niets gevonden" itself is in the status line above (a live region), not repeated here.
    if (words.length) box.appendChild(TP.el("p", { class: "tp-search__suggest" }, ["Bedoel je "].concat(words, ["?"])));
    box.appendChild(TP.el("p", { text: "Of kies een keuzehulp die bij je vraag past:" }));
    box.appendChild(TP.el("ul", { class: "tp-search__offer" }, guides));
    box.appendChild(TP.el("p", {}, [
      "Je kunt ook bladeren in ",
      TP.el("a", { href: TP.pageUrl("voorbeelden/index.md", ""), "data-tp-offer": "", text: "alle voorbeelden" }),
      " en ",
      TP.el("a", { href: TP.pageUrl("methoden/index.md", ""), "data-tp-offer": "", text: "alle methoden" }),
      ".",
    ]));
    box.hidden = false;
  }

  function setupPage(doc) {
    var form = doc.querySelector("form[data-tp-search]");
    if (!form || form.hasAttribute("data-tp-ready")) return;
    form.setAttribute("data-tp-ready", "");
    var input = form.querySelector("input[type=search]");
    var status = doc.querySelector(".tp-search__status");
    var list = doc.querySelector(".tp-search__results");
    var empty = doc.querySelector(".tp-search__empty");
    var announceTimer = null;
    var latest = "";

    function announce(text, now) {
      clearTimeout(announceTimer);
      // Wait until typing pauses, so a screen reader is not interrupted at each letter.
      announceTimer = setTimeout(function () { status.textContent = text; }, now ? 0 : 700);
    }

    function run(now) {
      var query = input.value;
      latest = query;
      var params = new URLSearchParams(location.search);
      if (query.trim()) params.set("q", query);
      else params.delete("q");
      var qs = params.toString();
      history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
      if (!query.trim()) {
        list.textContent = "";
        list.hidden = true;
        if (empty) empty.hidden = true;
        list.setAttribute("data-query", "");
        announce("", true);
        return;
      }
      if (!TPSearch.ready()) status.textContent = "Zoeken wordt geladen…";
      function broken() {
        status.textContent = "De zoekfunctie kon niet laden. Je vindt alles ook via de overzichten hieronder.";
      }
      TPSearch.whenIndex(function (ix) {
        if (query !== latest) return; // a newer query is under way
        TPSearch.find(query, 20, function (found) {
          if (query !== latest) return;
          renderEmpty(ix, empty, query, found);
          renderResults(ix, list, query, found);
          var n = found.results.length;
          announce(n
            ? plural(n, "resultaat", "resultaten") + " voor ‘" + query.trim() + "’" + (n === 20 ? " (de beste 20)" : "") + "."
            : "Niets gevonden voor ‘" + query.trim() + "’. Hieronder staan woorden die wel iets vinden, keuzehulpen en overzichten.", now);
        }, broken);
      }, broken);
    }

    input.addEventListener("input", function () { run(false); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(true);
    });
    var params = new URLSearchParams(location.search);
    var q = params.get("q") || "";
    input.value = q;
    // Sent here by the header button with an empty box (the phone layout): ready to type.
    if (params.has("q") && !q.trim()) input.focus();
    TPSearch.whenIndex(function () {}); // start loading now: the first search is then instant
    if (q.trim()) run(true);
  }

  // ---- the header box: quick results under it while typing, Enter opens the search page ----
  var QUICK = 8;

  function setupQuick(doc) {
    var form = doc.querySelector("form.tp-header-search");
    if (!form || form.hasAttribute("data-tp-ready")) return;
    form.setAttribute("data-tp-ready", "");
    var input = form.querySelector("input[type=search]");
    var status = TP.el("p", { class: "tp-quick__status", role: "status", "aria-atomic": "true" });
    var list = TP.el("ol", { class: "tp-quick__results", "aria-label": "Snelle zoekresultaten" });
    var more = TP.el("a", { class: "tp-quick__more" });
    var panel = TP.el("div", { class: "tp-quick", hidden: true }, [status, list, more]);
    form.appendChild(panel);
    var latest = "";

    function close() {
      panel.hidden = true;
    }

    function run() {
      var query = input.value;
      latest = query;
      if (!query.trim()) {
        close();
        status.textContent = "";
        return;
      }
      TPSearch.whenIndex(function (ix) {
        if (query !== latest) return;
        TPSearch.find(query, QUICK, function (found) {
          if (query !== latest) return;
          renderResults(ix, list, query, found);
          var n = found.results.length;
          status.textContent = n ? "Beste " + plural(n, "resultaat", "resultaten") + ". Druk op Tab om ze te kiezen." : "Niets gevonden voor ‘" + query.trim() + "’. Druk op Enter voor suggesties en keuzehulpen.";
          more.textContent = "Alle resultaten voor ‘" + query.trim() + "’";
          more.href = form.action + "?q=" + encodeURIComponent(query);
          panel.hidden = false;
        });
      });
    }

    input.addEventListener("focus", function () { TPSearch.whenIndex(function () {}); });
    input.addEventListener("input", run);
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        close();
        input.focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });
    doc.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
  }

  TP.onPage(setupPage);
  TP.onPage(setupQuick);
})();
