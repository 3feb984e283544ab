// The preview's live reload: injected into every page ndpc serve shows.
(function () {
  "use strict";
  var overlay = null;

  function here(pages) {
    var p = location.pathname;
    if (p.charAt(p.length - 1) === "/") p += "index.html";
    return pages.indexOf(p) >= 0;
  }

  function showProblems(problems) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "ndpc-overlay";
      overlay.setAttribute("role", "alert");
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var h = document.createElement("h2");
    h.textContent = "The site has " + problems.length + (problems.length === 1 ? " error" : " errors") + " (showing the last good version):";
    overlay.appendChild(h);
    var ul = document.createElement("ul");
    problems.forEach(function (p) {
      var li = document.createElement("li");
      var where = p.path + (p.line ? ":" + p.line + (p.col ? ":" + p.col : "") : "");
      var code = document.createElement("code");
      code.textContent = where;
      li.appendChild(code);
      li.appendChild(document.createTextNode(" " + p.message));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
  }

  var source = new EventSource("/__ndpc/events");
  source.addEventListener("errors", function (e) {
    showProblems(JSON.parse(e.data).problems);
  });
  source.addEventListener("ok", function () {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  });
  source.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    if (d.full || here(d.pages || [])) location.reload();
  });
  source.addEventListener("styles", function (e) {
    var changed = JSON.parse(e.data).styles;
    document.querySelectorAll("link[rel=stylesheet]").forEach(function (link) {
      var url = new URL(link.href);
      if (changed.indexOf(url.pathname) >= 0) {
        var fresh = link.cloneNode();
        url.searchParams.set("v", Date.now());
        fresh.href = url.toString();
        fresh.onload = function () { link.remove(); };
        link.after(fresh);
      }
    });
  });
})();
