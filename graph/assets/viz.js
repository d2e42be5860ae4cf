/* legalkg interactive graph renderer: canvas drawing, pan/zoom, hover, details, search, filters.
 * Self-contained (no library, no network). Every name reaches the page through textContent or
 * canvas fillText, never through HTML parsing, so names cannot inject markup. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("legalkg-data").textContent);
  var nodes = DATA.nodes, edges = DATA.edges, kinds = DATA.kinds;
  var canvas = document.getElementById("canvas");
  var ctx = canvas.getContext("2d");
  var tooltip = document.getElementById("tooltip");
  var view = { scale: 1, tx: 0, ty: 0 };
  var state = { hover: null, selected: null, matches: new Set(), neighbours: new Set(), pending: false };
  var NODE_R = 7, LABEL_LIMIT = 250, LABEL_CANDIDATES = 1500, OUTLINE_LIMIT = 1500, LABEL_FONT = "12px system-ui, sans-serif";
  var sx = new Float64Array(nodes.length), sy = new Float64Array(nodes.length);
  var textWidth = new Float64Array(nodes.length).fill(-1);
  /* Filters hide events (nodes or edges carrying a type) and what is left without a visible edge. */
  var hiddenNode = new Uint8Array(nodes.length), hiddenEdge = new Uint8Array(edges.length);
  function radius(i) { return nodes[i].r || NODE_R; }

  var adjacency = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { adjacency[e.s].push(i); adjacency[e.t].push(i); });
  /* Which labels win when they would overlap: parties and courts before events and filings,
   * then the best connected. */
  var KIND_RANK = { matter: 0, company: 1, court: 2, agency: 3, person: 4, event: 5, filing: 6 };
  var labelRank = nodes.map(function (n, i) {
    var kind = KIND_RANK[n.kind] === undefined ? 7 : KIND_RANK[n.kind];
    return kind * 1e6 - Math.min(adjacency[i].length, 999999);
  });

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function kindStyle(kind) { return kinds[kind] || { colour: "#a0a0a0", shape: "circle", label: kind }; }

  function formatAmount(value, currency) {
    if (value === undefined || value === null) return null;
    try {
      return new Intl.NumberFormat("en-US", { style: "currency", currency: currency || "USD", maximumFractionDigits: 0 }).format(value);
    } catch (err) {
      return String(value) + (currency ? " " + currency : "");
    }
  }

  /* ---- geometry ---------------------------------------------------------------------- */

  function shortLabel(label) { return label.length > 60 ? label.slice(0, 57) + "..." : label; }
  function labelWidth(label) { return ctx.measureText(shortLabel(label)).width + NODE_R + 8; }

  function toScreen(x, y) { return [x * view.scale + view.tx, y * view.scale + view.ty]; }
  function toWorld(px, py) { return [(px - view.tx) / view.scale, (py - view.ty) / view.scale]; }

  function resize() {
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.floor(canvas.clientWidth * ratio));
    canvas.height = Math.max(1, Math.floor(canvas.clientHeight * ratio));
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  function fit() {
    if (!nodes.length) return;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodes.forEach(function (n) {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    var w = canvas.clientWidth, h = canvas.clientHeight, pad = 40;
    var scaleY = (h - 2 * pad) / Math.max(maxY - minY, 1e-6), scale = Math.min((w - 2 * pad) / Math.max(maxX - minX, 1e-6), scaleY, 400);
    var right = 0;
    if (nodes.length <= LABEL_LIMIT) {
      /* Leave room for the labels drawn to the right of each node. */
      ctx.font = LABEL_FONT;
      nodes.forEach(function (n) {
        var room = w - 2 * pad - labelWidth(n.label);
        if (n.x > minX && room > 0) scale = Math.min(scale, room / (n.x - minX));
        right = Math.max(right, (n.x - minX) * scale + labelWidth(n.label));
      });
    }
    view.scale = scale;
    var used = Math.max((maxX - minX) * scale, right);
    view.tx = (w - used) / 2 - minX * scale;
    view.ty = (h - (maxY - minY) * scale) / 2 - minY * scale;
  }

  /* ---- drawing ----------------------------------------------------------------------- */

  function shapePath(shape, x, y, r) {
    var i, a;
    if (shape === "square") { ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }
    if (shape === "rect") { ctx.rect(x - 1.3 * r, y - 0.8 * r, 2.6 * r, 1.6 * r); return; }
    if (shape === "triangle") {
      ctx.moveTo(x, y - 1.2 * r); ctx.lineTo(x + 1.1 * r, y + 0.8 * r); ctx.lineTo(x - 1.1 * r, y + 0.8 * r); ctx.closePath(); return;
    }
    if (shape === "diamond") {
      ctx.moveTo(x, y - 1.3 * r); ctx.lineTo(x + 1.3 * r, y); ctx.lineTo(x, y + 1.3 * r); ctx.lineTo(x - 1.3 * r, y); ctx.closePath(); return;
    }
    if (shape === "hexagon") {
      for (i = 0; i < 6; i++) {
        a = Math.PI / 3 * i + Math.PI / 6;
        if (i === 0) ctx.moveTo(x + r * Math.cos(a), y + r * Math.sin(a)); else ctx.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
      }
      ctx.closePath(); return;
    }
    ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI);
  }

  function visible(i, w, h, margin) { return sx[i] > -margin && sy[i] > -margin && sx[i] < w + margin && sy[i] < h + margin; }

  function isLit(i) { return state.selected === null || state.selected.type !== "node" || state.neighbours.has(i) || state.selected.index === i; }

  function drawEdges(w, h) {
    var groups = {}, lit = [];
    edges.forEach(function (e, i) {
      if (hiddenEdge[i]) return;
      if (!visible(e.s, w, h, 2000) && !visible(e.t, w, h, 2000)) return;
      var focus = state.selected && ((state.selected.type === "node" && (e.s === state.selected.index || e.t === state.selected.index)) ||
        (state.selected.type === "edge" && state.selected.index === i));
      if (focus || (state.hover && state.hover.type === "edge" && state.hover.index === i)) { lit.push(i); return; }
      (groups[e.w] = groups[e.w] || []).push(i);
    });
    ctx.strokeStyle = state.selected && state.selected.type === "node" ? "rgba(120,130,140,0.15)" : "rgba(120,130,140,0.55)";
    Object.keys(groups).forEach(function (width) {
      ctx.lineWidth = Number(width);
      ctx.beginPath();
      groups[width].forEach(function (i) { var e = edges[i]; ctx.moveTo(sx[e.s], sy[e.s]); ctx.lineTo(sx[e.t], sy[e.t]); });
      ctx.stroke();
    });
    ctx.strokeStyle = "#1d2329";
    lit.forEach(function (i) {
      var a = [sx[edges[i].s], sy[edges[i].s]], b = [sx[edges[i].t], sy[edges[i].t], radius(edges[i].t)];
      ctx.lineWidth = edges[i].w + 1;
      ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
      if (DATA.directed) arrow(a, b);
    });
  }

  function arrow(a, b) {
    var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy);
    if (len < 3 * NODE_R) return;
    var ux = dx / len, uy = dy / len, tipX = b[0] - ux * (b[2] + 2), tipY = b[1] - uy * (b[2] + 2);
    ctx.fillStyle = "#1d2329";
    ctx.beginPath();
    ctx.moveTo(tipX, tipY);
    ctx.lineTo(tipX - ux * 9 - uy * 4, tipY - uy * 9 + ux * 4);
    ctx.lineTo(tipX - ux * 9 + uy * 4, tipY - uy * 9 - ux * 4);
    ctx.closePath(); ctx.fill();
  }

  function drawNodes(w, h) {
    var byKind = {};
    nodes.forEach(function (n, i) {
      if (hiddenNode[i] || !visible(i, w, h, 20)) return;
      (byKind[n.kind] = byKind[n.kind] || []).push(i);
    });
    Object.keys(byKind).forEach(function (kind) {
      var style = kindStyle(kind);
      ["lit", "dim"].forEach(function (pass) {
        ctx.beginPath();
        byKind[kind].forEach(function (i) {
          if ((pass === "lit") === isLit(i)) shapePath(style.shape, sx[i], sy[i], radius(i));
        });
        ctx.globalAlpha = pass === "lit" ? 1 : 0.25;
        ctx.fillStyle = style.colour; ctx.fill();
        /* White outlines separate overlapping nodes; on big graphs they halve the frame rate. */
        if (nodes.length <= OUTLINE_LIMIT) { ctx.lineWidth = 1; ctx.strokeStyle = "#ffffff"; ctx.stroke(); }
      });
    });
    ctx.globalAlpha = 1;
    ringNodes();
  }

  function ringNodes() {
    ctx.lineWidth = 2.5;
    state.matches.forEach(function (i) { if (!hiddenNode[i]) ring(i, "#f2b600"); });
    if (state.hover && state.hover.type === "node") ring(state.hover.index, "#1d2329");
    if (state.selected && state.selected.type === "node") ring(state.selected.index, "#c8322d");
  }

  function ring(i, colour) { ctx.strokeStyle = colour; ctx.beginPath(); ctx.arc(sx[i], sy[i], radius(i) + 4, 0, 2 * Math.PI); ctx.stroke(); }

  function isImportant(i) {
    return state.matches.has(i) || (state.selected && state.selected.type === "node" && (state.selected.index === i || state.neighbours.has(i))) ||
      (state.hover && state.hover.type === "node" && state.hover.index === i);
  }

  /* Labels are placed greedily, most important first, and a label that would overlap one
   * already drawn is skipped: zooming in makes room, so more labels appear. */
  function drawLabels(w, h) {
    var shown = [];
    nodes.forEach(function (n, i) { if (!hiddenNode[i] && visible(i, w, h, 0) && (isLit(i) || isImportant(i))) shown.push(i); });
    if (shown.length > LABEL_CANDIDATES) shown = shown.filter(isImportant).concat(shown.filter(function (i) { return !isImportant(i); }).slice(0, LABEL_CANDIDATES));
    shown.sort(function (a, b) { return (isImportant(b) - isImportant(a)) || (labelRank[a] - labelRank[b]); });
    ctx.font = LABEL_FONT;
    ctx.textBaseline = "middle";
    var grid = {}, cell = 64;
    function collides(box, mark) {
      var hit = false;
      for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
        for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) {
          var key = gx + ":" + gy, list = grid[key] || (grid[key] = []);
          if (!mark) {
            for (var k = 0; k < list.length && !hit; k++) {
              var o = list[k];
              hit = box[0] < o[2] && box[2] > o[0] && box[1] < o[3] && box[3] > o[1];
            }
          } else { list.push(box); }
        }
      }
      return hit;
    }
    shown.forEach(function (i) {
      var text = shortLabel(nodes[i].label);
      if (textWidth[i] < 0) textWidth[i] = ctx.measureText(text).width;
      var x = sx[i] + radius(i) + 4, y = sy[i], width = textWidth[i];
      var box = [x - 2, y - 8, x + width + 2, y + 8];
      if (!isImportant(i) && collides(box, false)) return;
      collides(box, true);
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.strokeText(text, x, y);
      ctx.fillStyle = "#1d2329"; ctx.fillText(text, x, y);
    });
  }

  function draw() {
    state.pending = false;
    var w = canvas.clientWidth, h = canvas.clientHeight;
    ctx.clearRect(0, 0, w, h);
    for (var i = 0; i < nodes.length; i++) {
      sx[i] = nodes[i].x * view.scale + view.tx;
      sy[i] = nodes[i].y * view.scale + view.ty;
    }
    drawEdges(w, h);
    drawNodes(w, h);
    drawLabels(w, h);
  }

  function redraw() { if (!state.pending) { state.pending = true; window.requestAnimationFrame(draw); } }

  /* ---- hit testing ------------------------------------------------------------------- */

  function nodeAt(px, py) {
    var best = null, bestD = Infinity;
    nodes.forEach(function (n, i) {
      if (hiddenNode[i]) return;
      var p = toScreen(n.x, n.y), d = (p[0] - px) * (p[0] - px) + (p[1] - py) * (p[1] - py);
      if (d <= (radius(i) + 3) * (radius(i) + 3) && d <= bestD) { bestD = d; best = i; }
    });
    return best;
  }

  function edgeAt(px, py) {
    var best = null, bestD = 16;
    edges.forEach(function (e, i) {
      if (hiddenEdge[i]) return;
      var a = toScreen(nodes[e.s].x, nodes[e.s].y), b = toScreen(nodes[e.t].x, nodes[e.t].y);
      var dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
      var t = len2 ? Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2)) : 0;
      var cx = a[0] + t * dx - px, cy = a[1] + t * dy - py, d = cx * cx + cy * cy;
      if (d <= bestD + e.w * e.w / 4) { bestD = d; best = i; }
    });
    return best;
  }

  function hit(px, py) {
    var n = nodeAt(px, py);
    if (n !== null) return { type: "node", index: n };
    var e = edgeAt(px, py);
    return e === null ? null : { type: "edge", index: e };
  }

  /* ---- text for tooltips and details ------------------------------------------------- */

  var FIELD_NAMES = {
    type: "Event type", date: "Date", amount: "Amount", case_number: "Case number", matter_name: "Matter", file_name: "File", court_name: "Court", court_id: "Court id", court_as_written: "Court as written",
    filing_label: "Filing", evidence: "Evidence", roles: "Roles", role: "Role", count: "Events",
    types: "Event types", event: "Event", filing: "Filing IRI", court: "Court IRI", currency: "Currency",
    currencies: "Currencies", events: "Event IRIs"
  };
  var ORDER = ["type", "types", "role", "roles", "date", "amount", "court_name", "court_as_written", "court_id", "case_number", "matter_name", "filing_label", "file_name", "evidence", "count"];

  function fieldText(key, value, data) {
    if (value === null || value === undefined || value === "") return null;
    if (key === "amount") return formatAmount(value, data.currency) || String(value);
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value).replace(/\s+/g, " ").trim();
  }

  function fields(data) {
    var keys = Object.keys(data || {}).sort(function (a, b) {
      var ia = ORDER.indexOf(a), ib = ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : a > b ? 1 : 0);
    });
    var out = [];
    keys.forEach(function (key) {
      if (key === "currency" && data.amount !== undefined) return;
      var text = fieldText(key, data[key], data);
      if (text !== null) out.push([FIELD_NAMES[key] || key, text, key]);
    });
    return out;
  }

  function summaryLines(target) {
    if (target.type === "node") {
      var n = nodes[target.index];
      return [n.label, kindStyle(n.kind).label].concat(fields(n.data).filter(function (f) { return ORDER.indexOf(f[2]) >= 0; })
        .map(function (f) { return f[0] + ": " + (f[1].length > 160 ? f[1].slice(0, 157) + "..." : f[1]); }));
    }
    var e = edges[target.index];
    return [nodes[e.s].label + " \u2192 " + nodes[e.t].label].concat(fields(e.data).filter(function (f) { return ORDER.indexOf(f[2]) >= 0; })
      .map(function (f) { return f[0] + ": " + (f[1].length > 160 ? f[1].slice(0, 157) + "..." : f[1]); }));
  }

  function showTooltip(target, px, py) {
    if (!target) { tooltip.hidden = true; return; }
    tooltip.textContent = summaryLines(target).join("\n");
    tooltip.hidden = false;
    var stage = canvas.getBoundingClientRect();
    tooltip.style.left = Math.min(px + 14, stage.width - 370) + "px";
    tooltip.style.top = Math.min(py + 14, stage.height - 120) + "px";
  }

  function definitionList(rows) {
    var dl = el("dl");
    rows.forEach(function (row) {
      dl.appendChild(el("dt", row[0]));
      dl.appendChild(el("dd", row[1], row[2] === "evidence" ? "evidence" : ""));
    });
    return dl;
  }

  function nodeButton(i) {
    var b = el("button", nodes[i].label);
    b.type = "button";
    b.title = nodes[i].label;
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }

  function showDetails(target) {
    var box = document.getElementById("details");
    box.replaceChildren();
    if (!target) { box.appendChild(el("p", "Click a node or an edge.", "hint")); return; }
    if (target.type === "edge") {
      var e = edges[target.index];
      box.appendChild(el("h3", nodes[e.s].label + " \u2192 " + nodes[e.t].label));
      box.appendChild(definitionList(fields(e.data)));
      return;
    }
    var n = nodes[target.index];
    box.appendChild(el("h3", n.label));
    box.appendChild(el("p", kindStyle(n.kind).label, "hint"));
    box.appendChild(definitionList(fields(n.data).concat([["IRI", n.id, "id"]])));
    box.appendChild(el("h4", "Connections (" + adjacency[target.index].length + ")"));
    var list = el("ul");
    adjacency[target.index].slice(0, 200).forEach(function (ei) {
      var e = edges[ei], other = e.s === target.index ? e.t : e.s, li = el("li");
      var what = e.data.role || e.data.type || (e.data.types || []).join(", ") || "";
      li.appendChild(nodeButton(other));
      if (what) li.appendChild(el("span", what, "hint"));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  /* ---- interaction ------------------------------------------------------------------- */

  function select(target) {
    state.selected = target;
    state.neighbours = new Set();
    if (target && target.type === "node") {
      adjacency[target.index].forEach(function (ei) { state.neighbours.add(edges[ei].s); state.neighbours.add(edges[ei].t); });
    }
    showDetails(target);
    redraw();
  }

  function focusNode(i) {
    /* Move the view only when the node is off screen (or drawn too small to pick out). */
    var w = canvas.clientWidth, h = canvas.clientHeight, p = toScreen(nodes[i].x, nodes[i].y);
    var onScreen = p[0] > 60 && p[1] > 60 && p[0] < w - 60 && p[1] < h - 60;
    if (!onScreen || view.scale < 60) {
      view.scale = Math.max(view.scale, 60);
      view.tx = w / 2 - nodes[i].x * view.scale;
      view.ty = h / 2 - nodes[i].y * view.scale;
    }
    select({ type: "node", index: i });
  }

  function setupPointer() {
    var drag = null;
    canvas.addEventListener("pointerdown", function (ev) {
      drag = { x: ev.offsetX, y: ev.offsetY, tx: view.tx, ty: view.ty, moved: false };
      canvas.setPointerCapture(ev.pointerId);
      canvas.classList.add("dragging");
    });
    canvas.addEventListener("pointermove", function (ev) {
      if (drag) {
        var dx = ev.offsetX - drag.x, dy = ev.offsetY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        view.tx = drag.tx + dx; view.ty = drag.ty + dy;
        tooltip.hidden = true;
        redraw();
        return;
      }
      state.hover = hit(ev.offsetX, ev.offsetY);
      showTooltip(state.hover, ev.offsetX, ev.offsetY);
      redraw();
    });
    canvas.addEventListener("pointerup", function (ev) {
      canvas.classList.remove("dragging");
      if (drag && !drag.moved) select(hit(ev.offsetX, ev.offsetY));
      drag = null;
    });
    canvas.addEventListener("pointerleave", function () { state.hover = null; tooltip.hidden = true; redraw(); });
    canvas.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var factor = Math.exp(-ev.deltaY * 0.0015), world = toWorld(ev.offsetX, ev.offsetY);
      view.scale = Math.min(Math.max(view.scale * factor, 1e-3), 1e5);
      view.tx = ev.offsetX - world[0] * view.scale; view.ty = ev.offsetY - world[1] * view.scale;
      redraw();
    }, { passive: false });
  }

  function setupSearch() {
    var input = document.getElementById("search"), list = document.getElementById("matches");
    function update() {
      var q = input.value.trim().toLowerCase();
      list.replaceChildren();
      state.matches = new Set();
      if (q) {
        nodes.forEach(function (n, i) { if (!hiddenNode[i] && n.label.toLowerCase().indexOf(q) >= 0) state.matches.add(i); });
        Array.from(state.matches).slice(0, 25).forEach(function (i) { var li = el("li"); li.appendChild(nodeButton(i)); list.appendChild(li); });
        if (!state.matches.size) list.appendChild(el("li", "No node matches.", "hint"));
        else if (state.matches.size > 25) list.appendChild(el("li", (state.matches.size - 25) + " more matches.", "hint"));
      }
      redraw();
    }
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && state.matches.size) focusNode(state.matches.values().next().value);
    });
  }

  function legendSwatch(style) {
    var c = document.createElement("canvas"), g = c.getContext("2d");
    c.width = 18; c.height = 18;
    var saved = ctx; ctx = g;
    g.beginPath(); shapePath(style.shape, 9, 9, 6); g.fillStyle = style.colour; g.fill();
    ctx = saved;
    return c;
  }

  function setupPanel() {
    document.getElementById("title").textContent = DATA.title;
    document.getElementById("summary").textContent = nodes.length + " nodes, " + edges.length + " edges";
    if (DATA.omitted) {
      var notice = document.getElementById("omitted");
      notice.textContent = DATA.omitted;
      notice.hidden = false;
    }
    var legend = document.getElementById("legend");
    Object.keys(kinds).forEach(function (kind) {
      var li = el("li");
      li.appendChild(legendSwatch(kinds[kind]));
      li.appendChild(el("span", kinds[kind].label));
      legend.appendChild(li);
    });
    var all = document.getElementById("node-list");
    nodes.map(function (n, i) { return i; })
      .sort(function (a, b) { return nodes[a].label.localeCompare(nodes[b].label); })
      .forEach(function (i) { var li = el("li"); li.appendChild(nodeButton(i)); all.appendChild(li); });
  }

  /* ---- filters: event type, date range, court ---------------------------------------- */

  /* A partial ISO date ("2002", "2002-11") as the first and last day it can mean. */
  function dateBounds(d) {
    return d.length === 4 ? [d + "-01-01", d + "-12-31"] : d.length === 7 ? [d + "-01", d + "-31"] : [d.slice(0, 10), d.slice(0, 10)];
  }

  function passes(data, f) {
    if (!data || data.type === undefined && data.types === undefined) return null;  /* not an event */
    var types = data.types || [data.type];
    if (!types.some(function (t) { return f.types.has(t); })) return false;
    if (f.court && data.court_name !== f.court) return false;
    if (f.since || f.until) {
      if (!data.date) return false;
      var b = dateBounds(String(data.date));
      if (f.since && b[1] < dateBounds(f.since)[0]) return false;
      if (f.until && b[0] > dateBounds(f.until)[1]) return false;
    }
    return true;
  }

  function applyFilters(f) {
    var i, shown = 0;
    for (i = 0; i < nodes.length; i++) hiddenNode[i] = passes(nodes[i].data, f) === false ? 1 : 0;
    var alive = new Uint8Array(nodes.length);
    edges.forEach(function (e, k) {
      hiddenEdge[k] = hiddenNode[e.s] || hiddenNode[e.t] || passes(e.data, f) === false ? 1 : 0;
      if (!hiddenEdge[k]) { alive[e.s] = 1; alive[e.t] = 1; }
    });
    for (i = 0; i < nodes.length; i++) {
      if (!hiddenNode[i] && adjacency[i].length && !alive[i]) hiddenNode[i] = 1;
      if (!hiddenNode[i]) shown++;
    }
    document.getElementById("filter-count").textContent = shown + " of " + nodes.length + " nodes shown";
    if (state.selected && state.selected.type === "node" && hiddenNode[state.selected.index]) select(null);
    redraw();
  }

  function setupFilters() {
    var types = {}, courts = {};
    nodes.map(function (n) { return n.data; }).concat(edges.map(function (e) { return e.data; })).forEach(function (d) {
      if (!d) return;
      (d.types || (d.type ? [d.type] : [])).forEach(function (t) { types[t] = true; });
      if (d.court_name && (d.type || d.types)) courts[d.court_name] = true;
    });
    var box = document.getElementById("type-filters"), court = document.getElementById("court-filter");
    Object.keys(types).sort().forEach(function (t) {
      var label = el("label", null, "check"), input = el("input");
      input.type = "checkbox"; input.checked = true; input.value = t; input.name = "type";
      label.appendChild(input); label.appendChild(el("span", t.replace(/([a-z])([A-Z])/g, "$1 $2")));
      box.appendChild(label);
    });
    Object.keys(courts).sort().forEach(function (c) { var o = el("option", c); o.value = c; court.appendChild(o); });
    document.getElementById("filters").hidden = !Object.keys(types).length;
    function read() {
      var checked = new Set(Array.from(box.querySelectorAll("input:checked")).map(function (x) { return x.value; }));
      var since = document.getElementById("since").value.trim(), until = document.getElementById("until").value.trim();
      applyFilters({ types: checked, court: court.value, since: since, until: until });
    }
    document.getElementById("filters").addEventListener("input", read);
    document.getElementById("filters").addEventListener("change", read);
    read();
  }

  resize();
  fit();
  setupPanel();
  setupPointer();
  setupSearch();
  setupFilters();
  window.addEventListener("resize", function () { resize(); redraw(); });
  draw();
  document.body.setAttribute("data-ready", "true");
})();
