/* Methods side by side on methoden/vergelijk (?m=a&m=b&m=c).
 *
 * Why a GET form and a table drawn here rather than a page per pair: 26 methods make 325
 * pairs and 2,600 triples; pre-generating them would multiply the build for little gain.
 * Without JavaScript the page shows every method in one static table instead.
 * Data: assets/data/compare-methods.js (generator/browse/compare.py compare_data), loaded on this page
 * only; it also says which rows the table has, in which order (from the content layout's facets).
 */
(function () {
  "use strict";
  var TP = window.TP;
  var el = TP.el;
  var MAX = 3;

  function setup(doc) {
    var form = doc.querySelector("form[data-tp-compare]");
    var out = doc.querySelector("[data-tp-compare-out]");
    if (!form || !out || form.hasAttribute("data-tp-ready")) return;
    form.setAttribute("data-tp-ready", "");
    TP.loadScript("assets/data/compare-methods.js", function () {
      var data = window.TP_COMPARE;
      if (data) build(form, out, data);
    });
  }

  // The provenance tag of generator/marks.py, built from the texts in the data (same markup).
  var MARKS = {};
  function mark(kind) {
    var t = MARKS[kind];
    return el("span", { class: "tp-mark tp-mark--" + kind, tabindex: "0" }, [
      el("span", { class: "tp-mark__label", text: t[0] }),
      el("span", { class: "tp-mark__why", text: t[1] }),
    ]);
  }

  function list(values) {
    if (!values.length) return "–";
    if (values.length === 1) return values[0];
    return el("ul", {}, values.map(function (v) { return el("li", {}, [v]); }));
  }

  function build(form, out, data) {
    var bySlug = {};
    MARKS = data.marks || {};
    data.items.forEach(function (m) { bySlug[m.slug] = m; });
    var facets = {};
    data.facets.forEach(function (f) {
      var names = {};
      f.values.forEach(function (v) { names[v.slug] = v.name; });
      facets[f.key] = { label: f.label, names: names };
    });
    var chosen = [];
    new URLSearchParams(location.search).getAll("m").forEach(function (s) {
      if (bySlug[s] && chosen.indexOf(s) < 0 && chosen.length < MAX) chosen.push(s);
    });

    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=m]"));
    function limit() {
      var n = boxes.filter(function (b) { return b.checked; }).length;
      boxes.forEach(function (b) { b.disabled = !b.checked && n >= MAX; });
    }
    boxes.forEach(function (b) {
      b.checked = chosen.indexOf(b.value) >= 0;
      b.addEventListener("change", limit);
    });
    limit();
    form.hidden = false;

    if (!chosen.length) return;
    var methods = chosen.map(function (s) { return bySlug[s]; });
    var head = el("tr", {}, [el("th", { scope: "col", text: "Kenmerk" })].concat(methods.map(function (m) {
      return el("th", { scope: "col" }, [el("a", { href: TP.pageUrl(m.path), text: m.title })]);
    })));
    var rows = data.rows.map(function (row) {
      var label = row[0] === "facet" ? facets[row[1]].label : row[1];
      var cells = methods.map(function (m) {
        var values;
        if (row[0] === "facet") values = (m.facets[row[1]] || []).map(function (v) { return facets[row[1]].names[v]; });
        else if (row[0] === "cases") values = m.cases.map(function (c) { return el("a", { href: TP.pageUrl(c[1]), text: c[0] }); });
        else values = (m[row[0]] || []).map(function (v) {
          // [text, kind]: a text with its provenance mark (general advice)
          return typeof v === "string" ? v : el("span", {}, [v[0], " ", mark(v[1])]);
        });
        var estimate = (m.estimates || []).indexOf(row[0] === "facet" ? row[1] : row[0]) >= 0;
        return el("td", {}, estimate ? [list(values), " ", mark("redactie")] : [list(values)]);
      });
      return el("tr", {}, [el("th", { scope: "row", text: label })].concat(cells));
    });
    var names = methods.map(function (m) { return m.title; });
    var caption = names.length === 1 ? names[0] : names.slice(0, -1).join(", ") + " en " + names[names.length - 1];
    out.textContent = "";
    out.appendChild(el("h2", { id: "tp-compare-title", text: "Naast elkaar: " + caption }));
    if (methods.length === 1) {
      out.appendChild(el("p", { text: "Kies hieronder nog een of twee methoden om ernaast te zetten." }));
    }
    out.appendChild(el("div", { class: "tp-compare-scroll", tabindex: "0", role: "region", "aria-labelledby": "tp-compare-title" }, [
      el("table", { class: "tp-compare-table", "data-methods": chosen.join(" ") }, [
        el("thead", {}, [head]),
        el("tbody", {}, rows),
      ]),
    ]));
  }

  TP.onPage(setup);
})();
