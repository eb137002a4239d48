import { parseGlobalId } from './ids';

/**
 * Artifacts are ordered the same way on every node and in the gateway: newest first publication,
 * then global id. A cursor is that sort key, opaque to clients, so the gateway can hand one cursor
 * to every node and each resumes exactly after it: no duplicates, no gaps.
 */
export interface ArtifactSortKey {
  publishedAt: Date;
  id: string;
}

export function encodeArtifactCursor(key: ArtifactSortKey): string {
  // Stryker disable next-line StringLiteral: an empty encoding is UTF-8 too
  return Buffer.from(JSON.stringify([key.publishedAt.toISOString(), key.id]), 'utf8').toString('base64url');
}

/** Returns null for anything that is not a cursor we issued (a key naming no possible artifact included). */
export function decodeArtifactCursor(cursor: string): ArtifactSortKey | null {
  // Stryker disable next-line ConditionalExpression: an empty cursor is not JSON either; this only skips the parse
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 600) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [iso, id] = value;
    // The id must be a global id: anything else (a NUL byte, say) would reach every node's SQL.
    if (typeof iso !== 'string' || typeof id !== 'string' || !parseGlobalId(id)) return null;
    const publishedAt = new Date(iso);
    if (Number.isNaN(publishedAt.getTime())) return null;
    return { publishedAt, id };
  } catch {
    return null;
  }
}

/** The shared order: newest first, then ascending global id (plain code-unit comparison). */
export function compareArtifactKeys(a: ArtifactSortKey, b: ArtifactSortKey): number {
  const byTime = b.publishedAt.getTime() - a.publishedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
