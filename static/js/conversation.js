/* Conversations: as a resident types a statement, similar statements already in the conversation
   are listed under the box (the form also shows them on submit, so this is an enhancement only). */
(function () {
  "use strict";
  var gettext = window.gettext || function (text) { return text; };  // Django's JavaScript catalogue
  var form = document.querySelector("form[data-similar-url]");
  if (!form) { return; }
  var box = form.querySelector("textarea");
  var list = form.querySelector("[data-similar-list]");
  if (!box || !list) { return; }
  var timer = null;
  var lastAsked = "";

  function show(items) {
    list.textContent = "";
    if (!items.length) { list.hidden = true; return; }
    var intro = document.createElement("p");
    intro.textContent = gettext("Similar statements are already here. You could vote on one instead:");
    list.appendChild(intro);
    var ul = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "?statement=" + encodeURIComponent(item.id) + "#vote";
      a.textContent = item.text;
      li.appendChild(a);
      ul.appendChild(li);
    });
    list.appendChild(ul);
    list.hidden = false;
  }

  function ask() {
    var text = box.value.trim();
    if (text === lastAsked) { return; }
    lastAsked = text;
    if (text.length < 5) { show([]); return; }
    var request = new XMLHttpRequest();
    request.open("GET", form.getAttribute("data-similar-url") + "?q=" + encodeURIComponent(text));
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      if (request.status !== 200 || text !== lastAsked) { return; }
      try { show(JSON.parse(request.responseText).similar || []); } catch (err) { show([]); }
    };
    request.send();
  }

  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 400);
  });
}());
