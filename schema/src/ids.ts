/**
 * Global ids name their home community: `<community-slug>:<local-id>`. This is the one codec that
 * node and gateway share, so a lookup can be routed to (and only to) the node that owns the id.
 */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const LOCAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface GlobalId {
  community: string;
  localId: string;
}

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

export function formatGlobalId(community: string, localId: string): string {
  return `${community}:${localId}`;
}

/** Parses `<slug>:<local-id>`; returns null for anything malformed. */
export function parseGlobalId(id: string): GlobalId | null {
  if (typeof id !== 'string') return null;
  const colon = id.indexOf(':');
  // Stryker disable next-line EqualityOperator: an empty community (colon at 0) fails SLUG_PATTERN anyway
  if (colon <= 0) return null;
  const community = id.slice(0, colon);
  const localId = id.slice(colon + 1);
  if (!SLUG_PATTERN.test(community) || !LOCAL_ID_PATTERN.test(localId)) return null;
  return { community, localId };
}

/** Turns a title into a local id: lower-case words joined by dashes, at most 60 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'untitled';
}
