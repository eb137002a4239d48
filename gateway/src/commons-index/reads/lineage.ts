import type { LinkedArtifact, NodeDerivation } from '../../node-client/types';
import type { LineageAnswer, LineageDirection } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { ARTIFACT_DOC } from './sql';

/**
 * The lineage in one recursive statement: each direction walks breadth-first one level per
 * recursion, carrying the artifacts it has seen (the cycle check) and stopping one level past
 * maxDepth (whether that level is empty says `truncated`). Over the cap, the nearest artifacts
 * are kept (fewest steps, then id), and the edges between kept artifacts.
 *
 * $1 root id, $2 maxDepth, $3 participants, $4 the walks (true: up), $5 the artifact cap.
 */
const LINEAGE_SQL = `
with recursive walk(up, level, frontier, seen) as (
    select w.up, 0, array[$1::text], array[$1::text] from unnest($4::boolean[]) w(up)
  union all
    select w.up, w.level + 1, n.next, w.seen || n.next
    from walk w cross join lateral (
      select coalesce(array_agg(distinct e.far), '{}'::text[]) as next from (
        select l.source_id as far from derivation l
          where w.up and l.artifact_id = any(w.frontier) and l.community = any($3)
        union all
        select l.artifact_id from derivation l
          where not w.up and l.source_id = any(w.frontier) and l.community = any($3)
      ) e where not e.far = any(w.seen)
    ) n
    where cardinality(w.frontier) > 0 and w.level <= $2
),
reached as (select w.up, w.level, unnest(w.frontier) as id from walk w where w.level <= $2),
steps as (select id, min(level) as steps from reached group by id),
kept as (select id, steps from steps order by steps, id collate "C" limit $5),
walked as (
  select l.id, l.doc from reached r join derivation l on l.artifact_id = r.id and l.source_id in (select id from kept)
    where r.up and r.level < $2 and l.community = any($3) and r.id in (select id from kept)
  union
  select l.id, l.doc from reached r join derivation l on l.source_id = r.id and l.artifact_id in (select id from kept)
    where not r.up and r.level < $2 and l.community = any($3) and r.id in (select id from kept)
)
select
  (select coalesce(jsonb_agg(x.doc order by x.steps, x.id collate "C"), '[]'::jsonb)
    from (select ${ARTIFACT_DOC} as doc, k.steps, a.id from kept k join artifact a on a.id = k.id and a.community = any($3)) x
  ) as nodes,
  (select coalesce(jsonb_agg(e.doc order by e.id collate "C"), '[]'::jsonb)
    from walked e) as edges,
  (select coalesce(max(r.level), 0)::int from reached r where r.id in (select id from kept)) as depth,
  (exists (select 1 from walk where level = $2 + 1 and cardinality(frontier) > 0)
    or (select count(*) from steps) > $5) as truncated`;

export async function indexLineage(
  index: CommonsIndex,
  participants: Participants,
  root: LinkedArtifact,
  direction: LineageDirection,
  maxDepth: number,
  maxNodes: number,
): Promise<LineageAnswer> {
  const walks = direction === 'BOTH' ? [true, false] : [direction === 'UP'];
  const [row] = await index.read<{
    nodes: LinkedArtifact[];
    edges: NodeDerivation[];
    depth: number;
    truncated: boolean;
  }>(LINEAGE_SQL, [root.id, maxDepth, participants(), walks, maxNodes]);
  return {
    rootId: root.id,
    nodes: row.nodes,
    edges: row.edges.map((edge) => ({ ...edge, derivativeId: edge.artifactId })),
    depth: row.depth,
    truncated: row.truncated,
  };
}
