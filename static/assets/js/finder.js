// The case-study finder: filters the list on /LANG/case-studies/ by
// country, sector, outcome, creative field and words, with counts per
// choice, keeping the filters in the address so that a view can be shared
// and the back button works. The filters sit in one disclosure whose
// label counts the active ones ("Filters · 2 active"); it starts open on
// wide screens, where it stands beside the results. Without this script
// the page lists every case study.
(function () {
  "use strict";
  var form = document.getElementById("finder");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var lang = form.dataset.lang;
  var facets = ["country", "sector", "outcome", "cci"];
  var field = { country: "countries", sector: "sectors", outcome: "outcome", cci: "cci" };
  var list = document.querySelector(".finder-list");
  var empty = document.querySelector(".finder-empty");
  var status = form.querySelector(".finder-status");
  var details = form.querySelector(".finder-filters");
  var label = form.querySelector(".finder-label");
  var wide = window.matchMedia("(min-width: 64rem)");
  // The language's plural rules and lower-casing load locale data: both
  // wait until the reader filters, so that opening the page costs neither.
  var plural = null;
  var items = []; // {record, li, text}: text is made when words are sought

  function values(record, facet) {
    var v = record[field[facet]];
    return Array.isArray(v) ? v : [v];
  }

  function normalize(s) {
    return (s || "").toLocaleLowerCase(lang).replace(/ё/g, "е");
  }

  // state reads the filters from the form.
  function state() {
    var s = { q: normalize(form.elements.q.value).trim() };
    facets.forEach(function (f) {
      s[f] = Array.prototype.filter.call(form.querySelectorAll("input[name=" + f + "]"), function (b) {
        return b.checked;
      }).map(function (b) { return b.value; });
    });
    return s;
  }

  // matches tells whether an item passes every filter but the facet skip.
  function matches(item, s, skip) {
    for (var i = 0; i < facets.length; i++) {
      var f = facets[i];
      if (f === skip || s[f].length === 0) continue;
      var have = values(item.record, f);
      if (!s[f].some(function (v) { return have.indexOf(v) >= 0; })) return false;
    }
    if (s.q) {
      if (item.text === undefined) {
        item.text = normalize(item.record.title[lang] + " " + item.record.summary[lang]);
      }
      var words = s.q.split(/\s+/);
      for (var j = 0; j < words.length; j++) {
        if (item.text.indexOf(words[j]) < 0) return false;
      }
    }
    return true;
  }

  function apply() {
    var s = state();
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item, s, null);
      item.li.hidden = !ok;
      if (ok) shown++;
    });
    list.querySelectorAll(".outcome-group").forEach(function (section) {
      var visible = section.querySelectorAll(".card-grid > li:not([hidden])").length;
      section.hidden = visible === 0;
      var count = section.querySelector("h2 .count");
      if (count) count.textContent = "(" + visible + ")";
    });
    // Counts per choice: how many would show with that choice added.
    facets.forEach(function (f) {
      form.querySelectorAll("input[name=" + f + "]").forEach(function (box) {
        var n = 0;
        items.forEach(function (item) {
          if (matches(item, s, f) && values(item.record, f).indexOf(box.value) >= 0) n++;
        });
        box.parentNode.querySelector("[data-count]").textContent = "(" + n + ")";
      });
    });
    empty.hidden = shown > 0;
    status.textContent = message("found", shown);
    var active = facets.reduce(function (n, f) { return n + s[f].length; }, 0);
    label.textContent = active ? message("active", active) : form.dataset.filters;
  }

  // message picks the plural form of a message for n from the form's
  // data-NAME-one, -few, -many and -other attributes.
  function message(name, n) {
    if (!plural) plural = new Intl.PluralRules(lang);
    var f = plural.select(n);
    var template = form.dataset[name + f.charAt(0).toUpperCase() + f.slice(1)] || form.dataset[name + "Other"];
    return template.replace("{n}", n);
  }

  // The address holds the filters: ?country=FI&sector=digital&q=design
  function toQuery() {
    var s = state();
    var p = new URLSearchParams();
    if (form.elements.q.value.trim()) p.set("q", form.elements.q.value.trim());
    facets.forEach(function (f) { s[f].forEach(function (v) { p.append(f, v); }); });
    var q = p.toString();
    return q ? "?" + q : location.pathname;
  }

  function fromQuery() {
    var p = new URLSearchParams(location.search);
    form.elements.q.value = p.get("q") || "";
    facets.forEach(function (f) {
      var chosen = p.getAll(f);
      form.querySelectorAll("input[name=" + f + "]").forEach(function (box) {
        box.checked = chosen.indexOf(box.value) >= 0;
      });
    });
  }

  function changed(replace) {
    var url = toQuery();
    if (url !== location.search && !(url === location.pathname && !location.search)) {
      history[replace ? "replaceState" : "pushState"](null, "", url);
    }
    apply();
  }

  fetch(form.dataset.data).then(function (r) { return r.json(); }).then(function (data) {
    var byPath = {};
    data.case_studies.forEach(function (record) {
      if (record.url[lang]) byPath[new URL(record.url[lang]).pathname] = record;
    });
    list.querySelectorAll(".card-grid > li").forEach(function (li) {
      var link = li.querySelector(".card-title a");
      var record = link && byPath[new URL(link.href).pathname];
      if (record) {
        items.push({ record: record, li: li });
      }
    });
    form.hidden = false;
    details.open = wide.matches;
    wide.addEventListener("change", function () { details.open = wide.matches; });
    fromQuery();
    // The page as built shows every case study with its counts: only a
    // shared address with filters needs the list redrawn at load.
    if (location.search) apply();
    form.dataset.ready = "";
    form.addEventListener("change", function () { changed(false); });
    form.elements.q.addEventListener("input", function () { changed(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); changed(false); });
    form.addEventListener("reset", function () { setTimeout(function () { changed(false); }, 0); });
    window.addEventListener("popstate", function () { fromQuery(); apply(); });
  });
})();
