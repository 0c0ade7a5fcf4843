// Show a conditional survey question only while the answer it depends on is chosen, and disable
// its inputs while hidden so nothing is sent for it. Without this script every question shows,
// each conditional one saying whom it is for, and the server refuses answers to hidden ones.
(function () {
  "use strict";
  var form = document.querySelector(".survey-form");
  if (!form) {
    return;
  }
  var dependants = form.querySelectorAll("[data-show-if]");
  if (!dependants.length) {
    return;
  }

  function isShown(field) {
    return !field.hidden;
  }

  function chosen(name, value) {
    var inputs = form.querySelectorAll("input[name='q-" + name + "']");
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].value === value && inputs[i].checked && !inputs[i].disabled) {
        return true;
      }
    }
    return false;
  }

  function update() {
    // Conditions look back only, so one pass in page order settles every question.
    dependants.forEach(function (field) {
      var target = document.getElementById("q-" + field.dataset.showIf);
      if (!target) {
        return; // one question per page: the server already chose what to ask
      }
      var show = isShown(target) && chosen(field.dataset.showIf, field.dataset.showAnswer);
      field.hidden = !show;
      field.querySelectorAll("input, select, textarea").forEach(function (input) {
        input.disabled = !show;
      });
      var note = field.querySelector(".condition-hint");
      if (note) {
        note.hidden = true;
      }
    });
  }

  form.addEventListener("change", update);
  update();
})();
