import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  compareArtifactKeys,
  decodeArtifactCursor,
  describeLicence,
  encodeArtifactCursor,
  NODE_PROTOCOL_VERSION,
  parseGlobalId,
  readNodeContract,
} from '@commons-graph/schema';
import { parse, type GraphQLSchema } from 'graphql';
import { seededRandom } from '../random';

/**
 * A synthetic Commons of N nodes for the stub process: artifacts whose publication dates are spread
 * so that the global page mixes nodes, adoptions and feedback that point across nodes, derivation
 * chains that cross nodes (a lineage of depth 5 from `lineageRoot` fans out over several nodes),
 * and the community data a report gathers. Answers come from the node contract's own schema
 * (`schema/node.graphql` through `@apollo/subgraph`) executed over this data, so any operation the
 * gateway sends (aliases, several root fields, any selection) is answered as a real node would.
 */
type Row = Record<string, any>;

export interface NodeData {
  slug: string;
  /** Newest first, then by id: the order every node and the gateway share. */
  artifacts: Row[];
  byId: Map<string, Row>;
  keys: Map<string, string>;
  profile: Row;
  adoptions: Row[];
  feedback: Row[];
  responses: Row[];
  derivations: Row[];
  needs: Row[];
  answers: Row[];
}

export interface SyntheticOptions {
  slugs: string[];
  artifactsPerNode: number;
  seed: number;
}

const BASE = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
const KINDS = ['PLAYBOOK', 'TEMPLATE', 'CASE_STUDY', 'FIELD_GUIDE', 'PATTERN', 'DECISION_RECORD'];
const FEEDBACK_KINDS = ['WORKED', 'GAP', 'QUESTION', 'DID_NOT_WORK', 'IMPROVEMENT'];
/** Artifacts a0…a11 of every node derive from two artifacts on two other nodes: lineage depth > 5. */
const DERIVING = 12;

export const lineageRoot = (slugs: string[]) => `${slugs[0]}:a0`;

const iso = (time: number) => new Date(time).toISOString();

export function syntheticCommons({ slugs, artifactsPerNode, seed }: SyntheticOptions): Map<string, NodeData> {
  const random = seededRandom(seed);
  const n = slugs.length;
  const licence = describeLicence('CC-BY-4.0');
  const nodes = new Map<string, NodeData>();
  for (const slug of slugs) {
    nodes.set(slug, {
      slug,
      artifacts: [],
      byId: new Map(),
      keys: new Map(),
      profile: {},
      adoptions: [],
      feedback: [],
      responses: [],
      derivations: [],
      needs: [],
      answers: [],
    });
  }
  const at = (i: number) => nodes.get(slugs[((i % n) + n) % n])!;

  slugs.forEach((slug, i) => {
    const node = at(i);
    for (let k = 0; k < artifactsPerNode; k++) {
      const publishedAt = iso(BASE - Math.floor(random() * 365 * DAY));
      const kind = KINDS[k % KINDS.length];
      const title = `${slug} artifact ${k}`;
      const summary = `What ${slug} learned, number ${k}.`;
      const body = `${summary} `.repeat(8);
      const provenance = {
        authors: ['A. Author', 'B. Author'],
        aiAssisted: k % 7 === 0,
        aiTools: k % 7 === 0 ? 'an assistant' : null,
        reviewer: k % 7 === 0 ? 'R. Reviewer' : null,
      };
      const id = `${slug}:a${k}`;
      const derivedFrom =
        k < DERIVING
          ? [
              [1, 'ADAPTS'],
              [3, 'REFERENCES'],
            ].map(([offset, relation], j) => ({
              id: `${slug}:d${k}x${j}`,
              artifactId: id,
              sourceId: `${at(i + (offset as number)).slug}:a${k + 1}`,
              relation,
              note: null,
              assertedBy: slug,
              assertedAt: publishedAt,
            }))
          : [];
      // An artifact shows its latest version's content, as a node's read model does.
      const content = {
        kind,
        title,
        summary,
        body,
        tags: ['bench', kind.toLowerCase()],
        mediaUrl: null,
        licence,
        attribution: `${slug} community`,
        provenance,
      };
      const artifact = {
        id,
        community: slug,
        status: 'PUBLISHED',
        ...content,
        version: 1,
        publishedAt,
        updatedAt: publishedAt,
        retiredAt: null,
        retirementReason: null,
        versions: [{ number: 1, ...content, changeNote: null, publishedAt }],
        derivedFrom,
      };
      node.artifacts.push(artifact);
      node.byId.set(id, artifact);
      node.derivations.push(...derivedFrom);
    }
    node.artifacts.sort((a, b) => compareArtifactKeys(sortKey(a), sortKey(b)));
    for (const a of node.artifacts) node.keys.set(a.id, encodeArtifactCursor(sortKey(a)));
  });

  // Links are stored by whoever asserts them: adopters, feedback givers, responding origins.
  slugs.forEach((origin, j) => {
    for (let k = 0; k < artifactsPerNode; k++) {
      const artifactId = `${origin}:a${k}`;
      const recordedAt = iso(BASE - (k % 90) * DAY);
      const adopters = new Set([at(j + 1 + (k % 5)).slug, at(j + 7 + 2 * k).slug]);
      adopters.delete(origin);
      for (const adopter of adopters) {
        nodes.get(adopter)!.adoptions.push({
          id: `${adopter}:ad-${j}-${k}`,
          artifactId,
          community: adopter,
          status: k % 4 ? 'ADOPTED' : 'TRIAL',
          context: `Used by ${adopter}`,
          impact: k % 3 ? 'Fewer failed trials' : null,
          adaptedAsId: null,
          recordedAt,
          updatedAt: recordedAt,
        });
      }
      const giver = at(j + 2 + (k % 3)).slug;
      if (k % 2 === 0 && giver !== origin) {
        const feedbackId = `${giver}:fb-${j}-${k}`;
        nodes.get(giver)!.feedback.push({
          id: feedbackId,
          artifactId,
          community: giver,
          kind: FEEDBACK_KINDS[k % FEEDBACK_KINDS.length],
          body: 'It helped, mostly.',
          givenAt: recordedAt,
        });
        if (k % 4 === 0) {
          at(j).responses.push({
            id: `${origin}:rs-${j}-${k}`,
            feedbackId,
            artifactId,
            community: origin,
            kind: 'ACKNOWLEDGED',
            body: 'Thank you.',
            resultingVersion: null,
            respondedAt: iso(BASE - (k % 90) * DAY + 3 * DAY),
          });
        }
      }
    }
  });

  slugs.forEach((slug, i) => {
    const node = at(i);
    node.needs = [0, 1].map((m) => ({
      id: `${slug}:need-${m}`,
      community: slug,
      title: `Need ${m} of ${slug}`,
      body: 'Looking for a template.',
      tags: ['bench'],
      status: m ? 'ANSWERED' : 'OPEN',
      postedAt: iso(BASE - (30 + m) * DAY),
      closedAt: null,
    }));
    node.answers = [
      {
        id: `${slug}:ans-0`,
        needId: `${at(i + 1).slug}:need-1`,
        artifactId: `${slug}:a0`,
        community: slug,
        note: null,
        answeredAt: iso(BASE - 10 * DAY),
      },
    ];
    node.profile = {
      slug,
      name: `Community ${slug}`,
      description: 'A synthetic community.',
      region: null,
      website: null,
      software: { name: 'commons-bench-stub', version: '0.0.0', protocol: NODE_PROTOCOL_VERSION },
      learningCycles: [
        {
          id: `${slug}:cycle-0`,
          cadence: 'QUARTERLY',
          startsOn: '2026-07-01',
          endsOn: '2026-09-30',
          becameClear: 'x',
          surprised: 'y',
          failed: 'z',
          harvestedArtifactIds: [`${slug}:a0`, `${slug}:a1`],
        },
      ],
      contributionRoles: [0, 1, 2].map((r) => ({
        id: `${slug}:role-${r}`,
        personName: `Person ${r}`,
        role: 'translator',
        hoursPerMonth: 10,
        resourcedHoursPerMonth: r ? 5 : 0,
        startsOn: '2026-01-01',
        endsOn: null,
      })),
      adoptionsGiven: node.adoptions,
      feedbackGiven: node.feedback,
      responsesGiven: node.responses,
      derivations: node.derivations,
      needAnswersGiven: node.answers,
    };
  });
  return nodes;
}

export function sortKey(artifact: Row) {
  return { publishedAt: new Date(artifact.publishedAt), id: artifact.id as string };
}

const among = (ids: string[]) => {
  const wanted = new Set(ids);
  return (value: string) => wanted.has(value);
};
const ofCommunity = (slug: string) => (id: string) => parseGlobalId(id)?.community === slug;

/** The node contract's schema with resolvers over the `NodeData` passed as context (and any more root fields). */
export function syntheticSchema(
  extraQuery: Record<string, (root: unknown, args: Row, node: NodeData) => unknown> = {},
): GraphQLSchema {
  const resolvers = {
    Query: {
      artifact: (_: unknown, { id }: Row, node: NodeData) => node.byId.get(id) ?? null,
      artifacts: (_: unknown, { first, after, filter }: Row, node: NodeData) =>
        page(node, first, after, filter),
      community: (_: unknown, __: Row, node: NodeData) => node.profile,
      adoptionsOf: (_: unknown, { artifactIds }: Row, node: NodeData) =>
        node.adoptions.filter((a) => among(artifactIds)(a.artifactId)),
      derivativesOf: (_: unknown, { artifactIds }: Row, node: NodeData) =>
        node.derivations.filter((d) => among(artifactIds)(d.sourceId)),
      feedbackOn: (_: unknown, { artifactIds }: Row, node: NodeData) =>
        node.feedback.filter((f) => among(artifactIds)(f.artifactId)),
      responsesTo: (_: unknown, { feedbackIds }: Row, node: NodeData) =>
        node.responses.filter((r) => among(feedbackIds)(r.feedbackId)),
      answersTo: (_: unknown, { needIds }: Row, node: NodeData) =>
        node.answers.filter((a) => among(needIds)(a.needId)),
      needs: (_: unknown, { status }: Row, node: NodeData) =>
        node.needs.filter((x) => !status || x.status === status),
      adoptionsOfCommunity: (_: unknown, { community }: Row, node: NodeData) =>
        node.adoptions.filter((a) => ofCommunity(community)(a.artifactId)),
      feedbackOnCommunity: (_: unknown, { community }: Row, node: NodeData) =>
        node.feedback.filter((f) => ofCommunity(community)(f.artifactId)),
      ...extraQuery,
    },
    Artifact: { __resolveReference: ({ id }: Row, node: NodeData) => node.byId.get(id) ?? null },
    Community: {
      __resolveReference: ({ slug }: Row, node: NodeData) => (slug === node.slug ? node.profile : null),
      needs: (_: unknown, { status }: Row, node: NodeData) =>
        node.needs.filter((x) => !status || x.status === status),
    },
    Adoption: {
      __resolveReference: ({ id }: Row, node: NodeData) => node.adoptions.find((a) => a.id === id) ?? null,
    },
    Feedback: {
      __resolveReference: ({ id }: Row, node: NodeData) => node.feedback.find((f) => f.id === id) ?? null,
    },
    FeedbackResponse: {
      __resolveReference: ({ id }: Row, node: NodeData) => node.responses.find((r) => r.id === id) ?? null,
    },
    Need: {
      __resolveReference: ({ id }: Row, node: NodeData) => node.needs.find((x) => x.id === id) ?? null,
    },
  };
  return buildSubgraphSchema([{ typeDefs: parse(readNodeContract()), resolvers: resolvers as never }]);
}

function page(
  node: NodeData,
  first: number,
  after: string | null | undefined,
  filter: Row | null | undefined,
) {
  let list = filter?.communities && !filter.communities.includes(node.slug) ? [] : node.artifacts;
  const totalCount = list.length;
  if (after) {
    const key = decodeArtifactCursor(after);
    if (!key) throw new Error('after is not a cursor');
    list = list.filter((a) => compareArtifactKeys(sortKey(a), key) > 0);
  }
  const edges = list.slice(0, first).map((a) => ({ cursor: node.keys.get(a.id), node: a }));
  return {
    edges,
    pageInfo: {
      hasNextPage: list.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
