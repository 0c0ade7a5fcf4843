/* Suggestions while typing a postcode, street or landmark: the ARIA combobox pattern (list popup,
   aria-activedescendant). Enhances every input[data-place-lookup]; without this script the form
   still works (submit, then choose from the matches the page lists). No inline code: strict CSP. */
(function () {
  "use strict";
  /* Django's JavaScript catalogue (jsi18n/, loaded by base.html) translates; without it, English. */
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (format, values) {
    return format.replace(/%\((\w+)\)s/g, function (whole, name) { return String(values[name]); });
  };
  var DELAY = 150;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-place-lookup");
    if (!url || input.getAttribute("role") === "combobox") { return; }
    counter += 1;
    var listId = (input.id || "place-lookup-" + counter) + "-suggestions";
    var wrapper = document.createElement("div");
    wrapper.className = "place-lookup";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "place-lookup__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", gettext("Suggestions"));
    list.hidden = true;
    wrapper.appendChild(list);
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var results = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        if (options[index].scrollIntoView) { options[index].scrollIntoView({ block: "nearest" }); }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function fill(name, value) {
      var id = input.getAttribute("data-fill-" + name);
      var target = id && document.getElementById(id);
      if (!target) { return; }
      target.value = value;
      target.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function choose(index) {
      var place = results[index];
      if (!place) { return; }
      input.value = place.label;
      close();
      fill("latitude", place.latitude.toFixed(6));
      fill("longitude", place.longitude.toFixed(6));
      fill("place", place.label);
      status.textContent = interpolate(input.hasAttribute("data-fill-latitude") ?
        gettext("%(place)s chosen: it is marked on the map. Press Continue to go on.") :
        gettext("%(place)s chosen."), {place: place.label}, true);
      input.dispatchEvent(new CustomEvent("place-chosen", { bubbles: true, detail: place }));
    }

    function show(places) {
      results = places;
      list.textContent = "";
      places.forEach(function (place, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.className = "place-lookup__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = place.label;
        var meta = document.createElement("span");
        meta.className = "place-lookup__meta";
        meta.textContent = " " + (place.ward ? interpolate(gettext("%(kind)s, %(ward)s ward"),
          {kind: place.kind_label, ward: place.ward}, true) : place.kind_label);
        option.appendChild(meta);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(i); });
        list.appendChild(option);
      });
      active = -1;
      if (places.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = interpolate(ngettext(
          "%(count)s suggestion. Use the up and down arrows to choose.",
          "%(count)s suggestions. Use the up and down arrows to choose.", places.length),
          {count: places.length}, true);
      } else {
        close();
        status.textContent = gettext("No suggestions.");
      }
    }

    function lookup() {
      var query = input.value.trim();
      if (query.length < 2) { close(); results = []; return; }
      var ask = ++latest;
      var sep = url.indexOf("?") === -1 ? "?" : "&";
      fetch(url + sep + "q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (ask === latest) { show(data.results || []); } })
        .catch(function () { if (ask === latest) { close(); } });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(lookup, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && results.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { lookup(); return; }
        highlight(active + 1 >= results.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active <= 0 ? results.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();  /* choose, do not submit; Enter again submits */
          choose(active);
        }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-place-lookup]");
    for (var i = 0; i < inputs.length; i += 1) { enhance(inputs[i]); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
