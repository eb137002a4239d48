import { LINEAGE, NODES, REPORT, type TypedOperation } from './operations';
import type { ReportDocument, ReportLineage } from './render/document';
import { renderCsv, renderHtml, renderMarkdown } from './render';

/** The steward's side: asks a gateway for a report over HTTP and renders it. */
type GraphQLErrors = Array<{ message: string; extensions?: Record<string, unknown> }>;

async function ask<Answer, Variables>(
  url: string,
  operation: TypedOperation<Answer, Variables>,
  variables: Variables,
): Promise<{ data: Answer | null; errors: GraphQLErrors }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation, variables }),
  });
  const body = (await response.json()) as { data?: Answer | null; errors?: GraphQLErrors };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

export interface ReportRequest {
  gateway: string;
  from: Date;
  to: Date;
  community?: string;
  progress?: (line: string) => void;
}

/** The lineage pictures of the most far-reaching artifacts, each community named by its slug. */
async function drawLineages(
  gateway: string,
  rootIds: string[],
  progress: (line: string) => void,
): Promise<ReportLineage[]> {
  const lineages: ReportLineage[] = [];
  for (const id of rootIds) {
    progress(`Drawing the lineage of ${id}`);
    const artifact = (await ask(gateway, LINEAGE, { id })).data?.artifact;
    if (artifact) {
      lineages.push({
        rootId: artifact.id,
        title: artifact.title,
        nodes: artifact.lineage.nodes.map((n) => ({ id: n.id, title: n.title, community: n.community.slug })),
        edges: artifact.lineage.edges,
      });
    }
  }
  return lineages;
}

export async function fetchReport({
  gateway,
  from,
  to,
  community,
  progress = () => undefined,
}: ReportRequest): Promise<ReportDocument> {
  const nodes = await ask(gateway, NODES, {});
  if (!nodes.data)
    throw new Error(
      `The gateway at ${gateway} did not answer: ${nodes.errors.map((e) => e.message).join('; ')}`,
    );
  const participating = nodes.data.nodes.filter((n) => n.status !== 'INCOMPATIBLE');
  progress(
    `Gathering from ${participating.length} community nodes: ${participating.map((n) => n.slug).join(', ')}`,
  );
  const started = Date.now();
  const ticker = setInterval(
    () => progress(`… still gathering (${Math.round((Date.now() - started) / 1000)} s)`),
    2000,
  );
  let result;
  try {
    result = await ask(gateway, REPORT, { from: from.toISOString(), to: to.toISOString() });
  } finally {
    clearInterval(ticker);
  }
  if (!result.data) throw new Error(`The report failed: ${result.errors.map((e) => e.message).join('; ')}`);
  const report = result.data.commonsReport;
  progress(
    `Gathered in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (report.unavailableCommunities.length
        ? `; not answering: ${report.unavailableCommunities.join(', ')}`
        : ''),
  );

  const communities = community
    ? report.communities.filter((c) => c.community.slug === community)
    : report.communities;
  if (community && communities.length === 0) throw new Error(`No community "${community}" in the report`);
  const roots = report.lineageReach.slice(0, 3).map((reach) => reach.artifactId);
  const lineages = await drawLineages(gateway, roots, progress);
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
