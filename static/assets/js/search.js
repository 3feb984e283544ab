// Site search on /LANG/search/?q=…, with the Pagefind index that ndpc
// build makes for the page's language. Results show the page's title,
// section and an excerpt with the matching words marked.
(function () {
  "use strict";
  var form = document.getElementById("search");
  if (!form) return;
  var input = form.elements.q;
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");
  var lang = document.documentElement.lang;
  var plural = new Intl.PluralRules(lang);
  var pagefind = null;

  function message(n) {
    var f = plural.select(n);
    var t = form.dataset["plural" + f.charAt(0).toUpperCase() + f.slice(1)] || form.dataset.pluralOther;
    return t.replace("{n}", n);
  }

  function render(items) {
    results.textContent = "";
    items.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.url;
      a.textContent = (r.meta && r.meta.title) || r.url;
      li.appendChild(a);
      if (r.meta && r.meta.section) {
        var s = document.createElement("span");
        s.className = "search-section";
        s.textContent = r.meta.section;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(s);
      }
      var p = document.createElement("p");
      p.className = "search-excerpt";
      p.innerHTML = r.excerpt; // Pagefind escapes the text and marks the matches
      li.appendChild(p);
      results.appendChild(li);
    });
  }

  function run(q) {
    if (!q) {
      status.textContent = "";
      results.textContent = "";
      return;
    }
    var load = pagefind ? Promise.resolve(pagefind) : import("/pagefind/pagefind.js").then(function (m) {
      pagefind = m;
      return m.init ? Promise.resolve(m.init()).then(function () { return m; }) : m;
    });
    load.then(function (pf) {
      return pf.search(q);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        status.textContent = items.length ? message(search.results.length) : form.dataset.none;
        render(items);
      });
    }).catch(function () {
      status.textContent = form.dataset.unavailable;
    });
  }

  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  document.querySelectorAll("#site-search-q").forEach(function (i) { i.value = q; });
  run(q.trim());
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var v = input.value.trim();
    history.pushState(null, "", v ? "?q=" + encodeURIComponent(v) : location.pathname);
    run(v);
  });
  window.addEventListener("popstate", function () {
    var v = new URLSearchParams(location.search).get("q") || "";
    input.value = v;
    run(v.trim());
  });
})();
