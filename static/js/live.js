/* Civic live updates: applies a consultation's events in sequence order over a websocket, or over
   plain HTTP when websockets are blocked. Progressive enhancement: without this script the page
   is complete; with it, new comments, removals, tallies and presence appear without reloading.
   It never moves what the reader is looking at and never touches a form being typed in. */
(function () {
  "use strict";
  /* Django's JavaScript catalogue (jsi18n/, loaded by base.html) translates; without it, English. */
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, n) { return n === 1 ? one : many; };
  var interpolate = window.interpolate || function (format, values) {
    return format.replace(/%\((\w+)\)s/g, function (whole, name) { return String(values[name]); });
  };
  var root = document.querySelector("[data-live-ws]");
  if (!root || !window.JSON) { return; }

  var EVENT_TYPES = ["comment.posted", "comment.updated", "comment.removed", "tally.changed",
    "consultation.state", "response.posted", "opinion.counts", "opinion.groups", "withheld"];
  var lastSeq = parseInt(root.getAttribute("data-live-seq"), 10) || 0;
  var proposalId = root.getAttribute("data-live-proposal") || "";
  var pageState = root.getAttribute("data-live-state");
  var eventsUrl = root.getAttribute("data-live-events");
  /* The socket sends fragments in the page's language (the HTTP feed's address carries it). */
  var language = root.getAttribute("data-live-lang") || document.documentElement.getAttribute("lang") || "";
  var list = root.querySelector("[data-live-comments]");
  var announcer = root.querySelector("[data-live-announcer]");
  var status = root.querySelector("[data-live-status]");
  var countEl = root.querySelector("[data-live-count]");
  var onFirstPage = !list || (list.getAttribute("data-live-page") || "1") === "1";

  var socket = null;
  var failures = 0;
  var everOpened = false;
  var polling = null;
  var pingTimer = null;
  var reconnectTimer = null;
  var fetching = false;
  var stopped = false;
  var pending = {};  // out-of-order events waiting for the gap to fill

  function announce(text) {
    if (!announcer) { return; }
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function showStatus(text) {
    if (!status) { return; }
    status.textContent = text;
    status.hidden = !text;
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  /* Insert or remove without moving what the reader sees: if the change is above the viewport,
     scroll by the same height so the text under their eyes stays put. */
  function keepPlace(node, change) {
    var above = node && node.getBoundingClientRect().top < 0;
    var before = document.documentElement.scrollHeight;
    change();
    if (above) { window.scrollBy(0, document.documentElement.scrollHeight - before); }
  }

  function belongsHere(data) {
    return String(data.proposal || "") === proposalId;
  }

  function adjustCount(delta) {
    if (!countEl) { return; }
    var n = parseInt(countEl.textContent, 10) || 0;
    countEl.textContent = String(Math.max(0, n + delta));
  }

  /* A proposal paragraph's count of comments ("3 comments" beside the paragraph). */
  function adjustParagraph(data, delta) {
    if (!data.paragraph || data.parent || !belongsHere(data)) { return; }
    var nodes = root.querySelectorAll('[data-paragraph-count="' + data.paragraph + '"]');
    Array.prototype.forEach.call(nodes, function (node) {
      var n = Math.max(0, (parseInt(node.getAttribute("data-count"), 10) || 0) + delta);
      node.setAttribute("data-count", String(n));
      node.textContent = interpolate(ngettext("%(count)s comment", "%(count)s comments", n), {count: n}, true);
    });
  }

  function commentPosted(event) {
    var data = event.data || {};
    if (!belongsHere(data) || !event.html) { return; }
    if (document.getElementById(data.anchor)) { return; }
    adjustCount(1);
    adjustParagraph(data, 1);
    var node = fragment(event.html);
    if (data.parent) {
      var parent = document.getElementById("comment-" + data.parent);
      if (!parent) { return; }
      var replies = parent.querySelector("[data-live-replies]");
      if (!replies) {
        replies = document.createElement("ol");
        replies.className = "comment-list comment-list--replies";
        replies.setAttribute("data-live-replies", "");
        replies.setAttribute("aria-label", gettext("Replies"));
        parent.appendChild(replies);
      }
      keepPlace(replies, function () { replies.appendChild(node); });
    } else if (list && onFirstPage) {
      var empty = root.querySelector("[data-live-empty]");
      if (empty) { empty.parentNode.removeChild(empty); }
      keepPlace(list, function () { list.insertBefore(node, list.firstElementChild); });
    } else {
      showStatus(gettext("New comments have been posted. Go to the first page of comments to read them."));
    }
    announce(data.author ? interpolate(gettext("New comment from %(name)s."), {name: data.author}, true) :
      gettext("New comment from a participant."));
  }

  function commentUpdated(event) {
    var data = event.data || {};
    var old = document.getElementById(data.anchor);
    if (!old || !event.html) { return; }
    var fresh = fragment(event.html);
    var replies = old.querySelector("[data-live-replies]");
    if (replies && !fresh.querySelector("[data-live-replies]")) { fresh.appendChild(replies); }
    if (old.contains(document.activeElement)) { return; }  // never pull the rug from focus
    old.parentNode.replaceChild(fresh, old);
  }

  function commentRemoved(event) {
    var data = event.data || {};
    adjustParagraph(data, -1);
    var old = document.getElementById(data.anchor);
    if (!old) { return; }
    if (old.contains(document.activeElement)) {
      var heading = document.getElementById("comments-heading");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
    keepPlace(old, function () { old.parentNode.removeChild(old); });
    adjustCount(-1);
    announce(gettext("A comment was removed by a moderator."));
  }

  function tallyChanged(event) {
    var data = event.data || {};
    var nodes = root.querySelectorAll('.tally[data-proposal="' + data.proposal + '"]');
    Array.prototype.forEach.call(nodes, function (node) {
      var fresh = fragment(event.html);
      node.parentNode.replaceChild(fresh, node);
    });
  }

  /* A conversation statement's counts: replace every copy of its counts on the page. */
  function opinionCounts(event) {
    var data = event.data || {};
    var nodes = root.querySelectorAll('.opinion-counts[data-statement="' + data.statement + '"]');
    Array.prototype.forEach.call(nodes, function (node) {
      node.parentNode.replaceChild(fragment(event.html), node);
    });
  }

  /* New opinion groups: say so rather than move the map and table under the reader. */
  function opinionGroups(event) {
    var data = event.data || {};
    if (String(data.page) !== root.getAttribute("data-live-conversation")) { return; }
    showStatus(gettext("The opinion groups have been updated. Reload the page to see them."));
  }

  function stateChanged(event) {
    var state = (event.data || {}).state;
    if (state && state !== pageState) {
      var label = ((event.data || {}).label || state).toLowerCase();  // in this page's language
      showStatus(interpolate(gettext("This consultation is now %(state)s. Reload the page to see what has changed."),
        {state: label}, true));
      announce(interpolate(gettext("This consultation is now %(state)s."), {state: label}, true));
    }
  }

  var handlers = {
    "comment.posted": commentPosted,
    "comment.updated": commentUpdated,
    "comment.removed": commentRemoved,
    "tally.changed": tallyChanged,
    "consultation.state": stateChanged,
    "response.posted": commentPosted,
    "opinion.counts": opinionCounts,
    "opinion.groups": opinionGroups,
    /* a moderated comment, or something on a page the public cannot see: keep the count only */
    "withheld": function () {}
  };

  function apply(event) {
    lastSeq = event.seq;
    var handler = handlers[event.type];
    if (handler) {
      try { handler(event); } catch (err) { if (window.console) { console.error(err); } }
    }
  }

  function receiveEvent(event) {
    if (event.seq <= lastSeq) { return; }
    if (event.seq === lastSeq + 1) {
      apply(event);
      while (pending[lastSeq + 1]) {
        var next = pending[lastSeq + 1];
        delete pending[lastSeq + 1];
        apply(next);
      }
      return;
    }
    pending[event.seq] = event;  // a gap: fetch what is missing
    catchUp();
  }

  function needReload() {
    stopped = true;
    stop();
    showStatus(gettext(
      "There has been a lot of activity since this page loaded. Reload the page to see the latest comments."));
  }

  function catchUp() {
    if (fetching || stopped) { return; }
    fetching = true;
    var request = new XMLHttpRequest();
    request.open("GET", eventsUrl + "?since=" + lastSeq);
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      fetching = false;
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (err) { body = null; }
      if (request.status === 410 || (body && body.reload)) { needReload(); return; }
      if (request.status !== 200 || !body) { return; }
      body.events.forEach(function (event) { if (event.seq > lastSeq) { pending[event.seq] = event; } });
      while (pending[lastSeq + 1]) {
        var next = pending[lastSeq + 1];
        delete pending[lastSeq + 1];
        apply(next);
      }
    };
    request.onerror = function () { fetching = false; };
    request.send();
  }

  function onMessage(message) {
    var event;
    try { event = JSON.parse(message.data); } catch (err) { return; }
    if (EVENT_TYPES.indexOf(event.type) !== -1) { receiveEvent(event); return; }
    var data = event.data || {};
    if (event.type === "presence" || event.type === "hello") {
      if (typeof data.viewers === "number") {
        var viewers = root.querySelector("[data-live-viewers]");
        if (viewers) {
          viewers.textContent = interpolate(ngettext("%(count)s person is viewing this now",
            "%(count)s people are viewing this now", data.viewers), {count: data.viewers}, true);
          viewers.hidden = false;
        }
      }
      if (event.type === "hello" && data.last_seq > lastSeq) { catchUp(); }
    } else if (event.type === "reload") {
      needReload();
    } else if (event.type === "closed") {
      /* the account changed (signed out, suspended, new password or roles): this page is stale */
      stopped = true;
      stop();
      showStatus(data.message || gettext("Your account has changed. Reload the page."));
    }
  }

  function startPolling() {
    if (polling || stopped) { return; }
    showStatus("");
    polling = window.setInterval(catchUp, 4000);
    catchUp();
    window.setTimeout(function () {  // try the websocket again now and then
      if (polling) { window.clearInterval(polling); polling = null; connect(); }
    }, 60000);
  }

  function stop() {
    if (socket) { try { socket.close(); } catch (err) { /* already closed */ } socket = null; }
    if (polling) { window.clearInterval(polling); polling = null; }
    if (pingTimer) { window.clearInterval(pingTimer); pingTimer = null; }
    if (reconnectTimer) { window.clearTimeout(reconnectTimer); reconnectTimer = null; }
  }

  function connect() {
    if (stopped) { return; }
    if (!("WebSocket" in window)) { startPolling(); return; }
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new WebSocket(scheme + window.location.host + root.getAttribute("data-live-ws") +
        "?since=" + lastSeq + "&lang=" + encodeURIComponent(language));
    } catch (err) { startPolling(); return; }
    socket.onopen = function () {
      failures = 0;
      everOpened = true;
      pingTimer = window.setInterval(function () {
        if (socket && socket.readyState === 1) { socket.send('{"action":"ping"}'); }
      }, 25000);
    };
    socket.onmessage = onMessage;
    socket.onclose = function (close) {
      if (pingTimer) { window.clearInterval(pingTimer); pingTimer = null; }
      socket = null;
      if (stopped || close.code === 4403 || close.code === 4404) { return; }
      if (close.code === 4409) { needReload(); return; }
      if (close.code === 4429) { startPolling(); return; }  // too many sockets open: use plain HTTP
      failures += 1;
      if (!everOpened && failures >= 2) { startPolling(); return; }
      var delay = Math.min(30000, 1000 * Math.pow(2, failures - 1)) * (0.5 + Math.random() / 2);
      reconnectTimer = window.setTimeout(connect, delay);
    };
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !socket && !polling && !stopped) { connect(); }
  });
  connect();
}());
