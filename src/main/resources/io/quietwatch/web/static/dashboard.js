// QuietWatch dashboard. Every value from the API goes into the page as text (textContent, text nodes):
// host names, URLs and user names come from log lines, that is, from attackers.
'use strict';

const state = { csrf: null, selectedAlert: null, tunnels: null, tunnelsAt: 0, scan: null, scanPort: null, timer: null };

function $(sel) { return document.querySelector(sel); }

/** An element with attributes and children; string children become text nodes. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return e;
}

function num(n) { return n == null ? '' : Number(n).toLocaleString('en-US'); }
function time(ms) { return ms == null ? '' : new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, 'Z'); }
function duration(secs) {
  if (secs == null) return '';
  secs = Math.max(0, Math.floor(secs));
  const h = Math.floor(secs / 3600), m = Math.floor((secs % 3600) / 60), s = secs % 60;
  return h + 'h ' + String(m).padStart(2, '0') + 'm ' + String(s).padStart(2, '0') + 's';
}
function bytes(b) {
  if (b == null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0; let v = Number(b);
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
}
function cell(v, cls) { return el('td', cls ? { class: cls } : {}, v); }
function fill(tbody, rows, empty, columns) {
  tbody.replaceChildren();
  if (rows.length === 0) tbody.append(el('tr', {}, el('td', { colspan: String(columns), class: 'muted' }, empty)));
  for (const r of rows) tbody.append(r);
}
function status(panel, text, isError) {
  const p = $(panel + ' .status');
  p.textContent = text || '';
  p.classList.toggle('error', !!isError);
}

async function api(path, options) {
  const opts = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
  if (opts.method === 'POST') opts.headers['X-CSRF-Token'] = state.csrf || '';
  const res = await fetch(path, opts);
  if (res.status === 401) { showLogin(); throw new Error('logged out'); }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

/** Renders what path answers; a failure goes to the status line of panel id. True when it rendered. */
async function load(id, path, render) {
  try {
    render(await api(path));
    return true;
  } catch (e) {
    status(id, 'Not available: ' + e.message, true);
    return false;
  }
}

async function panel(id, path, render) {
  if (await load(id, path, render)) status(id, '');
}

// ---- login ----
function showLogin() {
  clearInterval(state.timer);
  state.timer = null;
  $('#dashboard').hidden = true;
  $('#logout').hidden = true;
  $('#whoami').textContent = '';
  $('#login').hidden = false;
}

async function showDashboard(session) {
  state.csrf = session.csrf_token;
  $('#whoami').textContent = session.user;
  $('#login').hidden = true;
  $('#logout').hidden = false;
  $('#dashboard').hidden = false;
  await refresh();
  if (!state.timer) state.timer = setInterval(refresh, 30000);
}

async function login(ev) {
  ev.preventDefault();
  $('#login-error').textContent = '';
  const res = await fetch('/api/login', {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: $('#login-user').value, password: $('#login-password').value })
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) { $('#login-error').textContent = body.error || ('HTTP ' + res.status); return; }
  $('#login-password').value = '';
  await showDashboard(body);
}

async function logout() {
  await api('/api/logout', { method: 'POST' }).catch(() => {});
  state.csrf = null;
  showLogin();
}

// ---- panels ----
function refresh() {
  return Promise.all([loadPorts(), loadTunnels(), loadDownloads(), loadNat(), loadScan(), loadAlerts(), loadHealth()]);
}

function loadPorts() {
  return panel('#panel-ports', '/api/uncommon-ports', d => {
    $('#engine-time').textContent = 'engine time ' + time(d.engine_time);
    fill($('#panel-ports tbody'), d.ports.map(p => el('tr', { class: 'clickable', onclick: () => loadPortHosts(p.transport, p.port) },
      cell(p.port + '/' + p.transport), cell(num(p.hosts), 'num'), cell(num(p.connections), 'num'), cell(bytes(p.bytes), 'num'),
      cell(time(p.firstSeen)))), 'No uncommon ports in the last 24 hours.', 5);
  });
}

function loadPortHosts(transport, port) {
  return load('#panel-ports', '/api/uncommon-ports/hosts?transport=' + encodeURIComponent(transport) + '&port=' + encodeURIComponent(port), d => {
    $('#port-hosts-title').textContent = 'Hosts using ' + port + '/' + transport;
    fill($('#port-hosts tbody'), d.hosts.map(h => el('tr', {}, cell(h.hostIp), cell(num(h.connections), 'num'),
      cell(bytes(h.bytes), 'num'), cell(time(h.firstSeen)))), 'No hosts.', 4);
    $('#port-hosts').hidden = false;
  });
}

function destination(ip, port) { return ip == null ? '' : ip + (port == null ? '' : ':' + port); }

function loadTunnels() {
  return panel('#panel-tunnels', '/api/http-tunnels', d => {
    state.tunnels = d;
    state.tunnelsAt = Date.now();
    renderOpenTunnels();
    fill($('#tunnels-closed tbody'), d.closed.map(t => el('tr', {}, cell(t.hostIp), cell(t.userName), cell(destination(t.destinationIp, t.destinationPort)),
      cell(duration(t.durationSeconds), 'num'), cell(bytes(t.bytes), 'num'), cell(time(t.endTime)))), 'No long sessions closed in the last 24 hours.', 6);
    fill($('#tunnels-daily tbody'), d.daily.map(t => el('tr', {}, cell(t.hostIp), cell(t.destinationIp),
      cell(duration(t.totalSeconds), 'num'), cell(num(t.sessions), 'num'))), 'Nothing in the last 24 hours.', 4);
  });
}

/** Open sessions' durations go on counting between two loads (engine time moves with the wall clock). */
function renderOpenTunnels() {
  const d = state.tunnels;
  if (!d) return;
  const passed = (Date.now() - state.tunnelsAt) / 1000;
  fill($('#tunnels-open tbody'), d.open.map(t => el('tr', {}, cell(t.hostIp), cell(t.userName), cell(destination(t.destinationIp, t.destinationPort)),
    cell(duration(t.durationSeconds + passed), 'num live'), cell(time(t.startTime)))), 'No web session open for an hour or more.', 5);
}

function loadDownloads() {
  return panel('#panel-downloads', '/api/downloads', d => {
    fill($('#panel-downloads tbody'), d.downloads.map(a => el('tr', {}, cell(time(a.timestamp)), cell(a.host_ip), cell(a.user_name),
      cell(a.url), cell([a.media_type, a.extension].filter(x => x).join(' / ')), cell(a.severity, 'sev-' + a.severity))),
      'No executable downloads.', 6);
  });
}

function loadNat() {
  return panel('#panel-nat', '/api/nat-suspects', d => {
    fill($('#panel-nat tbody'), d.suspects.map(s => el('tr', {}, cell(s.hostIp), cell(num(s.estimatedHosts), 'num'),
      cell(s.families.map(f => f.family + ' (' + num(f.packets) + ' packets)').join(', ')),
      cell(s.families.map(f => f.minHops === f.maxHops ? f.minHops : f.minHops + '-' + f.maxHops).join(', ')),
      cell(s.verdict || 'watching'))), 'No address shows several TTL families.', 5);
  });
}

function loadScan() {
  return panel('#panel-scan', '/api/scan-trend', d => {
    state.scan = d;
    if (!d.ports.some(p => p.transport + '/' + p.port === state.scanPort)) {
      state.scanPort = d.ports.length ? d.ports[0].transport + '/' + d.ports[0].port : null;
    }
    renderScan();
    fill($('#panel-scan tbody'), d.ranks.map(r => el('tr', { class: 'clickable', onclick: () => { state.scanPort = r.transport + '/' + r.port; renderScan(); } },
      cell(r.rank, 'num'), cell(r.port + '/' + r.transport), cell(num(r.packets), 'num'), cell(num(r.previousPackets), 'num'),
      cell(r.changePercent == null ? 'new' : (r.changePercent > 0 ? '+' : '') + r.changePercent + ' %', 'num'),
      cell(r.previousRank == null ? '—' : r.previousRank, 'num'))), 'No closed hour observed yet.', 6);
  });
}

function renderScan() {
  const d = state.scan;
  const legend = $('#scan-legend');
  legend.replaceChildren();
  d.ports.forEach((p, i) => {
    const key = p.transport + '/' + p.port;
    const swatch = el('span', { class: 'swatch' });
    swatch.style.backgroundColor = QwChart.color(i);
    legend.append(el('button', { type: 'button', class: key === state.scanPort ? 'selected' : '', onclick: () => { state.scanPort = key; renderScan(); } },
      swatch, p.port + '/' + p.transport));
  });
  QwChart.draw($('#scan-chart'), d.hours, d.ports, state.scanPort);
}

function loadAlerts() {
  const q = new URLSearchParams();
  for (const [k, id] of [['detection', '#filter-detection'], ['severity', '#filter-severity'], ['host', '#filter-host'], ['acknowledged', '#filter-ack']]) {
    if ($(id).value) q.set(k, $(id).value);
  }
  q.set('limit', '100');
  return panel('#panel-alerts', '/api/alerts?' + q, d => {
    fill($('#alerts-table tbody'), d.alerts.map(a => el('tr', { class: 'clickable' + (a.id === state.selectedAlert ? ' selected' : ''), 'data-id': a.id, onclick: () => showAlert(a.id) },
      cell(time(a.timestamp)), cell(a.severity, 'sev-' + a.severity), cell(a.detection), cell(a.host_ip), cell(a.title),
      cell(a.acknowledged ? 'acknowledged by ' + a.acknowledged.by : 'open'))), 'No alerts match.', 6);
    status('#panel-alerts', d.total + ' alerts match');
  });
}

function showAlert(id) {
  return load('#panel-alerts', '/api/alerts/' + encodeURIComponent(id), d => {
    state.selectedAlert = id;
    renderAlert(d);
  });
}

function renderAlert(a) {
  $('#alert-detail-title').textContent = a.title || a.id;
  const facts = $('#alert-detail-facts');
  facts.replaceChildren();
  const rows = [['Severity', a.severity], ['Detection', a.detection + ' (rule ' + a.rule + ')'], ['Host', a.host && a.host.ip],
    ['User', a.user && a.user.name], ['Destination', a.destination && destination(a.destination.ip, a.destination.port)],
    ['First seen', a.first_seen], ['Last seen', a.last_seen], ['Count', a.count], ['Reason', a.reason],
    ['State', a.acknowledged ? 'acknowledged by ' + a.acknowledged.by + ' at ' + a.acknowledged.at : 'open']];
  for (const [k, v] of Object.entries(a.details || {})) rows.push([k, typeof v === 'object' ? JSON.stringify(v) : v]);
  for (const [k, v] of rows) if (v != null && v !== '') facts.append(el('dt', {}, k), el('dd', {}, v));
  const ev = $('#alert-evidence');
  ev.replaceChildren(...(a.evidence || []).map(e => el('li', {}, (e.event && e.event.original) || JSON.stringify(e))));
  const ack = $('#alert-ack');
  ack.disabled = !!a.acknowledged;
  ack.textContent = a.acknowledged ? 'Acknowledged' : 'Acknowledge';
  $('#alert-detail').hidden = false;
}

async function acknowledge() {
  if (!state.selectedAlert) return;
  try {
    renderAlert(await api('/api/alerts/' + encodeURIComponent(state.selectedAlert) + '/acknowledge', { method: 'POST' }));
    await loadAlerts();
  } catch (e) {
    status('#panel-alerts', 'Could not acknowledge: ' + e.message, true);
  }
}

function loadHealth() {
  return panel('#panel-health', '/api/health', d => {
    fill($('#health-inputs tbody'), d.inputs.map(i => el('tr', {}, cell(i.name + ' (' + i.protocol + '/' + i.port + ')'),
      cell(i.received_per_second, 'num'), cell(i.parsed_per_second, 'num'), cell(i.unparsed_per_second, 'num'), cell(i.dropped_per_second, 'num'),
      cell(num(i.received), 'num'), cell(num(i.parsed), 'num'), cell(num(i.unparsed), 'num'), cell(num(i.dropped), 'num'))), 'No inputs.', 9);
    fill($('#health-rules tbody'), d.rules.map(r => el('tr', {}, cell(r.name), cell(r.file), cell(num(r.events_in), 'num'),
      cell(num(r.alerts), 'num'))), 'No rules.', 4);
    fill($('#health-sinks tbody'), Object.entries(d.sinks || {}).map(([name, s]) => el('tr', {}, cell(name),
      cell(s.healthy ? 'delivering' : 'failing', s.healthy ? '' : 'sev-high'), cell(num(s.delivered), 'num'), cell(num(s.pending), 'num'),
      cell(num(s.failed_attempts), 'num'), cell(num(s.dead_lettered), 'num'), cell(s.last_error))), 'No sinks.', 7);
    status('#panel-health', 'up ' + duration(d.uptime_seconds) + ', ' + num(d.processed) + ' messages processed, '
      + num(d.alerts_raised) + ' alerts raised');
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  $('#login-form').addEventListener('submit', login);
  $('#logout').addEventListener('click', logout);
  $('#alert-ack').addEventListener('click', acknowledge);
  $('#alert-filters').addEventListener('submit', ev => { ev.preventDefault(); loadAlerts(); });
  setInterval(renderOpenTunnels, 1000);
  const res = await fetch('/api/session', { credentials: 'same-origin' });
  if (res.ok) await showDashboard(await res.json());
  else showLogin();
});
