// The whole-graph page: filters, actor search, the evidence panel. Brief text only ever reaches
// the page through textContent and createTextNode, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var DIM_NODE = { background: "#eeeeee", border: "#dddddd", highlight: { background: "#eeeeee", border: "#dddddd" } };
  var DIM_EDGE = { color: "#e6e6e6", highlight: "#e6e6e6", hover: "#e6e6e6" };
  var DIM_TEXT = "#c8c8c8", TEXT = "#343434";  // vis-network's label colour
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  var nodeById = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var edgeById = new Map(data.edges.map(function (e) { return [e.id, e]; }));
  var edgesOf = new Map();
  data.edges.forEach(function (e) {
    [e.from, e.to].forEach(function (id, i) {
      if (i === 1 && e.to === e.from) return;
      if (!edgesOf.has(id)) edgesOf.set(id, []);
      edgesOf.get(id).push(e.id);
    });
  });
  var themes = new Set(data.nodes.filter(function (n) { return n.kind === "Theme"; }).map(function (n) { return n.id; }));
  var briefById = new Map(data.briefs.map(function (b) { return [b.id, b]; }));

  // ---- the statements, in parts beside the page (graph-data/), loaded when first needed --------
  // A part is a script calling kgPart(name, data): a page opened from the disk may load scripts
  // beside it, not fetch files. body[data-loading] is set while a part is on its way.
  var parts = new Map(), waiting = new Map(), settled = [];
  window.kgPart = function (name, payload) { parts.set(name, payload); };
  function load(name, then) {
    if (parts.has(name)) { then(parts.get(name)); return; }
    if (waiting.has(name)) { waiting.get(name).push(then); return; }
    waiting.set(name, [then]);
    document.body.dataset.loading = "1";
    var script = document.createElement("script");
    script.src = data.dataFolder + "/" + name + ".js";
    script.onload = script.onerror = function () {
      if (!parts.has(name)) parts.set(name, null);  // missing: said where it is needed
      var callbacks = waiting.get(name);
      waiting.delete(name);
      callbacks.forEach(function (callback) { callback(parts.get(name)); });
      if (!waiting.size) {
        delete document.body.dataset.loading;
        settled.splice(0).forEach(function (callback) { callback(); });
      }
    };
    document.head.appendChild(script);
  }
  function whenSettled(callback) { if (waiting.size) settled.push(callback); else callback(); }

  var shownCount = new Map();  // edge id -> its statements that pass the filters
  var visibleEdges = new Set(edgeById.keys());
  var visibleNodes = new Set(nodeById.keys());
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return visibleEdges.has(e.id); } });
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  var $ = function (id) { return document.getElementById(id); };
  var controls = {
    from: $("date-from"), to: $("date-to"), undated: $("undated"), brief: $("brief"), relation: $("relation"),
    tone: $("tone"), hideThemes: $("hide-themes"), physics: $("physics"), search: $("search"),
  };
  var panel = $("panel"), panelBody = $("panel-body");
  var focused = null, shownEdge = null, shownNode = null;

  // ---- filters ------------------------------------------------------------------------------
  var lastMonth = Math.max(data.months.length - 1, 0);
  [controls.from, controls.to].forEach(function (slider) { slider.max = lastMonth; slider.disabled = !data.months.length; });
  controls.to.value = lastMonth;

  function monthName(index) {
    var month = data.months[index];
    return MONTHS[+month.slice(5, 7) - 1] + " " + month.slice(0, 4);
  }

  function checked(selector) {
    return new Set(Array.prototype.filter.call(document.querySelectorAll(selector), function (box) { return box.checked; })
      .map(function (box) { return box.value; }));
  }

  function readFilters() {
    var from = +controls.from.value, to = +controls.to.value;
    $("date-range").textContent = data.months.length ? monthName(from) + " – " + monthName(to) : "no dated statements";
    var kind = controls.tone.value.split(":")[0], value = controls.tone.value.slice(kind.length + 1);
    return {
      from: data.months.length ? data.months[from] + "-01" : "",
      to: data.months.length ? data.months[to] + "-31" : "",
      undated: controls.undated.checked,
      brief: +controls.brief.value,
      relation: controls.relation.value,
      tone: kind === "tone" ? value : "",
      event: kind === "event" ? value : "",
      modalities: checked("input.modality"),
      polarities: checked("input.polarity"),
      hideThemes: controls.hideThemes.checked,
    };
  }

  function statementPasses(s, f) {
    if (f.brief >= 0 && s.brief !== data.briefs[f.brief].id) return false;
    if (f.relation && s.relation !== f.relation) return false;
    if (f.tone && s.tone !== f.tone) return false;
    if (f.event && s.event !== f.event) return false;
    if (!f.modalities.has(s.modality) || !f.polarities.has(s.polarity)) return false;
    if (!s.date) return f.undated;
    return s.to >= f.from && s.from <= f.to;  // the statement's period overlaps the chosen months
  }

  function periodPasses(from, to, f) { return to >= f.from && from <= f.to; }  // overlaps the chosen months

  // how many of an edge's statements pass: its relation, tone, event, modality and polarity are
  // every statement's; their dates are counted by period, per brief when a brief is chosen
  function edgeCount(e, f, ofBrief) {
    if (f.relation && e.relation !== f.relation) return 0;
    if (f.tone && e.tone !== f.tone) return 0;
    if (f.event && e.event !== f.event) return 0;
    if (!f.modalities.has(e.modality) || !f.polarities.has(e.polarity)) return 0;
    var count = 0;
    if (ofBrief) {
      (ofBrief.get(e.ref) || []).forEach(function (p) { if (p[1] ? periodPasses(p[1], p[2], f) : f.undated) count += p[3]; });
      return count;
    }
    e.dates.forEach(function (p) { if (periodPasses(p[0], p[1], f)) count += p[2]; });
    return count + (f.undated ? e.undated : 0);
  }

  function applyFilters() {
    var f = readFilters(), shownStatements = 0, ofBrief = null;
    if (f.brief >= 0) {
      var brief = data.briefs[f.brief], name = "briefs-" + brief.part;
      if (!parts.has(name)) { load(name, applyFilters); return; }
      ofBrief = new Map();
      ((parts.get(name) || {})[brief.id] || []).forEach(function (p) {
        if (!ofBrief.has(p[0])) ofBrief.set(p[0], []);
        ofBrief.get(p[0]).push(p);
      });
    }
    visibleEdges.clear();
    visibleNodes.clear();
    shownCount.clear();
    data.edges.forEach(function (e) {
      if (f.hideThemes && (themes.has(e.from) || themes.has(e.to))) return;
      var count = edgeCount(e, f, ofBrief);
      if (!count) return;
      shownCount.set(e.id, count);
      visibleEdges.add(e.id);
      visibleNodes.add(e.from);
      visibleNodes.add(e.to);
      shownStatements += count;
    });
    nodeView.refresh();
    edgeView.refresh();
    var counts = $("counts");
    counts.dataset.edges = visibleEdges.size;
    counts.dataset.statements = shownStatements;
    counts.dataset.nodes = visibleNodes.size;
    $("empty").hidden = visibleEdges.size > 0;  // an empty canvas says why, and how to undo it
    counts.textContent = "showing " + visibleEdges.size + " of " + data.edges.length + " edges, " +
      shownStatements + " of " + data.statements + " statements, " + visibleNodes.size + " of " + data.nodes.length + " nodes";
    if (shownEdge !== null) showEdge(shownEdge);
    else if (shownNode !== null) showNode(shownNode);
  }

  controls.from.addEventListener("input", function () {
    if (+controls.from.value > +controls.to.value) controls.to.value = controls.from.value;
    applyFilters();
  });
  controls.to.addEventListener("input", function () {
    if (+controls.to.value < +controls.from.value) controls.from.value = controls.to.value;
    applyFilters();
  });
  [controls.undated, controls.brief, controls.relation, controls.tone, controls.hideThemes].forEach(function (c) {
    c.addEventListener("change", applyFilters);
  });
  document.querySelectorAll("input.modality, input.polarity").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  $("reset").addEventListener("click", function () {
    controls.from.value = 0;
    controls.to.value = lastMonth;
    controls.undated.checked = true;
    controls.brief.value = "-1";
    controls.relation.value = "";
    controls.tone.value = "";
    controls.hideThemes.checked = false;
    document.querySelectorAll("input.modality, input.polarity").forEach(function (box) { box.checked = true; });
    controls.search.value = "";
    $("search-result").textContent = "";
    clearFocus();
    applyFilters();
  });
  $("empty-reset").addEventListener("click", function () { $("reset").click(); });
  controls.physics.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: controls.physics.checked } });
  });

  // ---- actor search: focus the node and dim all but its neighbours ---------------------------
  // every name a node goes by: its label and the vocabulary's aliases (skos:altLabel, demonyms)
  var namesOf = new Map(data.nodes.map(function (n) {
    return [n.id, (n.names || []).concat([n.label]).map(function (name) { return name.toLocaleLowerCase(); })];
  }));

  function findNode(text) {
    var query = text.trim().toLocaleLowerCase();
    if (!query) return null;
    var ranked = [function (l) { return l === query; }, function (l) { return l.startsWith(query); },
      function (l) { return l.indexOf(query) >= 0; }];
    for (var r = 0; r < ranked.length; r++) {
      var found = data.nodes.filter(function (n) { return namesOf.get(n.id).some(ranked[r]); });
      found.sort(function (a, b) { return (a.kind === "Theme") - (b.kind === "Theme") || b.size - a.size; });
      if (found.length) return found[0];
    }
    return null;
  }

  function focusNode(id) {
    var keep = new Set([id]);
    (edgesOf.get(id) || []).forEach(function (edgeId) {
      if (!visibleEdges.has(edgeId)) return;
      var e = edgeById.get(edgeId);
      keep.add(e.from);
      keep.add(e.to);
    });
    nodes.update(data.nodes.map(function (n) {
      return keep.has(n.id) ? { id: n.id, color: n.color, font: { color: TEXT } }
        : { id: n.id, color: DIM_NODE, font: { color: DIM_TEXT } };
    }));
    edges.update(data.edges.map(function (e) {
      var near = e.from === id || e.to === id;
      return { id: e.id, color: near ? e.color : DIM_EDGE, font: { color: near ? TEXT : DIM_TEXT } };
    }));
    focused = id;
    document.body.dataset.focus = id;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    showNode(id);
  }

  function clearFocus() {
    if (focused === null) return;
    nodes.update(data.nodes.map(function (n) { return { id: n.id, color: n.color, font: { color: TEXT } }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, color: e.color, font: { color: TEXT } }; }));
    focused = null;
    delete document.body.dataset.focus;
  }

  function search() {
    var node = findNode(controls.search.value), result = $("search-result");
    if (!node) { result.textContent = controls.search.value.trim() ? "No actor or theme of that name." : ""; return; }
    if (!visibleNodes.has(node.id)) { result.textContent = node.label + " is hidden by the filters."; return; }
    var label = node.label.toLocaleLowerCase(), query = controls.search.value.trim().toLocaleLowerCase();
    result.textContent = label.indexOf(query) >= 0 ? "" : "“" + controls.search.value.trim() + "”: " + node.label;
    focusNode(node.id);
  }
  controls.search.addEventListener("keydown", function (event) { if (event.key === "Enter") search(); });
  controls.search.addEventListener("change", search);

  // ---- the evidence panel -------------------------------------------------------------------
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function evidence(s) {
    var quote = element("blockquote", "evidence"), position = 0;
    quote.appendChild(document.createTextNode("“"));
    s.marks.forEach(function (m) {
      quote.appendChild(document.createTextNode(s.sentence.slice(position, m[0])));
      quote.appendChild(element("mark", m[2], s.sentence.slice(m[0], m[1])));
      position = m[1];
    });
    quote.appendChild(document.createTextNode(s.sentence.slice(position) + "”"));
    return quote;
  }

  function statementItem(s, e) {
    var item = element("li", "statement" + (s.polarity === "negative" || s.modality !== "asserted" ? " hedged" : ""));
    item.style.borderLeftColor = data.toneColours[s.tone];
    item.appendChild(element("div", "claim", nodeById.get(e.from).label + " " + s.relation + (s.theme ? " (" + s.theme + ")" : "") + " " + nodeById.get(e.to).label));
    var meta = element("div", "meta");
    meta.textContent = (s.date || "undated") + " · " + s.polarity + ", " + s.modality + (s.source ? " · according to " + s.source : "") + (s.event ? " · event " + s.event : "");
    item.appendChild(meta);
    item.appendChild(evidence(s));
    var brief = briefById.get(s.brief);
    item.appendChild(element("div", "meta brief", "Brief: " + (brief ? brief.title + (brief.date ? " (" + brief.date + ")" : "") : "unknown")));
    return item;
  }

  function chronological(a, b) {  // [statement, its place in the edge's list]
    var x = a[0].date, y = b[0].date;
    return (!x) - (!y) || (x < y ? -1 : x > y ? 1 : a[1] - b[1]);
  }

  var panelShows = 0;  // counts what the panel showed, so a part that comes late fills only its own
  function openPanel(title) {
    panelShows++;
    panelBody.textContent = "";
    panelBody.appendChild(element("h2", "", title));
    panel.hidden = false;
    network.redraw();
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    shownEdge = id;
    shownNode = null;
    openPanel(nodeById.get(e.from).label + " → " + e.label + " → " + nodeById.get(e.to).label);
    var shows = panelShows, f = readFilters();
    load("evidence-" + e.part, function (part) {
      if (shows !== panelShows) return;
      if (!part || !part[e.ref]) {
        panelBody.appendChild(element("p", "meta", "The statements of this edge could not be read from " + data.dataFolder + "/evidence-" + e.part + ".js."));
        return;
      }
      var shown = part[e.ref].map(function (s, i) { return [s, i]; })
        .filter(function (pair) { return statementPasses(pair[0], f); }).sort(chronological);
      panelBody.appendChild(element("p", "meta", shown.length + (shown.length === 1 ? " statement" : " statements")));
      var list = element("ol", "statements");
      shown.forEach(function (pair) { list.appendChild(statementItem(pair[0], e)); });
      panelBody.appendChild(list);
      var hidden = e.count - shown.length;
      if (hidden) panelBody.appendChild(element("p", "meta", hidden + " more on this edge hidden by the filters."));
    });
  }

  function showNode(id) {
    var n = nodeById.get(id);
    shownNode = id;
    shownEdge = null;
    openPanel(n.label);
    var own = (edgesOf.get(id) || []).filter(function (edgeId) { return visibleEdges.has(edgeId); });
    var count = own.reduce(function (sum, edgeId) { return sum + (shownCount.get(edgeId) || 0); }, 0);
    panelBody.appendChild(element("p", "meta", n.kind + " · " + count + (count === 1 ? " statement" : " statements") + " shown"));
    if (n.page) {
      var link = element("a", "", "Open the page of " + n.label);
      link.href = n.page;
      panelBody.appendChild(link);
    }
    var list = element("ul", "edges");
    own.forEach(function (edgeId) {
      var e = edgeById.get(edgeId), item = element("li");
      var button = element("button", "link", nodeById.get(e.from).label + " → " + e.label + " → " + nodeById.get(e.to).label);
      button.type = "button";
      button.addEventListener("click", function () { network.selectEdges([edgeId]); showEdge(edgeId); });
      item.appendChild(button);
      list.appendChild(item);
    });
    panelBody.appendChild(list);
  }

  function closePanel() {
    panel.hidden = true;
    shownEdge = shownNode = null;
    network.redraw();
  }
  $("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { closePanel(); clearFocus(); } });

  network.on("click", function (params) {
    if (params.nodes.length) { if (focused !== null && focused !== params.nodes[0]) clearFocus(); showNode(params.nodes[0]); }
    else if (params.edges.length) showEdge(params.edges[0]);
    else { closePanel(); clearFocus(); }
  });

  // ---- layout and readiness -----------------------------------------------------------------
  controls.physics.checked = data.options.physics.enabled;
  // Links from the other pages: graph.html#brief=N filters to a brief, #actor=NAME focuses an actor;
  // followed when the page opens and whenever the address's fragment changes on the open page.
  var linked = new URLSearchParams(location.hash.slice(1));
  function linkedBrief(link) {
    var brief = String(+link.get("brief"));
    if (link.has("brief") && controls.brief.querySelector("option[value='" + brief + "']")) controls.brief.value = brief;
  }
  function linkedActor(link) {
    if (!link.has("actor")) return;
    controls.search.value = link.get("actor");
    search();
  }
  linkedBrief(linked);
  window.addEventListener("hashchange", function () {
    var link = new URLSearchParams(location.hash.slice(1));
    linkedBrief(link);
    applyFilters();
    linkedActor(link);
  });
  function ready() {
    whenSettled(function () {  // a brief chosen by the address filters once its part is in
      linkedActor(linked);
      document.body.dataset.ready = "1";
      window.kgReadyAt = performance.now();
    });
  }
  network.once("afterDrawing", function () {
    document.body.dataset.drawn = "1";
    if (!data.options.physics.enabled) ready();
  });
  if (data.options.physics.enabled) {
    // Freeze the layout once it has settled: a still picture is easier to read than a jiggling one.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      controls.physics.checked = false;
      ready();
    });
  }
  applyFilters();
  // the network and its data, for the browser console (and the browser tests)
  window.kgView = { network: network, nodes: nodes, edges: edges, visibleEdges: visibleEdges, visibleNodes: visibleNodes };
})();
