import { parseGlobalId } from '@commons-graph/schema';

/**
 * A text search is ordered by rank first (highest first), then the Commons order (newest first
 * publication, then id), so its cursor carries the rank beside the usual key. Ranks are rounded
 * to six decimals in SQL and carried as text, so the next page compares exactly what was sent.
 */
export interface SearchKey {
  rank: string;
  publishedAt: Date;
  id: string;
}

export function encodeSearchCursor(key: SearchKey): string {
  return Buffer.from(
    JSON.stringify(['search', key.rank, key.publishedAt.toISOString(), key.id]),
    'utf8',
  ).toString('base64url');
}

/** Null for anything that is not a search cursor this gateway issued. */
export function decodeSearchCursor(cursor: string): SearchKey | null {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 700) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 4 || value[0] !== 'search') return null;
    const [, rank, iso, id] = value as unknown[];
    if (typeof rank !== 'string' || !/^\d{1,6}(\.\d{1,6})?$/.test(rank)) return null;
    if (typeof iso !== 'string' || typeof id !== 'string' || !parseGlobalId(id)) return null;
    const publishedAt = new Date(iso);
    return Number.isNaN(publishedAt.getTime()) ? null : { rank, publishedAt, id };
  } catch {
    return null;
  }
}
