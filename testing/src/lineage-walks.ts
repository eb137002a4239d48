import {
  Followed,
  ArtifactLoader,
  CommonsIndex,
  indexLineage,
  lineage,
  type Loaders,
  type NodeArtifact,
} from '@commons-graph/gateway';
import type { LineageDirection, ReferenceGraph } from './lineage-reference';

/**
 * The two lineage walks over one random graph, for property tests: the live walk (the gateway's
 * breadth-first resolver over in-memory loaders, as nodes would answer) and the index's recursive
 * statement over the graph written into the index's tables.
 */
export type LineageResult = Awaited<ReturnType<typeof lineage>>;

/** What two walks must agree on, in their order. */
export const lineageShape = (answer: LineageResult) => ({
  nodes: answer.nodes.map((n) => n.id),
  edges: answer.edges.map((e) => [e.id, e.sourceId, e.derivativeId]),
  depth: answer.depth,
  truncated: answer.truncated,
});

/** The live walk, its loaders answering from the graph: artifacts with their derivedFrom, derivatives by source. */
export async function liveLineageOver(
  { ids, links }: ReferenceGraph,
  rootId: string,
  direction: LineageDirection,
  maxDepth: number,
  cap?: number,
): Promise<LineageResult> {
  const artifact = (id: string) =>
    ({
      id,
      community: id.split(':')[0],
      derivedFrom: links.filter((l) => l.artifactId === id),
    }) as unknown as NodeArtifact;
  const artifacts = new ArtifactLoader(async (keys) =>
    keys.map(({ id }) => (ids.includes(id) ? artifact(id) : null)),
  );
  const derivativesOf = {
    loadMany: async (keys: readonly string[]) => keys.map((id) => links.filter((l) => l.sourceId === id)),
  };
  const ctx = { loaders: { artifacts: () => artifacts, derivativesOf } as unknown as Loaders };
  // From the id alone, as the gateway walks an artifact asked for with its lineage.
  return lineage(ctx as never, {} as never, { id: rootId }, direction, maxDepth, cap);
}

/** Replaces what the index holds with the graph, as a sync of its communities' nodes would leave it. */
export async function writeLineageGraph(index: CommonsIndex, { ids, links }: ReferenceGraph): Promise<void> {
  await index.read('truncate artifact, derivation');
  await index.read(
    `insert into artifact (id, community, seq, doc, status, kind, licence, tags, published_at, updated_at, search)
      select a.id, split_part(a.id, ':', 1), 1, jsonb_build_object('id', a.id, 'licence', jsonb_build_object('spdx', 'CC0-1.0')),
        'PUBLISHED', 'PATTERN', 'CC0-1.0', '{}', now(), now(), ''::tsvector from unnest($1::text[]) a(id)`,
    [ids],
  );
  await index.read(
    `insert into derivation (id, community, seq, doc, artifact_id, source_id, relation)
      select l->>'id', l->>'assertedBy', 1, l, l->>'artifactId', l->>'sourceId', l->>'relation'
      from jsonb_array_elements($1::jsonb) l`,
    [JSON.stringify(links)],
  );
}

/**
 * The index's statement over what `writeLineageGraph` wrote, every community participating: as
 * served (leaving out the followed communities that do not participate: none here), or, `named`,
 * in the form it falls back to when the followed set changed (naming every participant).
 */
export function indexLineageOver(
  index: CommonsIndex,
  communities: string[],
  rootId: string,
  direction: LineageDirection,
  maxDepth: number,
  cap = 500,
  named = false,
): Promise<LineageResult> {
  const followed = named ? neverConfirmed : new Followed(index);
  // Without a selection the index sends whole links, as the live walk has them.
  return indexLineage(
    index,
    followed,
    () => communities,
    { id: rootId } as never,
    direction,
    maxDepth,
    cap,
  ) as Promise<LineageResult>;
}

/** A followed set that is always found changed, so the statement names the participants. */
const neverConfirmed = {
  current: () => Promise.resolve({ version: 'never', slugs: new Set<string>() }),
  confirms: () => false,
} as unknown as Followed;
