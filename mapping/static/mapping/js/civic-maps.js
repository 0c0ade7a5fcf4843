/* Civic maps: pins from a GeoJSON endpoint (clustered) and a pin picker for the report form.
   Loaded as a static file; the folium-built map script calls CivicMap.* under the page's nonce. */
(function () {
  "use strict";
  var icons = {};

  function icon(status) {
    if (!icons[status]) {
      icons[status] = L.divIcon({
        className: "map-pin map-pin--" + status,
        iconSize: [24, 24],  /* WCAG 2.5.8: targets of at least 24 x 24 px */
        iconAnchor: [12, 12],
        popupAnchor: [0, -12],
        html: ""
      });
    }
    return icons[status];
  }

  /* Sentences come from the page (marked for translation in mapping/maps.py); English when absent. */
  var ENGLISH = {
    pinsFailed: "The map could not load its pins. Use the list instead.",
    pinsShown: "{count} shown on the map.",
    pinPlaced: "Pin placed at latitude {lat}, longitude {lon}.",
    pinTitle: "Location of the problem"
  };

  function say(options, key, values) {
    var text = (options.messages && options.messages[key]) || ENGLISH[key];
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function announce(id, text) {
    var el = id && document.getElementById(id);
    if (el) { el.textContent = text; }
  }

  function popupFor(props, options) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = props.url || options.link.replace("{id}", props.id);
    link.textContent = (options.kind === "proposal" ? "" : "#" + props.id + " ") + props.title;
    box.appendChild(link);
    var meta = [];
    if (props.category && options.categories) { meta.push(options.categories[props.category] || props.category); }
    if (props.status && options.statuses) { meta.push(options.statuses[props.status] || props.status); }
    if (props.summary) { meta.push(props.summary); }
    if (meta.length) {
      var p = document.createElement("p");
      p.textContent = meta.join(" · ");
      box.appendChild(p);
    }
    return box;
  }

  function loadPins(map, url, options) {
    options = options || {};
    var container = map.getContainer();
    var group = options.cluster && L.markerClusterGroup
      ? L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false })
      : L.featureGroup();
    fetch(url, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        if (window.performance && performance.mark) { performance.mark("civic:pins-fetched"); }
        var markers = data.features.map(function (feature) {
          var c = feature.geometry.coordinates;
          var props = feature.properties;
          var marker = L.marker([c[1], c[0]], {
            icon: icon(props.status || options.kind || "pin"),
            title: props.title,
            alt: props.title
          });
          marker.bindPopup(function () { return popupFor(props, options); });
          return marker;
        });
        if (group.addLayers) { group.addLayers(markers); } else { markers.forEach(function (m) { group.addLayer(m); }); }
        map.addLayer(group);
        if (options.fit && markers.length) {
          map.fitBounds(group.getBounds(), { padding: [40, 40], maxZoom: 16, animate: false });
        }
        if (window.performance && performance.mark) { performance.mark("civic:pins-added"); }
        container.setAttribute("data-pins", String(markers.length));
        announce(options.statusId, say(options, "pinsShown", { count: markers.length }));
      })
      .catch(function () {
        container.setAttribute("data-pins", "error");
        announce(options.statusId || "map-status", say(options, "pinsFailed"));
      });
    return group;
  }

  function pickLocation(map, options) {
    var lat = document.getElementById(options.latInput);
    var lon = document.getElementById(options.lonInput);
    var help = document.getElementById("map-help");
    if (help) { help.hidden = false; }
    if (!lat || !lon) { return; }
    var marker = null;

    function write(latlng) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      announce(options.statusId, say(options, "pinPlaced", { lat: lat.value, lon: lon.value }));
    }

    function place(latlng) {
      if (!marker) {
        var pinTitle = say(options, "pinTitle");
        marker = L.marker(latlng, { draggable: true, icon: icon("new"), title: pinTitle, alt: pinTitle });
        marker.on("dragend", function () { forgetPlace(); write(marker.getLatLng()); });
        marker.addTo(map);
      } else {
        marker.setLatLng(latlng);
      }
      write(L.latLng(latlng));
    }

    /* A pin put on the map by hand is no longer the postcode or street chosen in the search box. */
    var chosenPlace = document.getElementById(options.placeInput || "id_place");
    function forgetPlace() { if (chosenPlace) { chosenPlace.value = ""; } }
    map.on("click", function (event) { forgetPlace(); place(event.latlng); });
    function fromInputs() {
      var a = parseFloat(lat.value), b = parseFloat(lon.value);
      if (isFinite(a) && isFinite(b) && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
        place([a, b]);
        map.panTo([a, b]);
      }
    }
    lat.addEventListener("change", fromInputs);
    lon.addEventListener("change", fromInputs);
    if (lat.value && lon.value) { fromInputs(); }
  }

  /* Leaflet's zoom buttons and credit with the titles the page gives (the reader's language); the
     map is made with zoomControl: false. Leaflet's own credit is kept, its English title swapped. */
  function controls(map, words) {
    words = words || {};
    L.control.zoom({
      zoomInTitle: words.zoomInTitle || "Zoom in",
      zoomOutTitle: words.zoomOutTitle || "Zoom out"
    }).addTo(map);
    var prefix = L.Control.Attribution.prototype.options.prefix;
    if (words.leafletTitle && typeof prefix === "string" && map.attributionControl) {
      var title = document.createElement("span");
      title.textContent = words.leafletTitle;
      map.attributionControl.setPrefix(prefix.replace(
        'title="A JavaScript library for interactive maps"',
        'title="' + title.innerHTML.split('"').join("&quot;") + '"'
      ));
    }
  }

  window.CivicMap = { loadPins: loadPins, pickLocation: pickLocation, controls: controls };
})();
