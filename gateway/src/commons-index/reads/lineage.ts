import type { ArtifactSelection } from '../../node-client/fields';
import type { LinkedArtifact, NodeDerivation } from '../../node-client/types';
import type { LineageAnswer, LineageDirection, LineageEdge, LineageRoot } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { artifactProjection } from './projection';
import { difference, FOLLOWED_VERSION, type Followed } from './followed';
import { lineageEdgeFields, walksLinksOnly } from '../../resolvers/artifact-selection';
import { readOften } from './prepared';
import { DERIVED_FROM } from './sql';

/**
 * The lineage in one recursive statement: each direction walks breadth-first one level per
 * recursion, carrying the artifacts it has seen (the cycle check) and the links it followed from
 * the level before (ids, far ends and edges, so no link is read twice), and stopping one level
 * past maxDepth (whether that level is empty says `truncated`). The cap rule is the live walk's
 * (resolvers/lineage.ts): at the level where the lineage first holds more than the cap (`cut`),
 * it keeps every nearer artifact and that level's first ids up to the cap, with the links walked
 * to them; a walk that alone has seen more than the cap has passed that level and stops.
 *
 * A link counts as its artifact's community asserts it (a feed page with any other is refused at
 * ingest). Up, the walk goes on only from artifacts the index holds for a community that counts,
 * as the live walk reads `derivedFrom` of the artifacts nodes serve: one it lacks (a draft, a typo,
 * a community that stays out) is reached, shown dangling, and leads nowhere, whatever links name
 * it. Down, the live walk asks every node for derivatives of any id reached, held or not; so does
 * this one.
 *
 * The root is the first artifact when the index holds it for a community that counts, so the
 * artifact a request asks for comes with its lineage (resolvers/lineage-first.ts).
 *
 * The participants come in once, as a set the joins hash: a 1,000-slug array compared in five
 * places cost more planning (its selectivity is estimated per element) than the walk itself.
 * Artifacts come back as [doc, derivedFrom] in a `json` array, which PostgreSQL concatenates as
 * text (merging the links into each doc as jsonb and aggregating jsonb rebuilt every doc twice),
 * each doc with only the fields the operation selects, as a node answers the live walk: bodies and
 * versions were most of the bytes. The links only when the operation shows them: the live walk
 * needs them to walk, this one does not, and reading them was a fifth of the statement. Edges
 * likewise, each link with only the fields the operation selects, built as it is walked: whole
 * link docs made most of an answer's rows, and reading the links kept again at the end cost more
 * than carrying their few fields.
 *
 * Which communities count comes in $3 one of two ways (`Scope`): the participants themselves, or,
 * as the page does (followed.ts), the followed communities that do not participate, usually none,
 * so that the statement need not carry the Commons' whole list of nodes.
 *
 * $1 root id, $2 maxDepth, $3 participants or those left out, $4 the artifact cap; the walks (true:
 * up) are written in (see `statementFor`).
 */
type Scope = 'participants' | 'leftOut';

const WALKS: Record<LineageDirection, string> = { UP: '(true)', DOWN: '(false)', BOTH: '(true), (false)' };

const lineageSql = ({ doc, links, edge }: Shape, scope: Scope, direction: LineageDirection) => {
  const counts = (community: string) =>
    scope === 'participants'
      ? `${community} in (select slug from participant)`
      : `not (${community} = any($3::text[]))`;
  const participant =
    scope === 'participants' ? 'participant as materialized (select unnest($3::text[]) as slug),' : '';
  return `
with recursive ${participant}
walk(up, level, frontier, seen, link_ids, link_fars, link_edges) as (
    select w.up, 0, array[$1::text], array[$1::text], '{}'::text[], '{}'::text[], '{}'::json[]
      from (values ${WALKS[direction]}) w(up)
  union all
    select w.up, w.level + 1, n.next, w.seen || n.next, n.ids, n.fars, n.edges
    from walk w cross join lateral (
      select coalesce(array_agg(distinct e.far) filter (where not e.far = any(w.seen)), '{}') as next,
        array_agg(e.id) as ids, array_agg(e.far) as fars, array_agg(e.edge) as edges
      from (
        select l.id, l.source_id as far, ${edge ?? 'null::json'} as edge
          from artifact h join derivation l on l.artifact_id = h.id and l.community = h.community
          where w.up and h.id = any(w.frontier) and ${counts('h.community')}
        union all
        select l.id, l.artifact_id, ${edge ?? 'null::json'} from derivation l
          where not w.up and l.source_id = any(w.frontier) and ${counts('l.community')}
            and split_part(l.artifact_id, ':', 1) = l.community
      ) e
    ) n
    where cardinality(w.frontier) > 0 and w.level <= $2 and cardinality(w.seen) <= $4
),
reached as (select w.up, w.level, unnest(w.frontier) as id from walk w where w.level <= $2),
steps as (select id, min(level) as steps from reached group by id),
cut as (
  select coalesce(min(t.steps), $2 + 1) as level
  from (select steps, sum(count(*)) over (order by steps) as total from steps group by steps) t
  where t.total > $4
),
kept as (
  select s.id, s.steps from steps s where s.steps <= (select level from cut)
  order by s.steps, s.id collate "C" limit $4
),
walked as (
  select distinct on (x.id collate "C") x.id, x.edge
  from walk w cross join lateral unnest(w.link_ids, w.link_fars, w.link_edges) x(id, far, edge)
  where w.level <= least((select level from cut), $2) and x.far in (select id from kept)
)
select
  (select coalesce(json_agg(json_build_array(${doc}${links ? `, ${DERIVED_FROM}` : ''}) order by k.steps, a.id collate "C"), '[]')
    from kept k join artifact a on a.id = k.id where ${counts('a.community')}) as nodes,
  ${edge === null ? `'[]'::json` : `(select coalesce(json_agg(w.edge order by w.id collate "C"), '[]') from walked w)`} as edges,
  (select coalesce(max(r.level), 0)::int from reached r
    where r.level <= (select level from cut) and r.id in (select id from kept)) as depth,
  ((select level from cut) <= $2
    or exists (select 1 from walk where level = $2 + 1 and cardinality(frontier) > 0)) as truncated,
  ${FOLLOWED_VERSION} as version`;
};

/**
 * What each edge shows of its link `l`: the fields `fields` names (the ids and relation from the
 * row's columns, anything else from its doc), or the whole link; null, no edges.
 */
function edgeOf(fields: readonly string[] | null | undefined): string | null {
  if (fields === null) return null;
  if (!fields) return `(l.doc || jsonb_build_object('derivativeId', l.artifact_id))::json`;
  const pairs = fields.map((name) => `'${name}', ${EDGE_COLUMNS[name] ?? `l.doc->'${name}'`}`);
  return `json_build_object(${pairs.join(', ')})`;
}

const EDGE_COLUMNS: Readonly<Record<string, string>> = {
  sourceId: 'l.source_id',
  derivativeId: 'l.artifact_id',
  relation: 'l.relation',
};

/** Each artifact's doc, whether it comes with its links (`derivedFrom`), and each edge. */
interface Shape {
  doc: string;
  links: boolean;
  edge: string | null;
}

/**
 * Each statement's text, kept per selection. The walks are written in rather than a parameter, so
 * the generic plan PostgreSQL makes of a prepared one (`readOften`) is estimated as a custom plan
 * is, and chosen: planned once for any root and depth (planning was a fifth of the statement).
 */
type Statements = Shape & Partial<Record<`${Scope} ${LineageDirection}`, string>>;

const WHOLE_DOC: Statements = { doc: 'a.doc', links: true, edge: edgeOf(undefined) };
const bySelection = new WeakMap<ArtifactSelection, Statements>();

function statementFor(selection: ArtifactSelection | undefined, scope: Scope, direction: LineageDirection) {
  let statements = selection?.fields ? bySelection.get(selection) : WHOLE_DOC;
  if (!statements)
    bySelection.set(
      selection!,
      (statements = {
        doc: artifactProjection(selection!).stored,
        links: !walksLinksOnly(selection!),
        edge: edgeOf(lineageEdgeFields(selection!)),
      }),
    );
  return (statements[`${scope} ${direction}`] ??= lineageSql(statements, scope, direction));
}

interface LineageRow {
  /** Each artifact, with its links unless the operation only walks them. */
  nodes: Array<[LinkedArtifact, NodeDerivation[]?]>;
  edges: LineageEdge[];
  depth: number;
  truncated: boolean;
  version: string;
}

export async function indexLineage(
  index: CommonsIndex,
  followed: Followed,
  participants: Participants,
  root: LineageRoot,
  direction: LineageDirection,
  maxDepth: number,
  maxNodes: number,
  selection?: ArtifactSelection,
): Promise<LineageAnswer> {
  const read = async (scope: Scope, communities: readonly string[]) => {
    const text = statementFor(selection, scope, direction);
    const rows = await readOften<LineageRow>(index, text, [root.id, maxDepth, communities, maxNodes]);
    return rows[0];
  };
  const known = await followed.current();
  let row = await read('leftOut', difference(known, participants()).leftOut);
  // The followed set changed meanwhile: this once, the participants themselves.
  if (!followed.confirms(known, row.version)) row = await read('participants', participants());
  return {
    rootId: root.id,
    // Without links, an artifact has no `derivedFrom` at all: nothing in the operation reads it.
    nodes: row.nodes.map(([doc, derivedFrom]) => (derivedFrom ? { ...doc, derivedFrom } : doc)),
    edges: row.edges,
    depth: row.depth,
    truncated: row.truncated,
  };
}
