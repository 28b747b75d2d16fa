/* Dutch site search for Toolbox Participatie, the core (design and measurements:
 * generator/search/README.md): normalisation, loading the index, matching, ranking and the
 * synonyms. Nothing here touches the page: the search page and the header box are in
 * search-ui.js, which is loaded after this file and uses window.TPSearch.
 *
 * The generator writes the index (generator/search/index.py) as assets/search/core.js, a
 * script that sets window.TP_SEARCH_CORE, and parts that a query loads when it needs them
 * (scripts, not fetched JSON: they load from file:// too). The rules in "normalisation" below must stay
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

  var SYNONYM = 0.9; // match quality of a site word found through the synonyms

  // ---- the index: a small core, and parts loaded when a query needs them ----
  // core.js (generator/search/index.py) holds the word list, each word's document frequency
  // and the stop words: enough to find which index words a query word matches (exact,
  // prefix, compound part, typo) before any posting is read. Postings and the entries
  // (title, URL, summary) are in parts, named in the core, loaded as scripts when needed.
  var DIR = "assets/search/";
  var idx = null;

  function prepare(raw) {
    var vocab = raw.terms ? raw.terms.split(" ") : [];
    var pos = new Map(), idf = new Map();
    vocab.forEach(function (t, i) {
      pos.set(t, i);
      idf.set(t, Math.log(1 + raw.count / raw.df[i]));
    });
    var stop = new Set(raw.stopwords);
    var stopStems = new Set();
    stop.forEach(function (w) { stopStems.add(stem(w)); });
    var weights = new Map();
    Object.keys(raw.weights || {}).forEach(function (d) { weights.set(Number(d), raw.weights[d]); });
    return {
      vocab: vocab, pos: pos, idf: idf, stop: stop, stopStems: stopStems, count: raw.count,
      // From toolbox/reference/synoniemen.yaml (generator/search/synonyms.py), normalised there.
      tables: { stopwords: stop, synonyms: raw.synonyms || {}, fillers: new Set(raw.fillers || []) },
      routes: raw.routes || {}, // query word -> entries shown first (a keuzehulp)
      weights: weights, // entry -> score factor (pages about the site itself: low)
      guides: raw.guides || [], // the keuzehulpen, offered when nothing is found
      suggest: raw.suggest ? raw.suggest.split(" ") : [], // real words "Bedoel je ...?" may offer
      termStarts: raw.termParts.map(function (p) { return p[0]; }),
      termFiles: raw.termParts.map(function (p) { return p[1]; }),
      docsPerPart: raw.docsPerPart, docFiles: raw.docParts,
      post: new Map(), // word -> [entry, weight, entry, weight, ...] (weight < 0: a title word)
      docs: [], // entry -> [path, anchor, title, kind, snippet, page title], once its part is loaded
      loaded: new Set(),
    };
  }

  function whenIndex(done, failed) {
    if (idx) return done(idx);
    TP.loadScript(DIR + "core.js", function () {
      if (!idx && window.TP_SEARCH_CORE) idx = prepare(window.TP_SEARCH_CORE);
      if (idx) done(idx);
      else if (failed) failed();
    }, failed);
  }

  function has(ix, term) {
    return ix.pos.has(term);
  }

  function termFile(ix, term) {
    var i = ix.pos.get(term), lo = 0, hi = ix.termStarts.length - 1;
    while (lo < hi) { // the last part whose first word is at or before this one
      var mid = (lo + hi + 1) >> 1;
      if (ix.termStarts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return ix.termFiles[lo];
  }

  function docFile(ix, doc) {
    return ix.docFiles[Math.floor(doc / ix.docsPerPart)];
  }

  function absorb(ix, file) {
    var part = (window.TP_SEARCH_PARTS || {})[file];
    if (!part) return false;
    delete window.TP_SEARCH_PARTS[file];
    var t = file.charAt(0) === "t" ? ix.termFiles.indexOf(file) : -1;
    if (t >= 0) {
      var first = ix.termStarts[t];
      part.forEach(function (p, k) {
        // Postings come as [gap, weight, gap, weight, ...] (index.py): turn gaps into entries.
        for (var i = 0, doc = 0; i < p.length; i += 2) {
          doc += p[i];
          p[i] = doc;
        }
        ix.post.set(ix.vocab[first + k], p);
      });
    } else {
      var d = ix.docFiles.indexOf(file) * ix.docsPerPart;
      part.forEach(function (row, k) { ix.docs[d + k] = row; });
    }
    ix.loaded.add(file);
    return true;
  }

  // Load the parts named (once each, all at the same time), then call done.
  function need(ix, files, done, failed) {
    var missing = [];
    files.forEach(function (f) {
      if (!ix.loaded.has(f) && missing.indexOf(f) < 0) missing.push(f);
    });
    var left = missing.length, broken = false;
    if (!left) return done();
    missing.forEach(function (f) {
      TP.loadScript(DIR + f, function () {
        if (!ix.loaded.has(f) && !absorb(ix, f)) broken = true;
        if (--left === 0) (broken ? failed : done)();
      }, function () {
        broken = true;
        if (--left === 0) failed();
      });
    });
  }

  // What a query searches for, word by word: [[stem, its site words...], ...]. The same
  // rules as query_terms() in generator/search/synonyms.py (tests/search_vectors.json):
  // stop words, then question fillers ("krijg", "doen") are dropped when other words
  // remain; a word listed in the synonyms also searches for the site's words.
  function queryTerms(query, tables) {
    var words = tokens(query);
    var meaningful = words.filter(function (w) { return !tables.stopwords.has(w); });
    if (meaningful.length) words = meaningful;
    var stems = words.map(stem);
    var content = stems.filter(function (s) { return !tables.fillers.has(s); });
    if (content.length) stems = content;
    return stems.map(function (s) {
      var out = [s];
      var syn = Object.prototype.hasOwnProperty.call(tables.synonyms, s) ? tables.synonyms[s] : [];
      syn.forEach(function (t) { if (t !== s) out.push(t); });
      return out;
    });
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
    if (has(ix, s)) put(s, 1);
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
    if (opts.fuzzy && !has(ix, s) && n >= 4 && !/[0-9]/.test(s)) {
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
      var post = ix.post.get(term);
      var f = quality * ix.idf.get(term);
      for (var i = 0; i < post.length; i += 2) {
        var s = Math.abs(post[i + 1]) * f;
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
        if (lefts[j].length >= 3 && has(ix, lefts[j]) && has(ix, right)) return [lefts[j], right];
      }
    }
    return null;
  }

  // Search: find the matching index words (core only), load the parts with their postings,
  // score and rank, then load the parts with the entries the list shows. Calls done(found)
  // with {words, results, ms}; ms is the time spent searching, not loading. Stale queries
  // are the caller's business (it checks whether the query is still the latest).
  function search(query, limit, done, failed) {
    var ix = idx;
    var t0 = performance.now();
    var groups = queryTerms(query, ix.tables);
    var words = groups.map(function (g) { return g[0]; });
    var plans = groups.map(function (group) {
      var s = group[0];
      var plan = { cands: candidates(ix, s, { fuzzy: group.length === 1 }) };
      // The site's words for a synonym count almost as much as the word itself.
      group.slice(1).forEach(function (t) {
        if (has(ix, t) && !(plan.cands.get(t) >= SYNONYM)) plan.cands.set(t, SYNONYM);
      });
      if (!has(ix, s) && s.length >= 7 && group.length === 1) {
        var parts = splitCompound(ix, s);
        if (parts) plan.parts = [candidates(ix, parts[0], { fuzzy: false }), candidates(ix, parts[1], { fuzzy: false })];
      }
      return plan;
    });
    var files = [];
    plans.forEach(function (plan) {
      [plan.cands].concat(plan.parts || []).forEach(function (cands) {
        cands.forEach(function (_q, term) { files.push(termFile(ix, term)); });
      });
    });
    var ms = performance.now() - t0;
    need(ix, files, function () {
      var t1 = performance.now();
      var results = rank(ix, words, plans);
      var want = groups;
      // Lifting a title needs the titles only for a query word that is a stop word's stem
      // (the index marks title words in the postings, but stop words have no postings).
      var head = results.slice(0, 30);
      var titles = want.some(function (g) { return ix.stopStems.has(g[0]); });
      ms += performance.now() - t1;
      need(ix, titles ? head.map(function (r) { return docFile(ix, r.doc); }) : [], function () {
        var t2 = performance.now();
        liftTitles(ix, want, head, titles);
        results = routeFirst(ix, words, head.concat(results.slice(30))).slice(0, limit || 20);
        ms += performance.now() - t2;
        var offer = results.length ? [] : emptyHanded(ix, groups, query);
        need(ix, results.concat(offer).map(function (r) { return docFile(ix, r.doc); }), function () {
          done({ words: words, results: results, ms: ms, offer: offer, suggest: results.length ? [] : suggestions(ix, groups) });
        }, failed || function () {});
      }, failed || function () {});
    }, failed || function () {});
  }

  function rank(ix, words, plans) {
    var total = new Map(), matched = new Map();
    plans.forEach(function (plan) {
      var scores = scoreTerms(ix, plan.cands);
      if (plan.parts) {
        var a = scoreTerms(ix, plan.parts[0]);
        var b = scoreTerms(ix, plan.parts[1]);
        a.forEach(function (sa, doc) {
          var sb = b.get(doc);
          if (sb === undefined) return;
          var both = 0.5 * (sa + sb);
          if (!(scores.get(doc) >= both)) scores.set(doc, both);
        });
      }
      scores.forEach(function (s, doc) {
        total.set(doc, (total.get(doc) || 0) + s);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var results = [];
    total.forEach(function (s, doc) {
      var coverage = matched.get(doc) / words.length;
      var weight = ix.weights.has(doc) ? ix.weights.get(doc) : 1;
      results.push({ doc: doc, score: s * coverage * coverage * weight });
    });
    results.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
    return results;
  }

  // A page whose title holds every query word (or a site word for it) is what people mean:
  // lift it (in place). `want` is queryTerms(): per query word, the word and its site words.
  function liftTitles(ix, want, head, fromTitles) {
    var inTitle = want.map(function (group) {
      var docs = new Set();
      group.forEach(function (w) {
        var post = ix.post.get(w);
        for (var i = 0; post && i < post.length; i += 2) if (post[i + 1] < 0) docs.add(post[i]);
      });
      return docs;
    });
    head.forEach(function (r) {
      var title = fromTitles ? new Set(tokens(ix.docs[r.doc][2]).map(stem)) : null;
      var all = want.length && want.every(function (group, k) {
        return title ? group.some(function (w) { return title.has(w); }) : inTitle[k].has(r.doc);
      });
      if (all) r.score *= 1.5;
    });
    head.sort(function (x, y) { return y.score - x.score || x.doc - y.doc; });
  }

  // A query that names a user group or a goal ("bewoner", "projectontwikkelaar") shows the
  // page that helps them first (routes in toolbox/reference/synoniemen.yaml).
  function routeFirst(ix, words, results) {
    var first = [];
    words.forEach(function (w) {
      (Object.prototype.hasOwnProperty.call(ix.routes, w) ? ix.routes[w] : []).forEach(function (d) {
        if (first.indexOf(d) < 0) first.push(d);
      });
    });
    if (!first.length) return results;
    var top = results.length ? results[0].score : 1;
    return first.map(function (d, k) { return { doc: d, score: top + first.length - k, route: true }; })
      .concat(results.filter(function (r) { return first.indexOf(r.doc) < 0; }));
  }

  // Nothing found: the guides that fit the words it did recognise (a route word, else all of them).
  function emptyHanded(ix, groups) {
    var docs = [];
    groups.forEach(function (g) {
      g.forEach(function (w) {
        (Object.prototype.hasOwnProperty.call(ix.routes, w) ? ix.routes[w] : []).forEach(function (d) { if (docs.indexOf(d) < 0) docs.push(d); });
      });
    });
    if (!docs.length) docs = ix.guides.slice();
    return docs.map(function (d) { return { doc: d, score: 0 }; });
  }

  // "Bedoel je ...?": the suggestion words closest to what was typed (always a few, nearest first).
  function suggestions(ix, groups) {
    var typed = groups.map(function (g) { return g[0]; });
    var scored = ix.suggest.map(function (word) {
      var f = fold(word), best = Infinity;
      typed.forEach(function (t) {
        var d = distance(t, f, Math.max(t.length, f.length));
        if (f.lastIndexOf(t.slice(0, 4), 0) === 0 && t.length >= 4) d = Math.min(d, 1.5);
        if (d < best) best = d;
      });
      return { word: word, d: best / Math.max(4, f.length) };
    });
    scored.sort(function (a, b) { return a.d - b.d || (a.word < b.word ? -1 : 1); });
    return scored.slice(0, 3).map(function (s) { return s.word; });
  }

  // For search-ui.js, the tests and anyone curious in the console.
  window.TPSearch = {
    fold: fold,
    tokens: tokens,
    stem: stem,
    // queryTerms(query, {stopwords: [...], fillers: [...], synonyms: {word: [site words]}}):
    // tables given by the caller (the shared vectors), or the index's own when left out.
    queryTerms: function (q, tables) {
      if (!tables) return queryTerms(q, idx.tables);
      return queryTerms(q, { stopwords: new Set(tables.stopwords), fillers: new Set(tables.fillers), synonyms: tables.synonyms });
    },
    whenIndex: whenIndex,
    // A promise of {words, results: [{doc, score, entry}], ms}, index loaded as needed.
    search: function (q, limit) {
      return new Promise(function (resolve, reject) {
        whenIndex(function (ix) {
          search(q, limit, function (found) {
            found.results.forEach(function (r) { r.entry = ix.docs[r.doc]; });
            resolve(found);
          }, reject);
        }, reject);
      });
    },
    // The index files this page has loaded so far (for the tests and the measurements).
    loaded: function () { return idx ? Array.from(idx.loaded) : []; },
    // For search-ui.js: whether the index core is in (else the page says it is loading), and
    // the search itself with callbacks: find(query, limit, done(found), failed), where
    // found.results[i].doc indexes the entries of the index whenIndex() hands over (ix.docs).
    ready: function () { return idx !== null; },
    find: search,
  };
})();
