import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { ArtifactSelection } from '../../node-client/fields';
import type { LinkedArtifact, NodeDerivation } from '../../node-client/types';
import type { LineageAnswer, LineageDirection } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { projectionOf } from './projection';
import { difference, FOLLOWED_VERSION, type Followed } from './followed';
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
 * Which communities count comes in $3 one of two ways (`Scope`): the participants themselves, or,
 * as the page does (followed.ts), the followed communities that do not participate, usually none,
 * so that the statement need not carry the Commons' whole list of nodes.
 *
 * $1 root id, $2 maxDepth, $3 participants or those left out, $4 the walks (true: up), $5 the artifact cap.
 */
type Scope = 'participants' | 'leftOut';

const lineageSql = (doc: string, scope: Scope) => {
  const counts = (community: string) =>
    scope === 'participants'
      ? `${community} in (select slug from participant)`
      : `not (${community} = any($3::text[]))`;
  const participant =
    scope === 'participants' ? 'participant as materialized (select unnest($3::text[]) as slug),' : '';
  return `
with recursive ${participant}
walk(up, level, frontier, seen) as (
    select w.up, 0, array[$1::text], array[$1::text] from unnest($4::boolean[]) w(up)
  union all
    select w.up, w.level + 1, n.next, w.seen || n.next
    from walk w cross join lateral (
      select coalesce(array_agg(distinct e.far), '{}'::text[]) as next from (
        select l.source_id as far, l.community from derivation l where w.up and l.artifact_id = any(w.frontier)
        union all
        select l.artifact_id, l.community from derivation l where not w.up and l.source_id = any(w.frontier)
      ) e where not e.far = any(w.seen) and ${counts('e.community')}
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
    from kept k join artifact a on a.id = k.id where ${counts('a.community')}) as nodes,
  (select coalesce(json_agg(l.doc order by l.id collate "C"), '[]')
    from derivation l where l.id in (select w.id from walked w where ${counts('w.community')})) as edges,
  (select coalesce(max(r.level), 0)::int from reached r
    where r.level <= (select level from cut) and r.id in (select id from kept)) as depth,
  ((select level from cut) <= $2
    or exists (select 1 from walk where level = $2 + 1 and cardinality(frontier) > 0)) as truncated,
  ${FOLLOWED_VERSION} as version`;
};

const WHOLE_DOC = {
  participants: lineageSql('a.doc', 'participants'),
  leftOut: lineageSql('a.doc', 'leftOut'),
};
const bySelection = new WeakMap<ArtifactSelection, Record<Scope, string>>();

/** The statement returning the fields `selection` names of each artifact (its links come apart). */
function statementFor(selection: ArtifactSelection | undefined, scope: Scope): string {
  if (!selection?.fields) return WHOLE_DOC[scope];
  let statements = bySelection.get(selection);
  if (!statements) {
    const set = (parse(`{ ${selection.fields} }`).definitions[0] as OperationDefinitionNode).selectionSet;
    const fields = set.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === 'derivedFrom'));
    const doc = projectionOf({ ...set, selections: fields }, 'a.doc');
    statements = { participants: lineageSql(doc, 'participants'), leftOut: lineageSql(doc, 'leftOut') };
    bySelection.set(selection, statements);
  }
  return statements[scope];
}

interface LineageRow {
  nodes: Array<[LinkedArtifact, NodeDerivation[]]>;
  edges: NodeDerivation[];
  depth: number;
  truncated: boolean;
  version: string;
}

export async function indexLineage(
  index: CommonsIndex,
  followed: Followed,
  participants: Participants,
  root: LinkedArtifact,
  direction: LineageDirection,
  maxDepth: number,
  maxNodes: number,
  selection?: ArtifactSelection,
): Promise<LineageAnswer> {
  const walks = direction === 'BOTH' ? [true, false] : [direction === 'UP'];
  const read = (scope: Scope, communities: string[]) =>
    index
      .read<LineageRow>(statementFor(selection, scope), [root.id, maxDepth, communities, walks, maxNodes])
      .then((rows) => rows[0]);
  const known = await followed.current();
  let row = await read('leftOut', difference(known, participants()).leftOut);
  // The followed set changed meanwhile: this once, the participants themselves.
  if (!followed.confirms(known, row.version)) row = await read('participants', participants());
  return {
    rootId: root.id,
    nodes: row.nodes.map(([doc, derivedFrom]) => ({ ...doc, derivedFrom })),
    edges: row.edges.map((edge) => ({ ...edge, derivativeId: edge.artifactId })),
    depth: row.depth,
    truncated: row.truncated,
  };
}
