/* Dutch site search for Toolbox Participatie (design and measurements: generator/search/README.md).
 *
 * The generator writes the index (generator/search/index.py) as assets/search/index.js,
 * a script that sets window.TP_SEARCH_INDEX. The rules in "normalisation" below must stay
 * identical to generator/search/text.py: both are run against tests/search_vectors.json.
 *
 * On top of exact (stemmed) words the search matches what people type: the start of a
 * word ("groen" -> groenparticipatie), the end or middle of a compound ("krant" ->
 * wijkkrant), a compound the pages write apart ("wijkgeld" -> wijk + geld), and words
 * with a typo (one or two letters off). Exact matches weigh most.
 */
(function () {
  "use strict";
  var TP = window.TP;

  // ---- normalisation (keep in step with generator/search/text.py) ----
  var VOWELS = "aeiouy";
  var COMBINING = /[\u0300-\u036f]/g;
  var THOUSANDS = /(?<=\d)[.,](?=\d{3}(?!\d))/g;

  function fold(text) {
    var s = String(text).toLowerCase();
    if (/[^\x00-\x7f]/.test(s)) {
      s = s.normalize("NFD").replace(COMBINING, "");
      s = s.replace(/\u0133/g, "ij").replace(/\u00df/g, "ss").replace(/\u20ac/g, " euro ");
    }
    return s.replace(/%/g, " procent ").replace(THOUSANDS, "");
  }

  function keepToken(t) {
    return t.length > 1 || /^[0-9]+$/.test(t);
  }

  function tokens(text) {
    return (fold(text).match(/[a-z0-9]+/g) || []).filter(keepToken);
  }

  function isVowel(ch) {
    return VOWELS.indexOf(ch) >= 0;
  }

  function stem(token) {
    var w = token;
    if (w.length < 4 || /[0-9]/.test(w)) return w;
    var n = w.length;
    if (/(eeen|ieen)$/.test(w)) w = w.slice(0, -2);
    else if (/heden$/.test(w)) w = w.slice(0, -5) + "heid";
    else if (/en$/.test(w) && n >= 5 && !isVowel(w[n - 3])) w = w.slice(0, -2);
    else if (/s$/.test(w) && n >= 5 && "rlm".indexOf(w[n - 2]) >= 0) w = w.slice(0, -1);
    else if (/e$/.test(w) && n >= 4 && !isVowel(w[n - 2])) w = w.slice(0, -1);
    n = w.length;
    if (n >= 3 && w[n - 1] === w[n - 2] && !isVowel(w[n - 1])) w = w.slice(0, -1);
    w = w.replace(/([aeou])\1+/g, "$1");
    if (/v$/.test(w)) w = w.slice(0, -1) + "f";
    else if (/z$/.test(w)) w = w.slice(0, -1) + "s";
    return w;
  }

  // ---- the index ----
  var INDEX = "assets/search/index.js";
  var idx = null;

  function prepare(raw) {
    var terms = raw.terms;
    // Postings come as [gap, weight, gap, weight, ...] (index.py): turn gaps into entry numbers.
    Object.keys(terms).forEach(function (t) {
      var p = terms[t], doc = 0;
      for (var i = 0; i < p.length; i += 2) {
        doc += p[i];
        p[i] = doc;
      }
    });
    var vocab = Object.keys(terms);
    var n = raw.docs.length;
    var idf = {};
    vocab.forEach(function (t) {
      idf[t] = Math.log(1 + n / (terms[t].length / 2));
    });
    return { docs: raw.docs, terms: terms, vocab: vocab, idf: idf, stop: new Set(raw.stopwords) };
  }

  function whenIndex(done, failed) {
    if (idx) return done(idx);
    TP.loadScript(INDEX, function () {
      if (!idx && window.TP_SEARCH_INDEX) idx = prepare(window.TP_SEARCH_INDEX);
      if (idx) done(idx);
      else if (failed) failed();
    }, failed);
  }

  // Optimal string alignment distance, giving up above `max`.
  function distance(a, b, max) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= lb; j++) prev[j] = j;
    for (i = 1; i <= la; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= lb; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[lb];
  }

  // Index terms a query word can stand for, with how good a match each is (0..1).
  function candidates(ix, s, opts) {
    var out = new Map();
    function put(v, q) {
      if (!(out.get(v) >= q)) out.set(v, q);
    }
    var n = s.length;
    if (ix.terms[s]) put(s, 1);
    for (var i = 0; i < ix.vocab.length; i++) {
      var v = ix.vocab[i];
      if (v.length <= n) continue;
      // The more of the longer word the query covers, the better the match ("bewon" for
      // bewoner beats "ide" for ideeenavond).
      var cover = 0.3 * (1 - n / v.length);
      if (n >= 3 && v.lastIndexOf(s, 0) === 0) put(v, 0.8 - cover); // start of a word or compound
      else if (n >= 4 && v.indexOf(s, v.length - n) >= 0) put(v, 0.7 - cover); // end of a compound: wijkkrant
      else if (n >= 5 && v.indexOf(s) > 0) put(v, 0.5 - cover); // middle of a compound
    }
    if (opts.fuzzy && !ix.terms[s] && n >= 4 && !/[0-9]/.test(s)) {
      var max = n >= 8 ? 2 : 1;
      for (var k = 0; k < ix.vocab.length; k++) {
        var t = ix.vocab[k];
        if (Math.abs(t.length - n) > max || out.has(t)) continue;
        var d = distance(s, t, max);
        if (d <= max) put(t, d === 1 ? 0.6 : 0.45);
      }
    }
    return out;
  }

  // Score per document for one set of candidate terms: the best candidate counts.
  function scoreTerms(ix, cands) {
    var scores = new Map();
    cands.forEach(function (quality, term) {
      var post = ix.terms[term];
      var f = quality * ix.idf[term];
      for (var i = 0; i < post.length; i += 2) {
        var s = post[i + 1] * f;
        if (!(scores.get(post[i]) >= s)) scores.set(post[i], s);
      }
    });
    return scores;
  }

  // A query compound the pages may write apart: "wijkgeld" -> "wijk" + "geld".
  function splitCompound(ix, s) {
    for (var i = s.length - 3; i >= 3; i--) {
      var left = s.slice(0, i), right = s.slice(i);
      var lefts = [left, stem(left)];
      if (/[se]$/.test(left)) lefts.push(left.slice(0, -1)); // linking s/e: gebiedsteam, wijkenbudget
      for (var j = 0; j < lefts.length; j++) {
        if (lefts[j].length >= 3 && ix.terms[lefts[j]] && ix.terms[right]) return [lefts[j], right];
      }
    }
    return null;
  }

  function search(query, limit) {
    var ix = idx;
    var t0 = performance.now();
    var words = tokens(query);
    var meaningful = words.filter(function (w) { return !ix.stop.has(w); });
    if (meaningful.length) words = meaningful;
    var total = new Map(), matched = new Map();
    words.forEach(function (word) {
      var s = stem(word);
      var scores = scoreTerms(ix, candidates(ix, s, { fuzzy: true }));
      if (!ix.terms[s] && s.length >= 7) {
        var parts = splitCompound(ix, s);
        if (parts) {
          var a = scoreTerms(ix, candidates(ix, parts[0], { fuzzy: false }));
          var b = scoreTerms(ix, candidates(ix, parts[1], { fuzzy: false }));
          a.forEach(function (sa, doc) {
            var sb = b.get(doc);
            if (sb === undefined) return;
            var both = 0.5 * (sa + sb);
            if (!(scores.get(doc) >= both)) scores.set(doc, both);
          });
        }
      }
      scores.forEach(function (s, doc) {
        total.set(doc, (total.get(doc) || 0) + s);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var results = [];
    total.forEach(function (s, doc) {
      var coverage = matched.get(doc) / words.length;
      results.push({ doc: doc, score: s * coverage * coverage });
    });
    results.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
    // A page whose title holds every query word is what people mean: lift it.
    var head = results.slice(0, 30);
    var want = words.map(stem);
    head.forEach(function (r) {
      var title = new Set(tokens(ix.docs[r.doc][2]).map(stem));
      if (want.length && want.every(function (w) { return title.has(w); })) r.score *= 1.5;
    });
    head.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
    results = head.concat(results.slice(30)).slice(0, limit || 20);
    return { words: words, results: results, ms: performance.now() - t0 };
  }

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

  function setupPage(doc) {
    var form = doc.querySelector("form[data-tp-search]");
    if (!form || form.hasAttribute("data-tp-ready")) return;
    form.setAttribute("data-tp-ready", "");
    var input = form.querySelector("input[type=search]");
    var status = doc.querySelector(".tp-search__status");
    var list = doc.querySelector(".tp-search__results");
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
        list.setAttribute("data-query", "");
        announce("", true);
        return;
      }
      if (!idx) status.textContent = "Zoeken wordt geladen…";
      whenIndex(function (ix) {
        if (query !== latest) return; // a newer query is under way
        var found = search(query, 20);
        renderResults(ix, list, query, found);
        var n = found.results.length;
        announce(n
          ? plural(n, "resultaat", "resultaten") + " voor ‘" + query.trim() + "’" + (n === 20 ? " (de beste 20)" : "") + "."
          : "Niets gevonden voor ‘" + query.trim() + "’. Probeer een ander of korter woord, of kijk in de overzichten hieronder.", now);
      }, function () {
        status.textContent = "De zoekfunctie kon niet laden. Je vindt alles ook via de overzichten hieronder.";
      });
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
    whenIndex(function () {}); // start loading now: the first search is then instant
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
      whenIndex(function (ix) {
        if (query !== latest) return;
        var found = search(query, QUICK);
        renderResults(ix, list, query, found);
        var n = found.results.length;
        status.textContent = n ? "Beste " + plural(n, "resultaat", "resultaten") + ". Druk op Tab om ze te kiezen." : "Niets gevonden voor ‘" + query.trim() + "’.";
        more.textContent = "Alle resultaten voor ‘" + query.trim() + "’";
        more.href = form.action + "?q=" + encodeURIComponent(query);
        panel.hidden = false;
      });
    }

    input.addEventListener("focus", function () { whenIndex(function () {}); });
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

  // For the tests and for anyone curious in the console.
  window.TPSearch = {
    fold: fold,
    tokens: tokens,
    stem: stem,
    whenIndex: whenIndex,
    search: function (q, limit) { return search(q, limit); },
  };
})();
