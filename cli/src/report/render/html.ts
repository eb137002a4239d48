import { groupBy } from '@commons-graph/schema';
import { formatValue, headlines, type ReportDocument } from './document';

/**
 * One self-contained HTML file: inline CSS, inline SVG charts, no network. A small inline script
 * records each chart's rendered size, so a headless browser test can tell the charts really drew.
 */
const PALETTE = ['#2f7d4f', '#c4682b', '#3b6fb6', '#9b3f8f', '#7a7a1f', '#1f8a8a', '#b23a48', '#6b5b95'];
const STATE_COLOUR = { LIFE: '#2f7d4f', WATCH: '#b08a1e', DECAY: '#b23a48' } as const;

const esc = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function flowChart(doc: ReportDocument): string {
  const months = [...new Set(doc.monthlyFlow.map((p) => p.month))].sort();
  const slugs = [...new Set(doc.monthlyFlow.map((p) => p.community))];
  const max = Math.max(1, ...doc.monthlyFlow.map((p) => p.count));
  const w = 760,
    h = 240,
    left = 40,
    bottom = 30,
    groupW = (w - left) / Math.max(1, months.length);
  const barW = Math.max(2, (groupW - 6) / Math.max(1, slugs.length));
  const bars = doc.monthlyFlow.map((p) => {
    const x = left + months.indexOf(p.month) * groupW + slugs.indexOf(p.community) * barW + 3;
    const bh = ((h - bottom - 10) * p.count) / max;
    return `<rect x="${x.toFixed(1)}" y="${(h - bottom - bh).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${bh.toFixed(1)}" fill="${PALETTE[slugs.indexOf(p.community) % PALETTE.length]}"><title>${esc(p.community)} ${p.month}: ${p.count}</title></rect>`;
  });
  const labels = months.map(
    (m, i) =>
      `<text x="${(left + i * groupW + groupW / 2).toFixed(1)}" y="${h - 10}" text-anchor="middle" font-size="11">${m.slice(2)}</text>`,
  );
  const axis = `<line x1="${left}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#999"/><text x="4" y="16" font-size="11">${max}</text><text x="4" y="${h - bottom}" font-size="11">0</text>`;
  return `<svg class="chart" data-chart="flow" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Artifacts published per month per community">${axis}${bars.join('')}${labels.join('')}</svg>${legend(slugs)}`;
}

function legend(slugs: string[]): string {
  return `<p class="legend">${slugs.map((s, i) => `<span><i style="background:${PALETTE[i % PALETTE.length]}"></i>${esc(s)}</span>`).join(' ')}</p>`;
}

function heatMap(doc: ReportDocument): string {
  const slugs = [
    ...new Set([
      ...doc.communities.map((c) => c.community.slug),
      ...doc.adoptionMatrix.flatMap((c) => [c.adopter, c.origin]),
    ]),
  ].sort();
  const max = Math.max(1, ...doc.adoptionMatrix.map((c) => c.count));
  const size = 44,
    left = 150,
    top = 120;
  const w = left + size * slugs.length + 90,
    h = top + size * slugs.length + 10;
  const cells = slugs.flatMap((adopter, row) =>
    slugs.map((origin, col) => {
      const count = doc.adoptionMatrix.find((c) => c.adopter === adopter && c.origin === origin)?.count ?? 0;
      const alpha = count ? 0.2 + (0.8 * count) / max : 0.04;
      return (
        `<rect x="${left + col * size}" y="${top + row * size}" width="${size - 2}" height="${size - 2}" fill="rgba(47,125,79,${alpha.toFixed(2)})"><title>${esc(adopter)} adopted ${count} of ${esc(origin)}'s artifacts</title></rect>` +
        (count
          ? `<text x="${left + col * size + size / 2 - 1}" y="${top + row * size + size / 2 + 4}" text-anchor="middle" font-size="13">${count}</text>`
          : '')
      );
    }),
  );
  const rows = slugs.map(
    (s, i) =>
      `<text x="${left - 6}" y="${top + i * size + size / 2 + 4}" text-anchor="end" font-size="12">${esc(s)}</text>`,
  );
  const cols = slugs.map(
    (s, i) =>
      `<text transform="translate(${left + i * size + size / 2},${top - 6}) rotate(-40)" font-size="12">${esc(s)}</text>`,
  );
  return `<svg class="chart" data-chart="adoption-matrix" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Adoption matrix: rows adopt columns' artifacts">${cells.join('')}${rows.join('')}${cols.join('')}</svg><p class="note">Rows adopted the artifacts of columns.</p>`;
}

function lineageGraph(lineage: ReportDocument['lineages'][number], slugs: string[]): string {
  // Layered layout: depth from the root found by walking edges both ways.
  const depth = new Map<string, number>([[lineage.rootId, 0]]);
  for (let changed = true, guard = 0; changed && guard < 50; guard++) {
    changed = false;
    for (const e of lineage.edges) {
      if (depth.has(e.sourceId) && !depth.has(e.derivativeId)) {
        depth.set(e.derivativeId, depth.get(e.sourceId)! + 1);
        changed = true;
      }
      if (depth.has(e.derivativeId) && !depth.has(e.sourceId)) {
        depth.set(e.sourceId, depth.get(e.derivativeId)! - 1);
        changed = true;
      }
    }
  }
  const layers = new Map(
    [...groupBy(lineage.nodes, (n) => depth.get(n.id) ?? 0)].map(([level, nodes]) => [
      level,
      nodes.map((n) => n.id),
    ]),
  );
  const levels = [...layers.keys()].sort((a, b) => a - b);
  const colW = 190,
    rowH = 56,
    w = Math.max(1, levels.length) * colW + 20;
  const h = Math.max(...[...layers.values()].map((l) => l.length), 1) * rowH + 20;
  const pos = new Map<string, { x: number; y: number }>();
  levels.forEach((level, i) =>
    layers.get(level)!.forEach((id, j) => pos.set(id, { x: 10 + i * colW, y: 10 + j * rowH })),
  );
  const edges = lineage.edges
    .filter((e) => pos.has(e.sourceId) && pos.has(e.derivativeId))
    .map((e) => {
      const a = pos.get(e.sourceId)!,
        b = pos.get(e.derivativeId)!;
      return `<line x1="${a.x + 160}" y1="${a.y + 18}" x2="${b.x}" y2="${b.y + 18}" stroke="#888" marker-end="url(#arrow)"><title>${esc(e.relation)}</title></line>`;
    });
  const nodes = lineage.nodes.map((n) => {
    const p = pos.get(n.id)!;
    const colour = PALETTE[Math.max(0, slugs.indexOf(n.community)) % PALETTE.length];
    return `<g><rect x="${p.x}" y="${p.y}" width="160" height="36" rx="6" fill="#fff" stroke="${colour}" stroke-width="2"/><text x="${p.x + 8}" y="${p.y + 15}" font-size="11" font-weight="600">${esc(n.title.slice(0, 26))}</text><text x="${p.x + 8}" y="${p.y + 29}" font-size="10" fill="${colour}">${esc(n.community)}</text></g>`;
  });
  return `<svg class="chart" data-chart="lineage" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Lineage of ${esc(lineage.title)}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>${edges.join('')}${nodes.join('')}</svg>`;
}

function responseChart(doc: ReportDocument): string {
  const items = doc.responseTimes;
  const max = Math.max(30, ...items.map((r) => r.days ?? 0));
  const w = 760,
    rowH = 22,
    left = 170,
    h = Math.max(1, items.length) * rowH + 30;
  const scale = (d: number) => ((w - left - 20) * d) / max;
  const bars = items.map((r, i) => {
    const y = 10 + i * rowH;
    const label = `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="11">${esc(r.community)}</text>`;
    if (r.days === null)
      return `${label}<text x="${left + 4}" y="${y + 14}" font-size="11" fill="#b23a48">no response</text>`;
    const colour = r.days <= 14 ? STATE_COLOUR.LIFE : r.days > 30 ? STATE_COLOUR.DECAY : STATE_COLOUR.WATCH;
    return `${label}<rect x="${left}" y="${y}" width="${Math.max(2, scale(r.days)).toFixed(1)}" height="${rowH - 6}" fill="${colour}"><title>${r.days} days</title></rect><text x="${left + Math.max(2, scale(r.days)) + 4}" y="${y + 14}" font-size="11">${r.days} d</text>`;
  });
  const marks = [14, 30].map(
    (d) =>
      `<line x1="${left + scale(d)}" y1="0" x2="${left + scale(d)}" y2="${h - 20}" stroke="#bbb" stroke-dasharray="4 3"/><text x="${left + scale(d)}" y="${h - 6}" font-size="10" text-anchor="middle">${d} d</text>`,
  );
  return `<svg class="chart" data-chart="response-times" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Feedback response times">${marks.join('')}${bars.join('')}</svg>`;
}

export function renderHtml(doc: ReportDocument): string {
  const slugs = doc.communities.map((c) => c.community.slug);
  const communities = doc.communities
    .map(
      (c) => `
    <section class="community">
      <h3>${esc(c.community.name)} <small>${esc(c.community.slug)}</small>${c.replant ? ' <span class="badge DECAY">replant</span>' : ''}</h3>
      <table><thead><tr><th>metric</th><th>value</th><th>state</th><th>detail</th></tr></thead><tbody>
      ${c.metrics.map((m) => `<tr><td>${esc(m.label)}</td><td>${esc(formatValue(m))}</td><td><span class="badge ${m.state}">${m.state.toLowerCase()}</span></td><td>${esc(m.detail)}</td></tr>`).join('')}
      </tbody></table>
    </section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Commons vitality report ${esc(doc.from.slice(0, 10))} to ${esc(doc.to.slice(0, 10))}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:980px;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem}.sub{color:#666;margin-top:0}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
ul.headlines li{margin:.3rem 0}table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:.3rem .4rem;text-align:left;vertical-align:top}
.badge{border-radius:4px;padding:1px 6px;color:#fff;font-size:12px}.LIFE{background:#2f7d4f}.WATCH{background:#b08a1e}.DECAY{background:#b23a48}
.legend span{margin-right:1rem;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
.note{color:#666;font-size:12px}.chart{max-width:100%;height:auto;display:block;margin:.5rem 0}small{color:#888;font-weight:normal}
</style></head><body>
<h1>Commons vitality report</h1>
<p class="sub">${esc(doc.from.slice(0, 10))} to ${esc(doc.to.slice(0, 10))} · generated ${esc(doc.generatedAt.slice(0, 16).replace('T', ' '))} from ${esc(doc.gateway)}</p>
<h2>Headlines</h2><ul class="headlines">${headlines(doc)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul>
<h2>Artifacts published per month</h2>${flowChart(doc)}
<h2>Who adopts whom</h2>${heatMap(doc)}
<h2>Lineage of the most adopted artifacts</h2>${doc.lineages.length ? doc.lineages.map((l) => `<h3>${esc(l.title)}</h3>${lineageGraph(l, slugs)}`).join('') : '<p>No derivations yet.</p>'}
<h2>Feedback response times</h2>${doc.responseTimes.length ? responseChart(doc) : '<p>No feedback in this window.</p>'}
<h2>Communities</h2>${communities}
<p id="render-check" class="note"></p>
<script>
  // Records what the browser actually laid out, for the rendering test.
  window.addEventListener('load', function () {
    var sizes = Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (svg) {
      var box = svg.getBBox();
      return svg.getAttribute('data-chart') + ':' + Math.round(box.width) + 'x' + Math.round(box.height) + ':' + svg.querySelectorAll('rect').length;
    });
    var check = document.getElementById('render-check');
    check.setAttribute('data-rendered', sizes.join(' '));
  });
</script>
</body></html>
`;
}
