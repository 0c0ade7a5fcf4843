/* "Comment on this paragraph" without a page load: fills the comment form's paragraph and quote in
   place and moves focus to the comment box. Without this script the link reloads the page with the
   form quoting the paragraph, which works the same. */
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form) { return; }
  var input = form.querySelector("input[name=paragraph]");
  var parentInput = form.querySelector("input[name=parent]");
  var notice = form.querySelector("[data-comment-paragraph]");
  var textarea = form.querySelector("textarea");
  if (!input || !notice || !textarea) { return; }

  function mark(id) {
    Array.prototype.forEach.call(document.querySelectorAll(".paragraph--chosen"), function (node) {
      node.classList.remove("paragraph--chosen");
    });
    var chosen = id && document.getElementById("paragraph-" + id);
    if (chosen) { chosen.classList.add("paragraph--chosen"); }
  }

  function choose(paragraph) {
    var id = paragraph.getAttribute("data-paragraph");
    input.value = id;
    if (parentInput) { parentInput.value = ""; }
    notice.querySelector("[data-comment-paragraph-number]").textContent =
      paragraph.getAttribute("data-paragraph-number");
    notice.querySelector("[data-comment-paragraph-text]").textContent =
      paragraph.getAttribute("data-paragraph-text");
    notice.querySelector("[data-comment-paragraph-link]").setAttribute("href", "#paragraph-" + id);
    notice.hidden = false;
    mark(id);
    textarea.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-paragraph-link]");
    if (link) {
      var paragraph = document.getElementById("paragraph-" + link.getAttribute("data-paragraph-link"));
      if (!paragraph) { return; }
      event.preventDefault();
      choose(paragraph);
      return;
    }
    var clear = event.target.closest && event.target.closest("[data-comment-paragraph-clear]");
    if (clear && form.contains(clear)) {
      event.preventDefault();
      input.value = "";
      notice.hidden = true;
      mark("");
      textarea.focus();
    }
  });
  mark(input.value);
}());
