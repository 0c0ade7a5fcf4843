// Move focus to the error summary so keyboard and screen reader users start from the list of
// problems; each link in it then moves focus to its field and shows the field's label.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    var group = field.closest("fieldset, .field") || field;
    group.scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
