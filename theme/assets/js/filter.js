/* Facet filter panel on the methods and cases overviews.
 *
 * Data: the page itself (generator/facets.py). The mount div's data-tp-facets holds the
 * facet labels and value names; each item of the overview's list carries its facet values
 * in data-tp-f (per facet, ";"-separated: the positions of its values in that facet's list).
 * Both come from the same function as the static listing pages (/methoden/niveau/meebeslissen/
 * and so on), so checking one value here lists exactly what that page lists (a browser test
 * checks it). No separate data file: the list is on the page anyway, and a second copy cost
 * 190 KB gzip at 2,000 cases.
 * Rules: OR within a facet, AND across facets. Each value shows how many entries you would
 * get if you ticked it now. The choice is kept in the URL (?niveau=meebeslissen&schaal=wijk),
 * so a filtered list can be shared and survives Back.
 */
(function () {
  "use strict";
  var TP = window.TP;
  var el = TP.el;

  function setup(doc) {
    var mount = doc.querySelector("[data-tp-filter]");
    if (!mount || mount.hasAttribute("data-tp-ready")) return;
    mount.setAttribute("data-tp-ready", "");
    var data;
    try {
      data = JSON.parse(mount.getAttribute("data-tp-facets"));
    } catch (e) {
      return; // no filter; the static lists and facet pages still work
    }
    data.items = readItems(doc, data);
    build(mount, data);
  }

  // The entries listed on the page: slug (from the link), link, summary and facet values.
  function readItems(doc, data) {
    var items = [];
    Array.prototype.forEach.call(doc.querySelectorAll("li[data-tp-f]"), function (li) {
      var link = li.querySelector("a[href]");
      if (!link) return;
      // "x/", "../x/", "x.html" (offline copy) or "x/index.html" -> "x"
      var slug = link.getAttribute("href").replace(/(\/index\.html|\.html|\/)$/, "").split("/").pop();
      var parts = li.getAttribute("data-tp-f").split(";");
      var facets = {};
      data.facets.forEach(function (f, i) {
        facets[f.key] = (parts[i] || "").split(" ").filter(Boolean).map(function (n) {
          return (f.values[+n] || {}).slug;
        });
      });
      var summary = li.textContent.slice(li.textContent.indexOf(link.textContent) + link.textContent.length).replace(/^\s*:\s*/, "");
      items.push({ slug: slug, title: link.textContent, href: link.href, summary: summary.trim(), facets: facets });
    });
    return items;
  }

  function readState(data) {
    var params = new URLSearchParams(location.search);
    var state = {};
    data.facets.forEach(function (f) {
      var known = new Set(f.values.map(function (v) { return v.slug; }));
      state[f.key] = new Set(params.getAll(f.key).filter(function (v) { return known.has(v); }));
    });
    return state;
  }

  function writeState(data, state) {
    var params = new URLSearchParams(location.search);
    data.facets.forEach(function (f) {
      params.delete(f.key);
      state[f.key].forEach(function (v) { params.append(f.key, v); });
    });
    var qs = params.toString();
    history.replaceState(history.state, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  }

  // Does an item pass every facet except `skip`? (OR within a facet, AND across facets.)
  function passes(item, state, skip) {
    return Object.keys(state).every(function (key) {
      var chosen = state[key];
      if (key === skip || chosen.size === 0) return true;
      return (item.facets[key] || []).some(function (v) { return chosen.has(v); });
    });
  }

  function active(state) {
    return Object.keys(state).some(function (k) { return state[k].size > 0; });
  }

  function build(mount, data) {
    var state = readState(data);
    var id = "tp-filter-" + data.kind;
    var boxes = []; // {facet, value, input, count}
    var facetNodes = data.facets.map(function (f) {
      var items = f.values.map(function (v) {
        var input = el("input", { type: "checkbox", name: f.key, value: v.slug });
        input.checked = state[f.key].has(v.slug);
        var count = el("span", { class: "tp-filter__count" });
        boxes.push({ facet: f.key, value: v.slug, input: input, count: count });
        return el("li", {}, [el("label", {}, [input, " " + v.name + " ", count])]);
      });
      var summaryCount = el("span", { class: "tp-filter__chosen" });
      var details = el("details", { class: "tp-filter__facet", "data-facet": f.key }, [
        el("summary", {}, [f.label, " ", summaryCount]),
        el("fieldset", {}, [el("legend", { class: "tp-sr-only", text: f.label }), el("ul", {}, items)]),
      ]);
      details.open = state[f.key].size > 0;
      return { facet: f, details: details, summaryCount: summaryCount };
    });
    var status = el("p", { class: "tp-filter__status", role: "status", "aria-atomic": "true" });
    var clear = el("button", { type: "button", class: "md-button tp-filter__clear", text: "Wis alle filters" });
    var list = el("ol", { class: "tp-filter__results", "aria-label": "Gefilterde " + data.noun });
    var results = list;
    var compareButton = null;
    if (data.compare) {
      compareButton = el("button", { type: "submit", class: "md-button md-button--primary", text: "Vergelijk de gekozen methoden" });
      results = el("form", { class: "tp-filter__compare", method: "get", action: TP.pageUrl(data.compare) }, [
        list,
        el("p", {}, [compareButton]),
      ]);
    }
    var panel = el("section", { class: "tp-filter__panel", "aria-labelledby": id + "-title" }, [
      el("h2", { id: id + "-title", text: "Filter de " + data.noun }),
      el("p", {
        class: "tp-filter__help",
        text: "Vink aan wat je zoekt. Kies je meer dan één waarde bij hetzelfde kenmerk? Dan zie je alles wat bij één ervan past. " +
          "Kies je bij meer kenmerken? Dan zie je alleen wat bij allemaal past. Het getal zegt hoeveel " + data.noun + " je dan krijgt.",
      }),
      el("form", { class: "tp-filter__form", "aria-label": "Filter" }, facetNodes.map(function (n) { return n.details; })),
      el("div", { class: "tp-filter__bar" }, [status, clear]),
      results,
    ]);
    mount.appendChild(panel);

    function update() {
      var matching = data.items.filter(function (item) { return passes(item, state, null); });
      boxes.forEach(function (b) {
        var n = data.items.filter(function (item) {
          return passes(item, state, b.facet) && (item.facets[b.facet] || []).indexOf(b.value) >= 0;
        }).length;
        b.count.textContent = "(" + n + ")";
      });
      facetNodes.forEach(function (n) {
        var k = state[n.facet.key].size;
        n.summaryCount.textContent = k ? "(" + k + " gekozen)" : "";
      });
      list.textContent = "";
      var on = active(state);
      clear.hidden = !on;
      if (compareButton) compareButton.parentNode.hidden = !on || matching.length < 2;
      if (!on) {
        status.textContent = "Je hebt nog niets aangevinkt. Hieronder staan alle " + data.items.length + " " + data.noun + ".";
        list.hidden = true;
        list.setAttribute("data-state", "");
        return;
      }
      matching.forEach(function (item) {
        var children = [el("a", { href: item.href, text: item.title }), el("p", { text: item.summary })];
        if (data.compare) {
          children.push(el("label", { class: "tp-filter__pick" }, [
            el("input", { type: "checkbox", name: "m", value: item.slug }),
            " Vergelijk",
            el("span", { class: "tp-sr-only", text: " " + item.title }),
          ]));
        }
        list.appendChild(el("li", { "data-slug": item.slug }, children));
      });
      list.hidden = matching.length === 0;
      list.setAttribute("data-state", new URLSearchParams(location.search).toString());
      status.textContent = matching.length
        ? (matching.length === 1 ? "1 " + data.singular : matching.length + " " + data.noun) + " van de " + data.items.length + " past bij je keuze."
        : "Geen " + data.noun + " passen bij al je keuzes samen. Vink iets uit.";
    }

    boxes.forEach(function (b) {
      b.input.addEventListener("change", function () {
        if (b.input.checked) state[b.facet].add(b.value);
        else state[b.facet].delete(b.value);
        writeState(data, state);
        update();
      });
    });
    clear.addEventListener("click", function () {
      Object.keys(state).forEach(function (k) { state[k].clear(); });
      boxes.forEach(function (b) { b.input.checked = false; });
      writeState(data, state);
      update();
      panel.querySelector("summary").focus();
    });
    update();
  }

  TP.onPage(setup);
})();
