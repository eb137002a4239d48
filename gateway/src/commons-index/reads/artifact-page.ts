import { badInput, decodeArtifactCursor, encodeArtifactCursor } from '@commons-graph/schema';
import type { ArtifactSelection } from '../../node-client/fields';
import type { NodeArtifact } from '../../node-client/types';
import type { ArtifactPage } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import { SEARCH_CONFIG } from '../tables';
import { difference, FOLLOWED_VERSION, type Followed } from './followed';
import type { Participants } from './loaders';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { readOften } from './prepared';
import { artifactDocOf } from './sql';

type Filter = Record<string, unknown> | undefined;

/**
 * Which communities a statement keeps, as a condition on a table's `community` (null: all): the
 * participants themselves ($1, a list as long as the Commons, which PostgreSQL weighs element by
 * element when it plans), or the followed communities left out of them (usually none).
 */
type Scope = (alias: string) => string | null;

const keepingOnly =
  (param: string): Scope =>
  (alias) =>
    `${alias}.community = any(${param})`;
const leavingOut =
  (param: string | null): Scope =>
  (alias) =>
    param ? `not (${alias}.community = any(${param}))` : null;

/** The filter's conditions on `artifact a`, with their parameters after `params`. */
function conditionsOf(filter: Filter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (condition: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  const list = (name: string) => filter?.[name] as string[] | undefined;
  if (filter?.status) add((p) => `a.status = ${p}`, filter.status);
  if (list('kinds')?.length) add((p) => `a.kind = any(${p})`, list('kinds'));
  if (list('tags')?.length) add((p) => `a.tags && ${p}::text[]`, list('tags'));
  if (list('licences')?.length) add((p) => `a.licence = any(${p})`, list('licences'));
  // As on a node: a community list, even an empty one, keeps only those communities.
  if (list('communities')) add((p) => `a.community = any(${p})`, list('communities'));
  if (filter?.publishedAfter) add((p) => `a.published_at >= ${p}`, filter.publishedAfter);
  if (filter?.publishedBefore) add((p) => `a.published_at < ${p}`, filter.publishedBefore);
  return where;
}

const invalidCursor = () => badInput('after is not a cursor this API issued', { argument: 'after' });

const allOf = (conditions: Array<string | null>) => conditions.filter(Boolean).join(' and ') || 'true';

/**
 * The count of every match. With no condition but the status it is summed from artifact_count
 * (kept by the index's triggers in the transaction of every write), so no artifact is read
 * whatever the Commons' size; any other filter counts the matching rows.
 */
function countOf(filter: Filter, conditions: string[], scope: Scope, params: unknown[]): string {
  if (conditions.length > (filter?.status ? 1 : 0))
    return `(select count(*)::int from artifact a where ${allOf([scope('a'), ...conditions])})`;
  const status = filter?.status ? `c.status = $${params.push(filter.status)}` : null;
  return `(select coalesce(sum(c.n), 0)::int from artifact_count c where ${allOf([scope('c'), status])})`;
}

/** The page's statement within a scope, its scope's parameter first. */
function pageStatement(
  doc: string,
  filter: Filter,
  first: number,
  after: string | null | undefined,
  scope: Scope,
  params: unknown[],
) {
  const where = conditionsOf(filter, params);
  const text = typeof filter?.text === 'string' ? filter.text.trim() : '';
  let rank = 'null::numeric';
  if (text) {
    params.push(text);
    const query = `websearch_to_tsquery('${SEARCH_CONFIG}', $${params.length})`;
    where.push(`a.search @@ ${query}`);
    rank = `round(ts_rank(a.search, ${query})::numeric, 6)`;
  }
  const keyset: string[] = [];
  if (after) {
    const key = text ? decodeSearchCursor(after) : decodeArtifactCursor(after);
    if (!key) throw invalidCursor();
    params.push(key.publishedAt, key.id);
    const [at, id] = [`$${params.length - 1}`, `$${params.length}`];
    const byKey = `(a.published_at < ${at} or (a.published_at = ${at} and a.id collate "C" > ${id}))`;
    if ('rank' in key) {
      params.push(key.rank);
      const r = `$${params.length}::numeric`;
      keyset.push(`(${rank} < ${r} or (${rank} = ${r} and ${byKey}))`);
    } else {
      // `published_at <=` lets the page's index (published_at desc, id collate "C") start at the cursor.
      keyset.push(`a.published_at <= ${at}`, byKey);
    }
  }
  const total = countOf(filter, where, scope, params);
  params.push(first + 1);
  return {
    searching: Boolean(text),
    filtered: where.length > 0,
    sql: `select ${FOLLOWED_VERSION} as version, t.total, p.doc, p.rank from ${total} t(total)
      left join lateral (select ${doc} as doc, ${rank} as rank, a.published_at, a.id from artifact a
        where ${allOf([scope('a'), ...where, ...keyset])}
        order by ${text ? `${rank} desc, ` : ''}a.published_at desc, a.id collate "C" limit $${params.length}) p on true
      order by ${text ? 'p.rank desc, ' : ''}p.published_at desc, p.id collate "C"`,
  };
}

interface PageRow {
  version: string;
  total: number;
  doc: NodeArtifact | null;
  rank: string | null;
}

/**
 * One page of the Commons from the index, in one statement: the count of every match and the
 * page after the cursor, each artifact with the fields `selection` names (as a node answers a
 * page). Without `filter.text` the order is the Commons order; with it, the `search` vector is
 * matched with websearch_to_tsquery (words unstemmed, quotes and `-` honoured) and ranked,
 * highest first, then the Commons order.
 *
 * The statement leaves out the followed communities that do not participate, as the followed set
 * kept in the gateway says; if that set changed meanwhile, it is read again and the page is read
 * once more, naming the participants themselves.
 */
export async function indexArtifactPage(
  index: CommonsIndex,
  followed: Followed,
  participants: Participants,
  selection: ArtifactSelection,
  filter: Filter,
  first: number,
  after: string | null | undefined,
): Promise<ArtifactPage> {
  const known = await followed.current();
  const out = difference(known, participants()).leftOut;
  const params: unknown[] = out.length ? [out] : [];
  const doc = artifactDocOf(selection);
  const page = pageStatement(doc, filter, first, after, leavingOut(out.length ? '$1' : null), params);
  // A filter's plan depends on its values (a rare kind, a common tag): it is planned each time.
  let rows = page.filtered
    ? await index.read<PageRow>(page.sql, params)
    : await readOften<PageRow>(index, page.sql, params);
  if (!followed.confirms(known, rows[0].version)) {
    const exact: unknown[] = [participants()];
    const statement = pageStatement(doc, filter, first, after, keepingOnly('$1'), exact);
    rows = await index.read<PageRow>(statement.sql, exact);
  }
  const found = rows.filter((row) => row.doc !== null);
  const ranks = new Map(found.map((row) => [row.doc!.id, row.rank ?? '0']));
  const keyOf = (a: NodeArtifact) => ({ publishedAt: new Date(a.publishedAt), id: a.id });
  return {
    artifacts: found.slice(0, first).map((row) => row.doc!),
    cursorOf: page.searching
      ? (a) => encodeSearchCursor({ rank: ranks.get(a.id) ?? '0', ...keyOf(a) })
      : (a) => encodeArtifactCursor(keyOf(a)),
    hasNextPage: found.length > first,
    totalCount: rows[0].total,
  };
}
