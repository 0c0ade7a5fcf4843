/* A map in the admin's editing forms that have latitude and longitude fields (proposals, the
   gazetteer): click or drag the pin to fill them in. Without JavaScript the fields, and the street
   or landmark field, still work. Settings come from this script tag's data attributes. */
(function () {
  "use strict";
  var script = document.currentScript;
  var words = JSON.parse(script.getAttribute("data-words") || "{}");  /* in the officer's language */

  function start() {
    var lat = document.getElementById("id_latitude");
    var lon = document.getElementById("id_longitude");
    if (!lat || !lon || !window.L || !window.CivicMap || document.getElementById("civic-location-map")) { return; }
    var field = lat.closest("[data-field-wrapper], .w-field__wrapper, .w-field") || lat.parentNode;
    var row = field.closest(".w-field-row, [data-field-row]") || field;

    var region = document.createElement("div");
    region.className = "civic-location-map";
    var help = document.createElement("p");
    help.id = "map-help";
    help.textContent = words.help || "Click the map to place a pin, then drag it to the exact spot. The latitude and longitude fill in by themselves.";
    var frame = document.createElement("div");
    frame.id = "civic-location-map";
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", words.mapLabel || "Map: click to choose the location");
    frame.className = "civic-location-map__map";
    var status = document.createElement("p");
    status.id = "civic-location-status";
    status.className = "w-sr-only";
    status.setAttribute("aria-live", "polite");
    region.appendChild(help);
    region.appendChild(frame);
    region.appendChild(status);
    row.parentNode.insertBefore(region, row);

    var bounds = JSON.parse(script.getAttribute("data-bounds"));
    var map = L.map(frame, { scrollWheelZoom: false, zoomControl: false });
    CivicMap.controls(map, words);
    L.tileLayer(script.getAttribute("data-tiles"), {
      attribution: script.getAttribute("data-attribution"),
      maxZoom: 19
    }).addTo(map);
    map.fitBounds(bounds);
    CivicMap.pickLocation(map, {
      latInput: "id_latitude", lonInput: "id_longitude", statusId: "civic-location-status", messages: words
    });

    /* A pin chosen on the map wins over a street typed earlier: the server uses the street otherwise. */
    var place = document.getElementById("id_place");
    if (place) {
      map.on("click", function () { place.value = ""; });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
