// The fixed-point observation chart: packets per hour of the top ports as SVG lines, with the selected
// port's baseline (mean of its previous hours, and the band mean ± 3σ whose top is the alert threshold).
'use strict';

const QwChart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const COLORS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b83280'];
  const W = 800, H = 260, L = 50, R = 10, T = 10, B = 30;

  function node(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }

  function color(i) { return COLORS[i % COLORS.length]; }

  function draw(svg, hours, ports, selected) {
    svg.replaceChildren();
    if (!hours.length || !ports.length) {
      svg.append(node('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No closed hour observed yet.'));
      return;
    }
    let max = 1;
    for (const p of ports) for (const pt of p.points) {
      max = Math.max(max, pt.packets, (p.transport + '/' + p.port) === selected ? pt.mean + 3 * Math.max(pt.sigma, 1) : 0);
    }
    const x = i => L + (hours.length === 1 ? 0 : i * (W - L - R) / (hours.length - 1));
    const y = v => T + (H - T - B) * (1 - v / max);
    svg.append(node('line', { class: 'axis', x1: L, y1: y(0), x2: W - R, y2: y(0) }));
    for (const f of [0, 0.5, 1]) {
      svg.append(node('text', { x: L - 6, y: y(max * f) + 4, 'text-anchor': 'end' }, String(Math.round(max * f))));
    }
    hours.forEach((h, i) => {
      if (i % 6 === 0 || i === hours.length - 1) {
        svg.append(node('text', { x: x(i), y: H - 8, 'text-anchor': 'middle' }, new Date(h).toISOString().substring(11, 16)));
      }
    });
    const sel = ports.find(p => (p.transport + '/' + p.port) === selected);
    // the baseline exists from the first hour that has hours before it
    const based = sel ? sel.points.map((pt, i) => [pt, i]).filter(([pt]) => pt.baselineHours > 0) : [];
    if (based.length) {
      const upper = based.map(([pt, i]) => x(i) + ',' + y(pt.mean + 3 * Math.max(pt.sigma, 1)));
      const lower = based.map(([pt, i]) => x(i) + ',' + y(Math.max(0, pt.mean - 3 * pt.sigma))).reverse();
      svg.append(node('polygon', { class: 'band', points: upper.concat(lower).join(' ') }));
      svg.append(node('polyline', { class: 'mean', points: based.map(([pt, i]) => x(i) + ',' + y(pt.mean)).join(' ') }));
    }
    ports.forEach((p, i) => {
      const key = p.transport + '/' + p.port;
      const line = node('polyline', { class: 'series' + (key === selected ? ' selected' : ''), stroke: color(i),
        points: p.points.map((pt, j) => x(j) + ',' + y(pt.packets)).join(' '), 'data-port': key });
      line.append(node('title', {}, key));
      svg.append(line);
    });
  }

  return { draw, color };
})();
