import type { ReportDocument } from './document';

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per community and metric, for spreadsheets. */
export function renderCsv(doc: ReportDocument): string {
  const rows = [['community', 'metric', 'value', 'unit', 'state', 'detail', 'from', 'to']];
  for (const c of doc.communities) {
    for (const m of c.metrics)
      rows.push([
        c.community.slug,
        m.key,
        String(m.value ?? ''),
        m.unit,
        m.state,
        m.detail,
        doc.from,
        doc.to,
      ]);
  }
  for (const slug of doc.unavailableCommunities)
    rows.push([slug, 'unavailable', '', '', '', 'node did not answer', doc.from, doc.to]);
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
