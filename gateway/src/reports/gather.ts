import { mapLimit } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { NodeField } from '../node-client/fields';
import type { RegisteredNode } from '../registry/Registry';

/** What a report needs of one community: its published artifacts and the links it asserts. */
export interface CommunityData {
  slug: string;
  name: string;
  artifacts: Array<{
    id: string;
    title: string;
    publishedAt: string;
    status: string;
    licence: { spdx: string };
    provenance: { authors: string[]; aiAssisted: boolean; reviewer: string | null };
  }>;
  adoptionsGiven: Array<{ id: string; artifactId: string; community: string; status: string; impact: string | null; recordedAt: string }>;
  feedbackGiven: Array<{ id: string; artifactId: string; community: string; kind: string; givenAt: string }>;
  responsesGiven: Array<{ id: string; feedbackId: string; artifactId: string; respondedAt: string }>;
  derivations: Array<{ id: string; artifactId: string; sourceId: string; relation: string; assertedAt: string }>;
  needs: Array<{ id: string; title: string; status: string; postedAt: string }>;
  needAnswersGiven: Array<{ id: string; needId: string; artifactId: string; answeredAt: string }>;
  contributionRoles: Array<{ personName: string; role: string; hoursPerMonth: number; resourcedHoursPerMonth: number; startsOn: string; endsOn: string | null }>;
}

const LINKS: NodeField = { label: 'ReportLinks', name: 'community', args: {}, selection: `{ slug name
  adoptionsGiven { id artifactId community status impact recordedAt }
  feedbackGiven { id artifactId community kind givenAt }
  responsesGiven { id feedbackId artifactId respondedAt }
  derivations { id artifactId sourceId relation assertedAt }
  needs { id title status postedAt }
  needAnswersGiven { id needId artifactId answeredAt }
  contributionRoles { personName role hoursPerMonth resourcedHoursPerMonth startsOn endsOn } }` };

const PAGE: NodeField = { label: 'ReportArtifacts', name: 'artifacts', args: { first: 'Int!', after: 'String' }, selection: `{
  pageInfo { hasNextPage endCursor }
  edges { node { id title publishedAt status licence { spdx } provenance { authors aiAssisted reviewer } } } }`, answers: [{ list: 'edges', atMost: 'first' }] };

/** Every field a report asks of a node (a test validates them against the node contract). */
export const REPORT_FIELDS: readonly NodeField[] = [LINKS, PAGE];

/** Nodes gathered at once: enough to hide their latency, few enough to bound open sockets. */
const GATHER_CONCURRENCY = 32;

type Page = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: CommunityData['artifacts'][number] }> };

/** The links and the first page go in one request; further pages follow one by one. */
async function gatherOne(ctx: GatewayContext, node: RegisteredNode): Promise<CommunityData | null> {
  const pageAfter = (after: string | null) => ctx.ask<Page>(node, PAGE, { first: 100, after });
  const [links, firstPage] = await Promise.all([ctx.ask<Omit<CommunityData, 'artifacts'>>(node, LINKS), pageAfter(null)]);
  if (!links) return null;
  const artifacts: CommunityData['artifacts'] = [];
  for (let page = firstPage; ; ) {
    if (!page) return null;
    artifacts.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    page = await pageAfter(page.pageInfo.endCursor);
  }
  return { ...links, artifacts };
}

/**
 * Gathers every community's data once, in parallel with bounded concurrency. A node that does not
 * answer is named in `unavailable`, never silently counted as zero.
 */
export async function gatherCommons(
  ctx: GatewayContext,
  onProgress?: (done: number, total: number, slug: string) => void,
): Promise<{ communities: CommunityData[]; unavailable: string[] }> {
  const nodes = ctx.registry.participants();
  let done = 0;
  const results = await mapLimit(nodes, GATHER_CONCURRENCY, async (node) => {
    const data = await gatherOne(ctx, node);
    onProgress?.(++done, nodes.length, node.slug);
    return { node, data };
  });
  return {
    communities: results.flatMap((r) => (r.data ? [r.data] : [])),
    unavailable: results.filter((r) => !r.data).map((r) => r.node.slug),
  };
}
