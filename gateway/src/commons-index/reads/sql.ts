import type { ArtifactSelection } from '../../node-client/fields';
import { artifactProjection } from './projection';

/**
 * SQL the index's reads share. Every list is ordered as the gateway orders both paths
 * (canonical-order.ts): by the community the row came from, its time, then its id in code units.
 */

/**
 * The canonical order of a kind's rows by its time field (`alias.` prefixes the table), the time to
 * the millisecond as `Date.parse` reads it: PostgreSQL keeps microseconds, and two links within one
 * millisecond are ordered by their ids on both paths.
 */
export const inCanonicalOrder = (time: string, alias = '') =>
  `${alias}community collate "C", date_trunc('milliseconds', (${alias}doc->>'${time}')::timestamptz), ${alias}id collate "C"`;

/** A list of docs in one jsonb array, in the canonical order by `time`. */
export const docsIn = (table: string, time: string, where: string) =>
  `coalesce((select jsonb_agg(x.doc order by ${inCanonicalOrder(time, 'x.')}) from "${table}" x where ${where}), '[]'::jsonb)`;

/** The derivation links the community of artifact row `a` asserts on it (the feed carries them as events of their own). */
export const DERIVED_FROM = docsIn(
  'derivation',
  'assertedAt',
  'x.artifact_id = a.id and x.community = a.community',
);

/**
 * An artifact from its row `a` as `selection` asks a node for it: the fields it names, and its
 * derivation links if it names them.
 */
export function artifactDocOf(selection: ArtifactSelection): string {
  const { stored, derivedFrom } = artifactProjection(selection);
  return derivedFrom ? `${stored} || jsonb_build_object('derivedFrom', ${DERIVED_FROM})` : stored;
}
