// The site's only script, loaded as a file (the Content-Security-Policy
// allows no inline script). Everything works without it; it adds:
//  - the language switcher remembers the reader's choice in the nf_lang
//    cookie, which Netlify's language redirect at / respects;
//  - the submission form explains mistakes in the page's language
//    instead of the browser's, and refuses a span of years that ends
//    before it starts.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-lang-switch]");
    if (link) {
      document.cookie = "nf_lang=" + link.getAttribute("hreflang") + "; path=/; max-age=31536000; SameSite=Lax";
    }
  });

  var form = document.querySelector("form[data-netlify]");
  if (!form) {
    return;
  }

  function message(field) {
    var v = field.validity;
    if (v.valueMissing) return field.dataset.msgRequired || "";
    if (v.typeMismatch) return field.dataset.msgType || "";
    if (v.patternMismatch) return field.dataset.msgPattern || "";
    if (v.tooLong) return field.dataset.msgLong || "";
    return "";
  }

  // A span of years whose pattern matches may still end before it starts
  // (2021–2018), which a pattern cannot tell: the field then carries the
  // message of data-msg-order.
  function order(field) {
    if (!field.dataset.msgOrder || field.validity.patternMismatch) return "";
    var years = field.value.match(/\d{4}/g) || [];
    return years.length === 2 && +years[1] < +years[0] ? field.dataset.msgOrder : "";
  }

  form.addEventListener("invalid", function (event) {
    var field = event.target;
    if (field.closest("fieldset[data-choose-one]")) {
      return; // checkGroups keeps their message
    }
    field.setCustomValidity("");
    field.setCustomValidity(field.validity.valid ? order(field) : message(field));
  }, true);

  form.addEventListener("input", function (event) {
    if (event.target.setCustomValidity && !event.target.closest("fieldset[data-choose-one]")) {
      event.target.setCustomValidity("");
      event.target.setCustomValidity(order(event.target));
    }
  });

  // A group of checkboxes needs at least one ticked: the first box carries
  // the message, and the rule, while none is.
  var groups = form.querySelectorAll("fieldset[data-choose-one]");
  function checkGroups() {
    groups.forEach(function (group) {
      var boxes = group.querySelectorAll("input[type=checkbox]");
      var any = Array.prototype.some.call(boxes, function (b) { return b.checked; });
      boxes[0].setCustomValidity(any ? "" : group.dataset.chooseOne);
    });
  }
  form.addEventListener("change", checkGroups);
  var ordered = form.querySelectorAll("[data-msg-order]");
  function checkOrder() {
    ordered.forEach(function (field) {
      field.setCustomValidity("");
      field.setCustomValidity(order(field));
    });
  }
  form.addEventListener("submit", function (event) {
    checkGroups();
    checkOrder();
    if (!form.checkValidity()) {
      event.preventDefault();
      form.reportValidity();
    }
  });
  checkGroups();
  checkOrder();
})();
