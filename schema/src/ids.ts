/**
 * Global ids name their home community: `<community-slug>:<local-id>`. This is the one codec that
 * node and gateway share, so a lookup can be routed to (and only to) the node that owns the id.
 */
import { badInput } from './errors';

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

declare const readByTheCodec: unique symbol;

/**
 * A global id read once, where it entered a request (a client's argument, an id in a node's
 * answer): its text and its parts, so nothing further in takes it apart again. Only `readGlobalId`
 * makes one.
 */
export type ParsedGlobalId = Readonly<GlobalId> & { readonly id: string; readonly [readByTheCodec]: true };

/** Reads a global id into its parsed value; null for anything malformed (as `parseGlobalId`). */
export function readGlobalId(id: unknown): ParsedGlobalId | null {
  const parsed = parseGlobalId(id as string);
  return parsed && ({ id, community: parsed.community, localId: parsed.localId } as ParsedGlobalId);
}

/**
 * What an id sent to the node of `community` names: one of its own (by local id), another
 * community's, or nothing at all. Every node reads client ids through this, once, where they enter.
 */
export type OwnIdReading = { localId: string } | { foreign: string } | { malformed: true };

/**
 * Reads an id sent to the node of `community`. With `bare`, text without a colon is taken as a local
 * id as it stands (admin arguments accept bare handles; the lookup then finds it or not).
 */
export function readOwnId(id: unknown, community: string, { bare = false } = {}): OwnIdReading {
  if (typeof id !== 'string') return { malformed: true };
  if (bare && !id.includes(':')) return { localId: id };
  const parsed = parseGlobalId(id);
  if (!parsed) return { malformed: true };
  return parsed.community === community ? { localId: parsed.localId } : { foreign: parsed.community };
}

/** The local part of a global id of `community`; null when the id is malformed or another community's. */
export function localIdOf(id: unknown, community: string): string | null {
  const reading = readOwnId(id, community);
  return 'localId' in reading ? reading.localId : null;
}

/** The standard BAD_USER_INPUT for text that is not a global id, optionally naming the argument. */
export function notAGlobalId(id: unknown, extensions?: Record<string, unknown>, argument?: string) {
  const named = argument ? `${argument} ` : '';
  return badInput(
    `${named}"${String(id)}" is not a global id of the form <community-slug>:<local-id>`,
    extensions,
  );
}

/** A client's id argument, read where it enters: its parsed value, or the standard BAD_USER_INPUT. */
export function requireGlobalId(id: unknown, extensions?: Record<string, unknown>): ParsedGlobalId {
  const parsed = readGlobalId(id);
  if (!parsed) throw notAGlobalId(id, extensions);
  return parsed;
}

/**
 * For lookups by id: the local part of an id of `community`, null for another community's id (which
 * this node simply does not hold), a BAD_USER_INPUT for anything that is not a global id.
 */
export function lookupLocalIdOf(
  id: unknown,
  community: string,
  extensions?: Record<string, unknown>,
): string | null {
  const reading = readOwnId(id, community);
  if ('malformed' in reading) throw notAGlobalId(id, extensions);
  return 'localId' in reading ? reading.localId : null;
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
