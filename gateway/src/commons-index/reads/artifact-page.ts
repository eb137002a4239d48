import { badInput, decodeArtifactCursor, encodeArtifactCursor } from '@commons-graph/schema';
import type { NodeArtifact } from '../../node-client/types';
import type { ArtifactPage } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import { SEARCH_CONFIG } from '../tables';
import type { Participants } from './loaders';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { ARTIFACT_DOC } from './sql';

type Filter = Record<string, unknown> | undefined;

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

/**
 * One page of the Commons from the index, in one statement: the count of every match and the
 * page after the cursor. Without `filter.text` the order is the Commons order; with it, the
 * `search` vector is matched with websearch_to_tsquery (words unstemmed, quotes and `-` honoured)
 * and ranked, highest first, then the Commons order.
 */
export async function indexArtifactPage(
  index: CommonsIndex,
  participants: Participants,
  filter: Filter,
  first: number,
  after: string | null | undefined,
): Promise<ArtifactPage> {
  const params: unknown[] = [participants()];
  const where = ['a.community = any($1)', ...conditionsOf(filter, params)];
  const text = typeof filter?.text === 'string' ? filter.text.trim() : '';
  let rank = 'null::numeric';
  if (text) {
    params.push(text);
    const query = `websearch_to_tsquery('${SEARCH_CONFIG}', $${params.length})`;
    where.push(`a.search @@ ${query}`);
    rank = `round(ts_rank(a.search, ${query})::numeric, 6)`;
  }
  const matching = where.join(' and ');
  let keyset = '';
  if (after) {
    const key = text ? decodeSearchCursor(after) : decodeArtifactCursor(after);
    if (!key) throw invalidCursor();
    params.push(key.publishedAt, key.id);
    const [at, id] = [`$${params.length - 1}`, `$${params.length}`];
    const byKey = `(a.published_at < ${at} or (a.published_at = ${at} and a.id collate "C" > ${id}))`;
    if ('rank' in key) {
      params.push(key.rank);
      const r = `$${params.length}::numeric`;
      keyset = ` and (${rank} < ${r} or (${rank} = ${r} and ${byKey}))`;
    } else keyset = ` and ${byKey}`;
  }
  params.push(first + 1);
  const rows = await index.read<{ total: number; doc: NodeArtifact | null; rank: string | null }>(
    `select t.total, p.doc, p.rank from (select count(*)::int as total from artifact a where ${matching}) t
      left join lateral (select ${ARTIFACT_DOC} as doc, ${rank} as rank, a.published_at, a.id from artifact a
        where ${matching}${keyset}
        order by ${text ? `${rank} desc, ` : ''}a.published_at desc, a.id collate "C" limit $${params.length}) p on true
      order by ${text ? 'p.rank desc, ' : ''}p.published_at desc, p.id collate "C"`,
    params,
  );
  const found = rows.filter((row) => row.doc !== null);
  const ranks = new Map(found.map((row) => [row.doc!.id, row.rank ?? '0']));
  const keyOf = (a: NodeArtifact) => ({ publishedAt: new Date(a.publishedAt), id: a.id });
  return {
    artifacts: found.slice(0, first).map((row) => row.doc!),
    cursorOf: text
      ? (a) => encodeSearchCursor({ rank: ranks.get(a.id) ?? '0', ...keyOf(a) })
      : (a) => encodeArtifactCursor(keyOf(a)),
    hasNextPage: found.length > first,
    totalCount: rows[0].total,
  };
}
