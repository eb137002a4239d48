import fc from 'fast-check';
import { CommonsIndex, indexLineage } from '@commons-graph/gateway';
import {
  createTestDatabase,
  lineageGraphs,
  referenceLineage,
  type LineageDirection,
  type ReferenceGraph,
  type TestDatabase,
} from '@commons-graph/testing';

const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? 20260614);
const options = { seed: SEED, numRuns: RUNS };
const COMMUNITIES = ['c0', 'c1', 'c2'];

describe('lineage as one recursive SQL statement over the index, on any derivation graph', () => {
  let database: TestDatabase;
  let index: CommonsIndex;

  beforeAll(async () => {
    database = await createTestDatabase('lineage-sql');
    index = await CommonsIndex.open({ databaseUrl: database.url, dataDir: 'unused' });
  });
  afterAll(async () => {
    await index?.close();
    await database?.drop();
  });

  /** Writes the graph into the index's tables, as a sync of three nodes would leave them. */
  async function write({ ids, links }: ReferenceGraph) {
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

  const walk = async (rootId: string, direction: LineageDirection, maxDepth: number, cap = 500) => {
    const result = await indexLineage(
      index,
      () => COMMUNITIES,
      { id: rootId } as never,
      direction,
      maxDepth,
      cap,
    );
    return {
      ...result,
      nodeIds: new Set(result.nodes.map((n) => n.id)),
      edgeIds: new Set(result.edges.map((e) => e.id)),
    };
  };

  it('finds exactly what a plain breadth-first walk finds, with its depth and whether maxDepth cut it short', async () => {
    await fc.assert(
      fc.asyncProperty(
        lineageGraphs,
        fc.integer({ min: 1, max: 10 }),
        async ({ graph, rootId }, maxDepth) => {
          await write(graph);
          for (const direction of ['UP', 'DOWN', 'BOTH'] as const) {
            const result = await walk(rootId, direction, maxDepth);
            expect({
              nodes: result.nodeIds,
              edges: result.edgeIds,
              depth: result.depth,
              truncated: result.truncated,
            }).toEqual(referenceLineage(graph, rootId, direction, maxDepth));
            // The canonical order: the root first, then by fewest steps and id; edges by id.
            expect(result.nodes[0].id).toBe(rootId);
            expect(result.edges.map((e) => e.id)).toEqual([...result.edgeIds].sort());
            for (const edge of result.edges) expect(edge.derivativeId).toBe(edge.artifactId);
          }
        },
      ),
      options,
    );
  });

  it('keeps the nearest artifacts at the cap, connected to the root, and says it was truncated', async () => {
    await fc.assert(
      fc.asyncProperty(
        lineageGraphs,
        fc.constantFrom<LineageDirection>('UP', 'DOWN', 'BOTH'),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 8 }),
        async ({ graph, rootId }, direction, maxDepth, cap) => {
          await write(graph);
          const result = await walk(rootId, direction, maxDepth, cap);
          const expected = referenceLineage(graph, rootId, direction, maxDepth);
          if (expected.nodes.size <= cap) {
            expect(result.nodeIds).toEqual(expected.nodes);
            return;
          }
          expect(result.truncated).toBe(true);
          expect(result.nodeIds.size).toBe(cap);
          for (const id of result.nodeIds) expect(expected.nodes).toContain(id);
          const reached = new Set([rootId]);
          for (let grew = true; grew;) {
            grew = false;
            for (const e of result.edges) {
              expect(result.nodeIds).toContain(e.sourceId);
              expect(result.nodeIds).toContain(e.artifactId);
              for (const [from, to] of [
                [e.artifactId, e.sourceId],
                [e.sourceId, e.artifactId],
              ])
                if (reached.has(from) && !reached.has(to)) grew = Boolean(reached.add(to));
            }
          }
          expect(reached).toEqual(result.nodeIds);
        },
      ),
      { ...options, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
