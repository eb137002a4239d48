import { formatGlobalId } from '@commons-graph/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { contentOf } from '../content/fields';
import { Artifact, Derivation, LearningCycle } from '../entities';
import type * as E from '../entities';
import { toDerivationLink } from '../public/mappers';
import type { ManagedArtifact } from './types/AdminArtifact';
import type { ManagedLearningCycle } from './types/Practice';
import type { TokenInfo } from './types/Tokens';

/** Shapes rows for the admin API, where drafts are visible to the community's own members. */
export async function presentArtifacts(
  em: EntityManager,
  slug: string,
  rows: Artifact[],
): Promise<ManagedArtifact[]> {
  if (rows.length === 0) return [];
  await em.populate(rows, ['draft', 'latestVersion']);
  const links = await em.find(
    Derivation,
    { artifact: { $in: rows.map((r) => r.id) } },
    { orderBy: { assertedAt: 'asc' } },
  );
  return rows.map((row) => {
    const draft = row.draft?.getEntity()?.content;
    return {
      id: formatGlobalId(slug, row.handle),
      handle: row.handle,
      status: row.status,
      draft: draft ? contentOf(draft) : null,
      version: row.latestVersion?.getEntity()?.number ?? null,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      submittedAt: row.submittedAt ?? null,
      publishedAt: row.firstPublishedAt ?? null,
      retiredAt: row.retiredAt ?? null,
      retirementReason: row.retirementReason ?? null,
      derivedFrom: links
        .filter((l) => l.artifact.id === row.id)
        .map((l) => toDerivationLink(slug, l, row.handle)),
    };
  });
}

export async function presentArtifact(
  em: EntityManager,
  slug: string,
  row: Artifact,
): Promise<ManagedArtifact> {
  return (await presentArtifacts(em, slug, [row]))[0];
}

export async function presentCycle(
  em: EntityManager,
  slug: string,
  row: LearningCycle,
): Promise<ManagedLearningCycle> {
  await em.populate(row, ['harvested']);
  return {
    id: formatGlobalId(slug, row.id),
    cadence: row.cadence,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    becameClear: row.becameClear,
    surprised: row.surprised,
    failed: row.failed,
    isPublic: row.isPublic,
    harvestedArtifactIds: row.harvested.getItems().map((a) => formatGlobalId(slug, a.handle)),
  };
}

export function presentToken(row: E.ApiToken): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt ?? null,
    revokedAt: row.revokedAt ?? null,
  };
}
