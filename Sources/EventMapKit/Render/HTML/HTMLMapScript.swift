/// The page's script: a small canvas renderer (no library, no network) over the data in
/// `#map-data`. Pan by dragging or the arrow keys, zoom with the wheel or +/-; events are drawn
/// one by one, or gathered into screen-grid clusters when more than `clusterAbove` are in view.
enum HTMLMapScript {
    static let source = #"""
"use strict";
(function () {
const D = JSON.parse(document.getElementById("map-data").textContent);
const S = D.strings, E = D.events, N = E.n;
// Unpack the compact columns: a single number stands for a column of equal values; the last day
// from the span; each event's reports from the table of distinct ones.
for (const k of Object.keys(E)) if (k !== "n" && typeof E[k] === "number") E[k] = new Array(N).fill(E[k]);
E.d1 = E.d0.map((d, i) => d + E.dd[i]);
E.claims = E.cl.map((c) => (typeof c === "number" ? [c] : c).map((j) => E.ct[j]));
const canvas = document.getElementById("map"), ctx = canvas.getContext("2d");
const $ = (id) => document.getElementById(id);
const clusterAbove = 4000, areasAbove = 120, areasFilled = 25, cellPx = 36, maxCircle = 25000;
const view = { cx: (D.extent[0] + D.extent[2]) / 2, cy: (D.extent[1] + D.extent[3]) / 2, s: 1 };
let W = 0, H = 0, shown = [], drawnEvents = [], clusters = [], selected = -1;
const lowerActor = S.map((s) => s.toLowerCase());
const dayMin = N ? Math.min.apply(null, E.d0) : 0, dayMax = N ? Math.max.apply(null, E.d1) : 0;
const fmtDay = (n) => { const d = new Date(n * 86400000); return d.getUTCDate() + " " + ["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"][d.getUTCMonth()] + " " + d.getUTCFullYear(); };
const precText = ["", "exact location", "within 25 km of a known place", "admin-2 known", "admin-1 (governorate) known", "linear feature or fuzzy area", "country only", "international waters"];

function resize() {
  const r = canvas.parentElement.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
  W = Math.max(200, r.width); H = Math.max(200, r.height);
  canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
  canvas.style.width = W + "px"; canvas.style.height = H + "px";
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
}
function fit() {
  const w = D.extent[2] - D.extent[0], h = D.extent[3] - D.extent[1];
  view.cx = D.extent[0] + w / 2; view.cy = D.extent[1] + h / 2;
  view.s = Math.min(W / Math.max(w, 1), H / Math.max(h, 1));
}
const sx = (x) => (x - view.cx) * view.s + W / 2, sy = (y) => H / 2 - (y - view.cy) * view.s;

function pathRing(c) {
  for (let i = 0; i < c.length; i += 2) { const X = sx(c[i]), Y = sy(c[i + 1]); if (i === 0) ctx.moveTo(X, Y); else ctx.lineTo(X, Y); }
}
function applyStroke(s) {
  ctx.lineWidth = s.sw; ctx.strokeStyle = s.stroke; ctx.setLineDash(s.dash ? s.dash.split(/[ ,]+/).map(Number) : []);
}
function marker(X, Y, r, shape) {
  ctx.beginPath();
  if (shape === "square") ctx.rect(X - r, Y - r, 2 * r, 2 * r);
  else if (shape === "diamond") { ctx.moveTo(X, Y - r); ctx.lineTo(X + r, Y); ctx.lineTo(X, Y + r); ctx.lineTo(X - r, Y); ctx.closePath(); }
  else if (shape === "triangle") { ctx.moveTo(X, Y - r); ctx.lineTo(X + r, Y + r); ctx.lineTo(X - r, Y + r); ctx.closePath(); }
  else ctx.arc(X, Y, r, 0, 2 * Math.PI);
}
function drawFeature(f, s) {
  ctx.globalAlpha = 1;
  if (f.k === "pg" || f.k === "circle") {
    ctx.beginPath();
    if (f.k === "pg") f.c.forEach((poly) => poly.forEach(pathRing));
    else ctx.arc(sx(f.c[0]), sy(f.c[1]), f.r * view.s, 0, 2 * Math.PI);
    if (s.fill) { ctx.globalAlpha = s.fo; ctx.fillStyle = s.fill; ctx.fill("evenodd"); ctx.globalAlpha = 1; }
    if (s.stroke) { applyStroke(s); ctx.stroke(); }
  } else if (f.k === "ln") {
    ctx.beginPath(); f.c.forEach(pathRing);
    if (s.stroke) { applyStroke(s); ctx.stroke(); }
  } else {
    const X = sx(f.c[0]), Y = sy(f.c[1]);
    marker(X, Y, f.px || s.mr, f.px ? "circle" : s.marker);
    if (s.fill) { ctx.globalAlpha = f.px ? s.fo : 1; ctx.fillStyle = s.fill; ctx.fill(); ctx.globalAlpha = 1; }
    if (s.stroke) { applyStroke(s); ctx.setLineDash([]); ctx.stroke(); }
  }
}
function drawLabels() {
  const boxes = [];
  ctx.setLineDash([]); ctx.textBaseline = "middle"; ctx.lineJoin = "round";
  // Point labels first (towns, posts), then the names of circles (regions, approximate places), each where it fits.
  for (const kind of ["pt", "circle"]) for (const l of D.layers.slice().reverse()) for (const f of l.features) {
    if (f.label === undefined || f.k !== kind) continue;
    // A circle's name goes just inside its top, a point's to its right.
    const s = f.style || l.style, X = sx(f.c[0]), Y = kind === "pt" ? sy(f.c[1]) : sy(f.c[1]) - f.r * view.s + 9;
    if (X < 0 || Y < 0 || X > W || Y > H) continue;
    const t = S[f.label]; ctx.font = "11px DejaVu Sans, Verdana, sans-serif";
    const w = ctx.measureText(t).width, x0 = kind === "pt" ? X + 6 : X - w / 2, b = [x0, Y - 7, x0 + w, Y + 7];
    if (b[2] > W - 2 || boxes.some((o) => o[0] < b[2] && b[0] < o[2] && o[1] < b[3] && b[1] < o[3])) continue;
    boxes.push(b);
    ctx.lineWidth = 3; ctx.strokeStyle = "#ffffff"; ctx.strokeText(t, b[0], Y);
    ctx.fillStyle = s.lc || "#222222"; ctx.fillText(t, b[0], Y);
  }
}
function eventRadius(i) { return 3 + 1.6 * Math.sqrt(Math.max(0, E.kb[i])); }
function drawEvents() {
  drawnEvents = []; clusters = [];
  const inView = [];
  for (const i of shown) { const X = sx(E.x[i]), Y = sy(E.y[i]); if (X >= -30 && Y >= -30 && X <= W + 30 && Y <= H + 30) inView.push(i); }
  ctx.setLineDash([]);
  if (inView.length > clusterAbove) {
    // Clusters by screen cell; events known only to an admin area or coarser (their circle over
    // 25 km) gather apart in cells 4 times wider, as hollow diamonds, so they never pass for located ones.
    const cells = new Map();
    for (const i of inView) {
      const coarse = E.r[i] > maxCircle, X = sx(E.x[i]), Y = sy(E.y[i]);
      const size = coarse ? 4 * cellPx : cellPx, k = (coarse ? "c" : "") + Math.floor(X / size) + "," + Math.floor(Y / size);
      let c = cells.get(k); if (!c) { c = { n: 0, x: 0, y: 0, coarse }; cells.set(k, c); }
      c.n++; c.x += X; c.y += Y;
    }
    ctx.font = "bold 10px DejaVu Sans, Verdana, sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
    const count = (n) => (n > 999 ? Math.round(n / 100) / 10 + "k" : String(n));
    for (const pass of [false, true]) for (const c of cells.values()) {
      if (c.coarse !== pass) continue;
      const X = c.x / c.n, Y = c.y / c.n, r = Math.min(cellPx / 2, 5 + 2.2 * Math.log2(1 + c.n)) + (c.coarse ? 3 : 0);
      if (c.coarse) { marker(X, Y, r, "diamond"); ctx.fillStyle = "rgba(255,255,255,0.85)"; ctx.fill(); ctx.lineWidth = 1.2; ctx.strokeStyle = "#7a0c0c"; ctx.stroke(); ctx.fillStyle = "#7a0c0c"; }
      else { ctx.beginPath(); ctx.arc(X, Y, r, 0, 2 * Math.PI); ctx.globalAlpha = 0.8; ctx.fillStyle = "#c51b1b"; ctx.fill(); ctx.globalAlpha = 1; ctx.lineWidth = 1; ctx.strokeStyle = "#7a0c0c"; ctx.stroke(); ctx.fillStyle = "#ffffff"; }
      ctx.fillText(count(c.n), X, Y);
      clusters.push({ X, Y, r, n: c.n });
    }
    ctx.textAlign = "start";
  } else {
    // Uncertainty areas: filled when few, outlines only when more, none (but the selected one's) when
    // so many that they would merge into one wash.
    const approx = inView.filter((i) => E.prec[i] >= 2 && E.r[i] <= maxCircle);
    const fillAreas = approx.length <= areasFilled, strokeAreas = approx.length <= areasAbove;
    for (const i of approx) {
      if (!strokeAreas && i !== selected) continue;
      ctx.beginPath(); ctx.arc(sx(E.x[i]), sy(E.y[i]), E.r[i] * view.s, 0, 2 * Math.PI);
      if (fillAreas || i === selected) { ctx.globalAlpha = 0.06; ctx.fillStyle = "#c51b1b"; ctx.fill(); }
      ctx.globalAlpha = fillAreas || i === selected ? 0.6 : 0.3;
      ctx.setLineDash([6, 3]); ctx.lineWidth = 1; ctx.strokeStyle = "#c51b1b"; ctx.stroke(); ctx.globalAlpha = 1;
    }
    ctx.setLineDash([]);
    inView.sort((a, b) => E.kb[b] - E.kb[a]);
    for (let j = inView.length - 1; j >= 0; j--) {
      const i = inView[j], X = sx(E.x[i]), Y = sy(E.y[i]), r = eventRadius(i);
      if (E.r[i] > maxCircle) { marker(X, Y, r + 2, "diamond"); ctx.fillStyle = "rgba(255,255,255,0.7)"; ctx.fill(); }
      else {
        ctx.beginPath(); ctx.arc(X, Y, r, 0, 2 * Math.PI);
        ctx.globalAlpha = E.prec[i] >= 2 && E.r[i] <= maxCircle && !fillAreas ? 0.35 : 0.75; ctx.fillStyle = "#c51b1b"; ctx.fill(); ctx.globalAlpha = 1;
      }
      ctx.lineWidth = i === selected ? 3 : 1.2; ctx.strokeStyle = i === selected ? "#111111" : "#7a0c0c"; ctx.stroke();
      drawnEvents.push(i);
    }
  }
  return inView;
}
function draw() {
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = "#dfe6ec"; ctx.fillRect(0, 0, W, H);
  for (const l of D.layers) for (const f of l.features) drawFeature(f, f.style || l.style);
  const inView = drawEvents();
  drawLabels();
  scaleBar();
  list(inView);
}
function scaleBar() {
  const target = 110 / view.s;
  const p = Math.pow(10, Math.floor(Math.log10(target)));
  const L = [5, 2, 1].map((m) => m * p).find((v) => v <= target) || p;
  $("scale-bar").style.width = (L * view.s).toFixed(1) + "px";
  $("scale-text").textContent = (L >= 1000 ? L / 1000 + " km" : L + " m");
}
function recompute() {
  const t = +$("time").value, mode = $("mode").value, win = +$("window").value;
  const lo = mode === "window" ? t - win + 1 : -Infinity, hi = t;
  const type = $("type").value, sub = $("sub").value, actor = $("actor").value.trim().toLowerCase();
  const minK = +$("minkilled").value || 0, maxPrec = +$("prec").value;
  const ti = type === "" ? -1 : S.indexOf(type), si = sub === "" ? -1 : S.indexOf(sub);
  shown = [];
  for (let i = 0; i < N; i++) {
    if (E.d1[i] < lo || E.d0[i] > hi) continue;
    if (ti >= 0 && E.type[i] !== ti) continue;
    if (si >= 0 && E.sub[i] !== si) continue;
    if (minK > 0 && E.kb[i] < minK) continue;
    if (E.prec[i] > maxPrec) continue;
    if (actor && lowerActor[E.a1[i]].indexOf(actor) < 0 && lowerActor[E.a2[i]].indexOf(actor) < 0) continue;
    shown.push(i);
  }
  $("time-label").textContent = (mode === "window" ? fmtDay(Math.max(dayMin, lo)) + " – " : "up to ") + fmtDay(t);
  const c = $("count"); c.dataset.count = String(shown.length);
  c.textContent = shown.length.toLocaleString("en") + " of " + N.toLocaleString("en") + " events shown";
  draw();
}
function list(inView) {
  const ul = $("event-list"), top = inView.slice().sort((a, b) => E.kb[b] - E.kb[a] || a - b).slice(0, 25);
  ul.textContent = "";
  for (const i of top) {
    const li = document.createElement("li"), b = document.createElement("button");
    b.type = "button"; b.textContent = S[E.date[i]] + " " + S[E.sub[i]] + (E.kb[i] >= 0 ? ": " + E.kb[i] + " killed" : "");
    b.dataset.event = E.id[i];
    b.addEventListener("focus", () => showEvent(i)); b.addEventListener("click", () => showEvent(i));
    li.appendChild(b); ul.appendChild(li);
  }
}
function row(tbody, k, v) {
  if (v === undefined || v === null || v === "") return;
  const tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
  th.textContent = k; td.textContent = v; tr.appendChild(th); tr.appendChild(td); tbody.appendChild(tr);
}
const range = (l, b, h) => (b < 0 ? "" : "{low " + l + ", best " + b + ", high " + h + "}");
function showEvent(i) {
  selected = i;
  const p = $("popup"); p.textContent = "";
  const h = document.createElement("h3"); h.textContent = S[E.date[i]] + " – " + S[E.sub[i]]; p.appendChild(h);
  const t = document.createElement("table"), tb = document.createElement("tbody"); t.appendChild(tb);
  row(tb, "Event", E.id[i]); row(tb, "Date", S[E.date[i]] + (E.d0[i] !== E.d1[i] ? " (drawn " + fmtDay(E.d0[i]) + " – " + fmtDay(E.d1[i]) + ")" : ""));
  row(tb, "Type", S[E.type[i]]); row(tb, "Sub-type", S[E.sub[i]]);
  row(tb, "Actor 1", S[E.a1[i]]); row(tb, "Actor 2", S[E.a2[i]]);
  row(tb, "Location", S[E.loc[i]] + (S[E.adm[i]] ? ", " + S[E.adm[i]] : ""));
  row(tb, "Precision", "where_prec " + E.prec[i] + " (" + precText[E.prec[i]] + "), within " + (E.r[i] / 1000) + " km");
  row(tb, "Killed", range(E.kl[i], E.kb[i], E.kh[i])); row(tb, "Wounded", range(E.wl[i], E.wb[i], E.wh[i]));
  row(tb, "Killed and wounded", range(E.kwl[i], E.kwb[i], E.kwh[i])); row(tb, "Notes", S[E.notes[i]]);
  p.appendChild(t);
  const cl = E.claims[i];
  const h4 = document.createElement("h4"); h4.textContent = "Reports (" + cl.length + ")"; p.appendChild(h4);
  const ul = document.createElement("ul"); ul.className = "claims";
  for (const c of cl) {
    const li = document.createElement("li");
    li.textContent = S[c[0]] + ", " + S[c[1]] + ": " + S[c[2]] + (c[5] ? " [superseded]" : "");
    if (S[c[4]]) { const q = document.createElement("div"); q.className = "claim-title"; q.textContent = S[c[4]]; li.appendChild(q); }
    if (S[c[3]]) { const a = document.createElement("a"); a.href = S[c[3]]; a.textContent = S[c[3]]; a.rel = "noopener noreferrer"; a.target = "_blank"; li.appendChild(a); }
    ul.appendChild(li);
  }
  p.appendChild(ul); p.hidden = false; p.dataset.event = E.id[i];
  draw();
}
function showFeature(f, l) {
  selected = -1;
  const p = $("popup"); p.textContent = "";
  const h = document.createElement("h3"); h.textContent = f.label !== undefined ? S[f.label] : l.title; p.appendChild(h);
  const t = document.createElement("table"), tb = document.createElement("tbody"); t.appendChild(tb);
  // A place's precision in words, as for events ("where_prec 2 (within 25 km of a known place)").
  for (const [k, v] of f.data) row(tb, S[k], S[k] === "precision" && precText[+S[v]] ? "where_prec " + S[v] + " (" + precText[+S[v]] + ")" : S[v]);
  p.appendChild(t); p.hidden = false; p.dataset.feature = f.id; delete p.dataset.event;
}
function pick(X, Y) {
  for (const c of clusters) if ((c.X - X) ** 2 + (c.Y - Y) ** 2 <= c.r * c.r) { zoomAt(X, Y, 2.5); return; }
  let best = -1, bd = Infinity;
  for (const i of drawnEvents) { const d = Math.hypot(sx(E.x[i]) - X, sy(E.y[i]) - Y); if (d <= eventRadius(i) + 3 && d < bd) { bd = d; best = i; } }
  if (best >= 0) { showEvent(best); return; }
  for (let li = D.layers.length - 1; li >= 0; li--) { const l = D.layers[li]; for (const f of l.features) {
    if (f.k !== "pt" && f.k !== "circle") continue;
    const d = Math.hypot(sx(f.c[0]) - X, sy(f.c[1]) - Y);
    if (d <= (f.k === "pt" ? (f.px || (f.style || l.style).mr) + 4 : 6)) { showFeature(f, l); return; }
  } }
  $("popup").hidden = true; selected = -1; draw();
}
function zoomAt(X, Y, k) {
  const mx = (X - W / 2) / view.s + view.cx, my = (H / 2 - Y) / view.s + view.cy;
  view.s *= k; view.cx = mx - (X - W / 2) / view.s; view.cy = my - (H / 2 - Y) / view.s; draw();
}
let drag = null, moved = false;
canvas.addEventListener("mousedown", (e) => { drag = [e.clientX, e.clientY]; moved = false; });
window.addEventListener("mousemove", (e) => {
  if (!drag) return; const dx = e.clientX - drag[0], dy = e.clientY - drag[1];
  if (Math.abs(dx) + Math.abs(dy) > 2) moved = true;
  view.cx -= dx / view.s; view.cy += dy / view.s; drag = [e.clientX, e.clientY]; if (moved) draw();
});
window.addEventListener("mouseup", (e) => {
  if (drag && !moved) { const r = canvas.getBoundingClientRect(); pick(e.clientX - r.left, e.clientY - r.top); }
  drag = null;
});
canvas.addEventListener("wheel", (e) => { e.preventDefault(); const r = canvas.getBoundingClientRect(); zoomAt(e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.25 : 0.8); }, { passive: false });
canvas.addEventListener("keydown", (e) => {
  const step = 80 / view.s;
  if (e.key === "ArrowLeft") view.cx -= step; else if (e.key === "ArrowRight") view.cx += step;
  else if (e.key === "ArrowUp") view.cy += step; else if (e.key === "ArrowDown") view.cy -= step;
  else if (e.key === "+" || e.key === "=") { zoomAt(W / 2, H / 2, 1.25); return; } else if (e.key === "-") { zoomAt(W / 2, H / 2, 0.8); return; }
  else return;
  e.preventDefault(); draw();
});
$("zoom-in").addEventListener("click", () => zoomAt(W / 2, H / 2, 1.5));
$("zoom-out").addEventListener("click", () => zoomAt(W / 2, H / 2, 1 / 1.5));
$("zoom-fit").addEventListener("click", () => { fit(); draw(); });
let timer = null;
$("play").addEventListener("click", () => {
  if (timer) { clearInterval(timer); timer = null; $("play").textContent = "Play"; return; }
  const tm = $("time"); if (+tm.value >= dayMax) tm.value = String(dayMin);
  $("play").textContent = "Pause";
  timer = setInterval(() => {
    const v = Math.min(dayMax, +tm.value + +$("speed").value); tm.value = String(v); recompute();
    if (v >= dayMax) { clearInterval(timer); timer = null; $("play").textContent = "Play"; }
  }, 250);
});
["time", "mode", "window", "type", "sub", "actor", "minkilled", "prec"].forEach((id) => $(id).addEventListener("input", recompute));
$("type").addEventListener("input", fillSubs);
function option(sel, v, text) { const o = document.createElement("option"); o.value = v; o.textContent = text; sel.appendChild(o); }
function fillSubs() {
  const sel = $("sub"), ti = S.indexOf($("type").value), subs = new Set();
  for (let i = 0; i < N; i++) if (ti < 0 || E.type[i] === ti) subs.add(S[E.sub[i]]);
  sel.textContent = ""; option(sel, "", "all sub-types"); [...subs].sort().forEach((s) => option(sel, s, s));
}
function legend() {
  const box = $("legend");
  const add = (kind, st, text) => {
    const li = document.createElement("li"), sw = document.createElement("span"); sw.className = "sw " + kind;
    if (kind === "area") { sw.style.background = st.fill || "transparent"; sw.style.opacity = st.fill ? Math.max(0.35, st.fo) : 1; sw.style.borderColor = st.stroke || "transparent"; if (st.dash) sw.style.borderStyle = "dashed"; }
    else if (kind === "line") { sw.style.borderTopColor = st.stroke || "#000"; if (st.dash) sw.style.borderTopStyle = "dashed"; }
    else { sw.style.background = st.fill || "#000"; sw.style.borderColor = st.stroke || "#000"; if (st.marker === "square") sw.style.borderRadius = "0"; }
    li.appendChild(sw); li.appendChild(document.createTextNode(text)); box.appendChild(li);
  };
  add("marker", { fill: "#c51b1b", stroke: "#7a0c0c" }, "Event (symbol area ∝ killed, best estimate)");
  add("area", { fill: "#c51b1b", fo: 0.1, stroke: "#c51b1b", dash: "6 3" }, "Where an approximate event may have happened (its uncertainty radius: filled up to " + areasFilled + " in view, outlined up to " + areasAbove + ", beyond that only the selected one's, and the events themselves drawn pale)");
  add("marker", { fill: "#ffffff", stroke: "#7a0c0c", marker: "square" }, "Hollow diamond: an event known only to an admin area or coarser (where_prec ≥ 3), at the area's anchor; its 50-300 km circle is not drawn");
  add("marker", { fill: "#c51b1b", stroke: "#7a0c0c" }, "Numbered circle: that many events close together at this zoom (click to zoom in); a numbered diamond: events known only to an admin area or coarser, at their areas' anchors");
  for (const l of D.layers.slice().reverse()) for (const e of l.legend) add(e.sw, e.style, e.text);
}
const types = [...new Set(E.type.map((i) => S[i]))].sort();
types.forEach((t) => option($("type"), t, t)); fillSubs();
const tm = $("time"); tm.min = String(dayMin); tm.max = String(dayMax); tm.value = String(dayMax);
$("time-start").textContent = N ? fmtDay(dayMin) : ""; $("time-end").textContent = N ? fmtDay(dayMax) : "";
legend();
resize(); fit();
window.addEventListener("resize", () => { resize(); draw(); });
recompute();
window.eventmap = { view, recompute, draw, shownCount: () => shown.length, toScreen: (x, y) => [sx(x), sy(y)], data: D };
})();
"""#
}
