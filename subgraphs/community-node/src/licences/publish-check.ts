import {
  badInput,
  checkCombination,
  ErrorCode,
  formatGlobalId,
  isAdaptation,
  localIdOf,
} from '@commons-graph/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Artifact, Derivation } from '../entities';
import { ArtifactStatus } from '../entities/enums';

/**
 * Refuses a licence that a local source forbids for an adaptation. Sources on other nodes are
 * checked by the gateway, which can see them. Throws a BAD_USER_INPUT naming source and rule.
 */
export async function assertLicenceAllowedBySources(
  em: EntityManager,
  slug: string,
  artifact: Artifact,
  licence: string,
  extra: Array<{ sourceId: string; relation: string }> = [],
): Promise<void> {
  const links = await em.find(Derivation, { artifact: artifact.id });
  const adaptations = [...links, ...extra].filter((link) => isAdaptation(link.relation));
  const localHandles = adaptations
    .map((link) => localIdOf(link.sourceId, slug))
    .filter((handle): handle is string => handle !== null);
  if (localHandles.length === 0) return;

  const sources = await em.find(
    Artifact,
    { handle: { $in: localHandles }, status: { $in: [ArtifactStatus.PUBLISHED, ArtifactStatus.RETIRED] } },
    { populate: ['latestVersion'], strategy: 'joined' },
  );
  const check = checkCombination(
    sources.map((source) => ({
      id: formatGlobalId(slug, source.handle),
      licence: source.latestVersion!.getEntity().content.licence ?? '',
    })),
    licence,
  );
  if (check.allowed) return;
  const reasons = check.failures.map((f) => `${f.sourceId} is ${f.sourceLicence} (${f.rule})`);
  const pairs = check.incompatibleSources.map(([a, b]) => `${a} and ${b} cannot be combined`);
  throw badInput(
    `Licence ${licence} is not allowed for this adaptation: ${[...reasons, ...pairs].join('; ')}`,
    {
      reason: ErrorCode.LICENCE_CONFLICT,
      licence,
      failures: check.failures,
      incompatibleSources: check.incompatibleSources,
    },
  );
}
