import { LINEAGE_QUERY, REPORT_QUERY, type ReportDocument } from './render/document';
import { renderCsv, renderHtml, renderMarkdown } from './render';

/** The steward's side: asks a gateway for a report over HTTP and renders it. */
async function ask<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data: T | null; errors: Array<{ message: string; extensions?: Record<string, unknown> }> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

export interface ReportRequest {
  gateway: string;
  from: Date;
  to: Date;
  community?: string;
  progress?: (line: string) => void;
}

export async function fetchReport({ gateway, from, to, community, progress = () => undefined }: ReportRequest): Promise<ReportDocument> {
  const nodes = await ask<{ nodes: Array<{ slug: string; status: string }> }>(gateway, `{ nodes { slug status } }`);
  if (!nodes.data) throw new Error(`The gateway at ${gateway} did not answer: ${nodes.errors.map((e) => e.message).join('; ')}`);
  const participating = nodes.data.nodes.filter((n) => n.status !== 'INCOMPATIBLE');
  progress(`Gathering from ${participating.length} community nodes: ${participating.map((n) => n.slug).join(', ')}`);
  const started = Date.now();
  const ticker = setInterval(() => progress(`… still gathering (${Math.round((Date.now() - started) / 1000)} s)`), 2000);
  let result;
  try {
    result = await ask<{ commonsReport: Omit<ReportDocument, 'generatedAt' | 'gateway' | 'lineages'> }>(gateway, REPORT_QUERY, {
      from: from.toISOString(),
      to: to.toISOString(),
    });
  } finally {
    clearInterval(ticker);
  }
  if (!result.data) throw new Error(`The report failed: ${result.errors.map((e) => e.message).join('; ')}`);
  const report = result.data.commonsReport;
  progress(`Gathered in ${((Date.now() - started) / 1000).toFixed(1)} s` + (report.unavailableCommunities.length ? `; not answering: ${report.unavailableCommunities.join(', ')}` : ''));

  const communities = community ? report.communities.filter((c) => c.community.slug === community) : report.communities;
  if (community && communities.length === 0) throw new Error(`No community "${community}" in the report`);
  const lineages: ReportDocument['lineages'] = [];
  for (const reach of report.lineageReach.slice(0, 3)) {
    progress(`Drawing the lineage of ${reach.artifactId}`);
    const answer = await ask<{ artifact: { id: string; title: string; lineage: { nodes: Array<{ id: string; title: string; community: { slug: string } }>; edges: ReportDocument['lineages'][number]['edges'] } } | null }>(
      gateway, LINEAGE_QUERY, { id: reach.artifactId },
    );
    const artifact = answer.data?.artifact;
    if (artifact) {
      lineages.push({
        rootId: artifact.id,
        title: artifact.title,
        nodes: artifact.lineage.nodes.map((n) => ({ id: n.id, title: n.title, community: n.community.slug })),
        edges: artifact.lineage.edges,
      });
    }
  }
  return { ...report, communities, generatedAt: new Date().toISOString(), gateway, lineages };
}

export type ReportFormat = 'md' | 'json' | 'csv' | 'html';

export function renderReport(doc: ReportDocument, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderMarkdown(doc);
    case 'csv':
      return renderCsv(doc);
    case 'html':
      return renderHtml(doc);
    case 'json':
      return `${JSON.stringify(doc, null, 2)}\n`;
  }
}
