// The case-study finder: filters the list on /LANG/case-studies/ by
// country, sector, outcome, creative field and words, with counts per
// choice, keeping the filters in the address so that a view can be shared
// and the back button works. The filters sit in one disclosure whose
// label counts the active ones ("Filters · 2 active"); it starts open on
// wide screens, where it stands beside the results. Each item of the list
// carries the values it is filtered by (data-filter, JSON), so filtering
// needs no request, and opening the page without filters in its address
// costs nothing but binding the form. Without this script the page lists
// every case study.
(function () {
  "use strict";
  var form = document.getElementById("finder");
  if (!form || !window.URLSearchParams) return;
  var lang = form.dataset.lang;
  var facets = ["country", "sector", "outcome", "cci"];
  var listing = document.querySelector(".finder-list");
  var empty = document.querySelector(".finder-empty");
  var status = form.querySelector(".finder-status");
  var details = form.querySelector(".finder-filters");
  var label = form.querySelector(".finder-label");
  var wide = window.matchMedia("(min-width: 64rem)");
  // The language's plural rules and lower-casing load locale data: both
  // wait until the reader filters, so that opening the page costs neither.
  var plural = null;
  var items = null; // {values, li, text}: read from the list when first needed

  // list reads the items from the page, once.
  function list() {
    if (!items) {
      items = Array.prototype.map.call(listing.querySelectorAll(".card-grid > li[data-filter]"), function (li) {
        return { values: JSON.parse(li.dataset.filter), li: li };
      });
    }
    return items;
  }

  // words is the text an item's words are sought in: its title and summary.
  function words(item) {
    if (item.text === undefined) {
      var parts = item.li.querySelectorAll(".card-title, .card-summary");
      item.text = normalize(Array.prototype.map.call(parts, function (e) { return e.textContent; }).join(" ")).replace(/\s+/g, " ");
    }
    return item.text;
  }

  // normalize folds case and marks, so that "cesis" finds Cēsis and
  // "елка" finds «Ёлка»: both the words sought and the text are folded.
  function normalize(s) {
    return (s || "").toLocaleLowerCase(lang).normalize("NFD").replace(/\p{M}/gu, "");
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
      var have = item.values[f];
      if (!s[f].some(function (v) { return have.indexOf(v) >= 0; })) return false;
    }
    if (s.q) {
      var sought = s.q.split(/\s+/), text = words(item);
      for (var j = 0; j < sought.length; j++) {
        if (text.indexOf(sought[j]) < 0) return false;
      }
    }
    return true;
  }

  function apply() {
    var s = state();
    var shown = 0;
    list().forEach(function (item) {
      var ok = matches(item, s, null);
      item.li.hidden = !ok;
      if (ok) shown++;
    });
    listing.querySelectorAll(".outcome-group").forEach(function (section) {
      var visible = section.querySelectorAll(".card-grid > li:not([hidden])").length;
      section.hidden = visible === 0;
      var count = section.querySelector("h2 .count");
      if (count) count.textContent = "(" + visible + ")";
    });
    // Counts per choice: how many would show with that choice added.
    facets.forEach(function (f) {
      form.querySelectorAll("input[name=" + f + "]").forEach(function (box) {
        var n = 0;
        list().forEach(function (item) {
          if (matches(item, s, f) && item.values[f].indexOf(box.value) >= 0) n++;
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

  // fromQuery sets the form from the address; a value matches its
  // checkbox whatever its capitals (?country=fi, ?sector=Digital).
  function fromQuery() {
    var p = new URLSearchParams(location.search);
    form.elements.q.value = p.get("q") || "";
    facets.forEach(function (f) {
      var chosen = p.getAll(f).map(function (v) { return v.toLowerCase(); });
      form.querySelectorAll("input[name=" + f + "]").forEach(function (box) {
        box.checked = chosen.indexOf(box.value.toLowerCase()) >= 0;
      });
    });
  }

  // switchLanguage keeps the chosen filters (not the words, which are
  // the language's own) in the links to the other language's finder.
  function switchLanguage() {
    var p = new URLSearchParams(location.search);
    p.delete("q");
    var q = p.toString();
    document.querySelectorAll("a[data-lang-switch]").forEach(function (a) {
      if (!a.dataset.base) a.dataset.base = a.getAttribute("href");
      a.setAttribute("href", a.dataset.base + (q ? "?" + q : ""));
    });
  }

  function changed(replace) {
    var url = toQuery();
    if (url !== location.search && !(url === location.pathname && !location.search)) {
      history[replace ? "replaceState" : "pushState"](null, "", url);
    }
    switchLanguage();
    apply();
  }

  details.open = wide.matches;
  wide.addEventListener("change", function () { details.open = wide.matches; });
  // The page as built shows every case study with its counts: only a
  // shared address with filters needs the list redrawn at load.
  if (location.search) {
    fromQuery();
    switchLanguage();
    apply();
  }
  form.dataset.ready = "";
  form.addEventListener("change", function () { changed(false); });
  form.elements.q.addEventListener("input", function () { changed(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); changed(false); });
  form.addEventListener("reset", function () { setTimeout(function () { changed(false); }, 0); });
  window.addEventListener("popstate", function () { fromQuery(); switchLanguage(); apply(); });
})();
