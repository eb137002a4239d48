import { compareArtifactKeys, groupBy, parseGlobalId } from '@commons-graph/schema';
import { sortKey, type NodeData } from './synthetic';

/**
 * What each scaling query must answer, computed in the bench process from the same synthetic
 * Commons the stub nodes serve, so a gateway that dropped an edge, a link or a node fails the run
 * instead of scoring better. Only nodes that answer count (a straggler's data is missing, by design).
 *
 * `canonical` is the one normalisation: lists whose order the Commons schema does not promise
 * (an artifact's adoptions and feedback, a lineage's nodes and edges, the report's communities and
 * adoption matrix) are sorted; the page's order is promised (newest first, then by id) and kept.
 */
type Row = Record<string, any>;

export interface Holdings {
  commons: Map<string, NodeData>;
  /** Slugs of the nodes that answer. */
  answering: Set<string>;
}

const byKey = (key: (item: Row) => string) => (a: Row, b: Row) =>
  key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const byId = byKey((item) => item.id);
const slugOf = (id: string) => parseGlobalId(id)?.community ?? '';

function answeringNodes({ commons, answering }: Holdings): NodeData[] {
  return [...commons.values()].filter((node) => answering.has(node.slug));
}

/** `{ artifacts(first) { totalCount edges { node { id title adoptions { id community { slug } } feedback { id kind } } } } }` */
export function expectedLinkedPage(holdings: Holdings, first: number): Row {
  const nodes = answeringNodes(holdings);
  const artifacts = nodes
    .flatMap((n) => n.artifacts)
    .sort((a, b) => compareArtifactKeys(sortKey(a), sortKey(b)));
  const adoptions = groupBy(
    nodes.flatMap((n) => n.adoptions),
    (a) => a.artifactId,
  );
  const feedback = groupBy(
    nodes.flatMap((n) => n.feedback),
    (f) => f.artifactId,
  );
  return {
    artifacts: {
      totalCount: artifacts.length,
      edges: artifacts.slice(0, first).map((a) => ({
        node: {
          id: a.id,
          title: a.title,
          adoptions: (adoptions.get(a.id) ?? []).map((x) => ({ id: x.id, community: { slug: x.community } })),
          feedback: (feedback.get(a.id) ?? []).map((f) => ({ id: f.id, kind: f.kind })),
        },
      })),
    },
  };
}

/**
 * `artifact(id) { id lineage(direction: UP, maxDepth) { depth truncated nodes { id title community { slug } } edges { sourceId derivativeId relation } } }`:
 * breadth first up the derivations each reached artifact's node stores; an artifact on a node that
 * does not answer is reached but neither listed nor followed.
 */
export function expectedLineageUp(holdings: Holdings, rootId: string, maxDepth: number): Row {
  const find = (id: string) =>
    holdings.answering.has(slugOf(id)) ? holdings.commons.get(slugOf(id))?.byId.get(id) : undefined;
  const visited = new Set([rootId]);
  const edges = new Map<string, Row>();
  let up = [rootId];
  let depth = 0;
  let truncated = false;
  while (up.length) {
    if (depth === maxDepth) {
      truncated = true;
      break;
    }
    const next: string[] = [];
    for (const link of up.flatMap((id) => find(id)?.derivedFrom ?? [])) {
      edges.set(link.id, link);
      if (!visited.has(link.sourceId)) {
        visited.add(link.sourceId);
        next.push(link.sourceId);
      }
    }
    depth += 1;
    up = next;
  }
  const nodes = [...visited].map(find).filter((a): a is Row => Boolean(a));
  return {
    artifact: {
      id: rootId,
      lineage: {
        depth,
        truncated,
        nodes: nodes.map((a) => ({ id: a.id, title: a.title, community: { slug: a.community } })),
        edges: [...edges.values()].map((e) => ({
          sourceId: e.sourceId,
          derivativeId: e.artifactId,
          relation: e.relation,
        })),
      },
    },
  };
}

/** The part of `commonsReport` that is what the nodes hold, not a figure computed from it. */
export function reportHoldings(data: Row): Row {
  const report = data.commonsReport;
  return {
    communities: report.communities.map((c: Row) => c.community.slug).sort(),
    unavailableCommunities: [...report.unavailableCommunities].sort(),
    adoptionMatrix: [...report.adoptionMatrix].sort(byKey((c) => `${c.adopter} ${c.origin}`)),
  };
}

/** Every answering community, the others named unavailable, every adoption in the window in the matrix. */
export function expectedReportHoldings(holdings: Holdings, from: string, to: string): Row {
  const inWindow = (iso: string) => iso >= from && iso <= to;
  const cells = new Map<string, Row>();
  for (const adoption of answeringNodes(holdings)
    .flatMap((n) => n.adoptions)
    .filter((a) => inWindow(a.recordedAt))) {
    const cell = { adopter: adoption.community, origin: slugOf(adoption.artifactId), count: 0 };
    const found =
      cells.get(`${cell.adopter} ${cell.origin}`) ??
      cells.set(`${cell.adopter} ${cell.origin}`, cell).get(`${cell.adopter} ${cell.origin}`)!;
    found.count += 1;
  }
  return {
    communities: answeringNodes(holdings)
      .map((n) => n.slug)
      .sort(),
    unavailableCommunities: [...holdings.commons.keys()]
      .filter((slug) => !holdings.answering.has(slug))
      .sort(),
    adoptionMatrix: [...cells.values()].sort(byKey((c) => `${c.adopter} ${c.origin}`)),
  };
}

/** Sorts every list whose order the Commons schema leaves open (see the module comment). */
export function canonical(data: Row): Row {
  if (data.artifacts) {
    return {
      ...data,
      artifacts: {
        ...data.artifacts,
        edges: data.artifacts.edges.map((e: Row) => ({
          ...e,
          node: {
            ...e.node,
            adoptions: [...e.node.adoptions].sort(byId),
            feedback: [...e.node.feedback].sort(byId),
          },
        })),
      },
    };
  }
  if (data.artifact?.lineage) {
    const lineage = data.artifact.lineage;
    return {
      ...data,
      artifact: {
        ...data.artifact,
        lineage: {
          ...lineage,
          nodes: [...lineage.nodes].sort(byId),
          edges: [...lineage.edges].sort(byKey((e) => `${e.derivativeId} ${e.sourceId} ${e.relation}`)),
        },
      },
    };
  }
  return data;
}
