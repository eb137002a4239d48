import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { ArtifactSelection } from '../../node-client/fields';
import type { LinkedArtifact, NodeDerivation } from '../../node-client/types';
import type { LineageAnswer, LineageDirection } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { projectionOf } from './projection';
import { DERIVED_FROM } from './sql';

/**
 * The lineage in one recursive statement: each direction walks breadth-first one level per
 * recursion, carrying the artifacts it has seen (the cycle check) and stopping one level past
 * maxDepth (whether that level is empty says `truncated`). The cap rule is the live walk's
 * (resolvers/lineage.ts): at the level where the lineage first holds more than the cap (`cut`),
 * it keeps every nearer artifact and that level's first ids up to the cap, with the links walked
 * to them; a walk that alone has seen more than the cap has passed that level and stops.
 *
 * The participants come in once, as a set the joins hash: a 1,000-slug array compared in five
 * places cost more planning (its selectivity is estimated per element) than the walk itself.
 * Artifacts come back as [doc, derivedFrom] in a `json` array, which PostgreSQL concatenates as
 * text (merging the links into each doc as jsonb and aggregating jsonb rebuilt every doc twice),
 * each doc with only the fields the operation selects, as a node answers the live walk: bodies and
 * versions were most of the bytes.
 *
 * $1 root id, $2 maxDepth, $3 participants, $4 the walks (true: up), $5 the artifact cap.
 */
const lineageSql = (doc: string) => `
with recursive participant as materialized (select unnest($3::text[]) as slug),
walk(up, level, frontier, seen) as (
    select w.up, 0, array[$1::text], array[$1::text] from unnest($4::boolean[]) w(up)
  union all
    select w.up, w.level + 1, n.next, w.seen || n.next
    from walk w cross join lateral (
      select coalesce(array_agg(distinct e.far), '{}'::text[]) as next from (
        select l.source_id as far, l.community from derivation l where w.up and l.artifact_id = any(w.frontier)
        union all
        select l.artifact_id, l.community from derivation l where not w.up and l.source_id = any(w.frontier)
      ) e where not e.far = any(w.seen) and e.community in (select slug from participant)
    ) n
    where cardinality(w.frontier) > 0 and w.level <= $2 and cardinality(w.seen) <= $5
),
reached as (select w.up, w.level, unnest(w.frontier) as id from walk w where w.level <= $2),
steps as (select id, min(level) as steps from reached group by id),
cut as (
  select coalesce(min(t.steps), $2 + 1) as level
  from (select steps, sum(count(*)) over (order by steps) as total from steps group by steps) t
  where t.total > $5
),
kept as (
  select s.id, s.steps from steps s where s.steps <= (select level from cut)
  order by s.steps, s.id collate "C" limit $5
),
walked as (
    select l.id, l.community from reached r join derivation l on l.artifact_id = r.id
      where r.up and r.level < least((select level from cut), $2) and l.source_id in (select id from kept)
  union
    select l.id, l.community from reached r join derivation l on l.source_id = r.id
      where not r.up and r.level < least((select level from cut), $2) and l.artifact_id in (select id from kept)
)
select
  (select coalesce(json_agg(json_build_array(${doc}, ${DERIVED_FROM}) order by k.steps, a.id collate "C"), '[]')
    from kept k join artifact a on a.id = k.id where a.community in (select slug from participant)) as nodes,
  (select coalesce(json_agg(l.doc order by l.id collate "C"), '[]')
    from derivation l where l.id in (select w.id from walked w where w.community in (select slug from participant))) as edges,
  (select coalesce(max(r.level), 0)::int from reached r
    where r.level <= (select level from cut) and r.id in (select id from kept)) as depth,
  ((select level from cut) <= $2
    or exists (select 1 from walk where level = $2 + 1 and cardinality(frontier) > 0)) as truncated`;

const WHOLE_DOC = lineageSql('a.doc');
const bySelection = new WeakMap<ArtifactSelection, string>();

/** The statement returning the fields `selection` names of each artifact (its links come apart). */
function statementFor(selection: ArtifactSelection | undefined): string {
  if (!selection?.fields) return WHOLE_DOC;
  let statement = bySelection.get(selection);
  if (!statement) {
    const set = (parse(`{ ${selection.fields} }`).definitions[0] as OperationDefinitionNode).selectionSet;
    const fields = set.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === 'derivedFrom'));
    statement = lineageSql(projectionOf({ ...set, selections: fields }, 'a.doc'));
    bySelection.set(selection, statement);
  }
  return statement;
}

export async function indexLineage(
  index: CommonsIndex,
  participants: Participants,
  root: LinkedArtifact,
  direction: LineageDirection,
  maxDepth: number,
  maxNodes: number,
  selection?: ArtifactSelection,
): Promise<LineageAnswer> {
  const walks = direction === 'BOTH' ? [true, false] : [direction === 'UP'];
  const [row] = await index.read<{
    nodes: Array<[LinkedArtifact, NodeDerivation[]]>;
    edges: NodeDerivation[];
    depth: number;
    truncated: boolean;
  }>(statementFor(selection), [root.id, maxDepth, participants(), walks, maxNodes]);
  return {
    rootId: root.id,
    nodes: row.nodes.map(([doc, derivedFrom]) => ({ ...doc, derivedFrom })),
    edges: row.edges.map((edge) => ({ ...edge, derivativeId: edge.artifactId })),
    depth: row.depth,
    truncated: row.truncated,
  };
}
