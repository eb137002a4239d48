import { mapLimit } from '@commons-graph/schema';
import { inCanonicalOrder, TIME_OF } from '../canonical-order';
import type { NodeAsker } from '../node-asker';
import type { NodeField } from '../node-client/fields';
import type { RegisteredNode } from '../registry/Registry';
import type { ReportArtifactsFragment, ReportLinksFragment } from '../generated/report-answers';

/**
 * What a report asks of each node, as fragments of the node contract: `npm run codegen` types
 * their answers from schema/node.graphql (generated/report-answers.ts), and the batch sends the
 * fragment's selection, so each field a report reads is named once, here.
 */
export const LINKS_FRAGMENT = /* GraphQL */ `
  fragment ReportLinks on Community {
    slug
    name
    adoptionsGiven {
      id
      artifactId
      community
      status
      impact
      recordedAt
    }
    feedbackGiven {
      id
      artifactId
      community
      kind
      givenAt
    }
    responsesGiven {
      id
      feedbackId
      artifactId
      respondedAt
    }
    derivations {
      id
      artifactId
      sourceId
      relation
      assertedAt
    }
    needs {
      id
      title
      status
      postedAt
    }
    needAnswersGiven {
      id
      needId
      artifactId
      answeredAt
    }
    contributionRoles {
      personName
      role
      hoursPerMonth
      resourcedHoursPerMonth
      startsOn
      endsOn
    }
  }
`;

export const PAGE_FRAGMENT = /* GraphQL */ `
  fragment ReportArtifacts on ArtifactConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        publishedAt
        status
        licence {
          spdx
        }
        provenance {
          authors
          aiAssisted
          reviewer
        }
      }
    }
  }
`;

/** A fragment's selection set, braces included, on one line as a NodeField sends it (no strings in it). */
const selectionOf = (fragment: string) => fragment.slice(fragment.indexOf('{')).replace(/\s+/g, ' ').trim();

type Page = ReportArtifactsFragment;

/** What a report needs of one community: its published artifacts and the links it asserts. */
export type CommunityData = ReportLinksFragment & {
  artifacts: Array<Page['edges'][number]['node']>;
};

const LINKS: NodeField = {
  label: 'ReportLinks',
  name: 'community',
  args: {},
  selection: selectionOf(LINKS_FRAGMENT),
};

const PAGE: NodeField = {
  label: 'ReportArtifacts',
  name: 'artifacts',
  args: { first: 'Int!', after: 'String' },
  selection: selectionOf(PAGE_FRAGMENT),
  answers: [{ list: 'edges', atMost: 'first' }],
};

/** Every field a report asks of a node (a test validates them against the node contract). */
export const REPORT_FIELDS: readonly NodeField[] = [LINKS, PAGE];

/** Nodes gathered at once: enough to hide their latency, few enough to bound open sockets. */
const GATHER_CONCURRENCY = 32;

/** The links and the first page go in one request; further pages follow one by one. */
async function gatherOne(ctx: NodeAsker, node: RegisteredNode): Promise<CommunityData | null> {
  const pageAfter = (after: string | null) => ctx.ask<Page>(node, PAGE, { first: 100, after });
  const [links, firstPage] = await Promise.all([ctx.ask<ReportLinksFragment>(node, LINKS), pageAfter(null)]);
  if (!links) return null;
  const artifacts: CommunityData['artifacts'] = [];
  for (let page = firstPage; ;) {
    if (!page) return null;
    artifacts.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    page = await pageAfter(page.pageInfo.endCursor);
  }
  return { ...inCanonicalOrders(links), artifacts };
}

/** A node's lists in the order both paths give them (canonical-order.ts). */
const inCanonicalOrders = (links: ReportLinksFragment): ReportLinksFragment => ({
  ...links,
  adoptionsGiven: inCanonicalOrder(links.adoptionsGiven, TIME_OF.adoption),
  feedbackGiven: inCanonicalOrder(links.feedbackGiven, TIME_OF.feedback),
  responsesGiven: inCanonicalOrder(links.responsesGiven, TIME_OF.response),
  derivations: inCanonicalOrder(links.derivations, TIME_OF.derivation),
  needs: inCanonicalOrder(links.needs, TIME_OF.need),
  needAnswersGiven: inCanonicalOrder(links.needAnswersGiven, TIME_OF.needAnswer),
});

/**
 * Gathers every community's data once, in parallel with bounded concurrency. A node that does not
 * answer is named in `unavailable`, never silently counted as zero.
 */
export async function gatherCommons(
  ctx: NodeAsker,
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
