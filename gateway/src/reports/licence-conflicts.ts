import { checkAdaptation, isAdaptation } from '@commons-graph/schema';
import type { LicenceConflict } from './inputs';

/** A derivation whose source and derivative are both held, with their licences. */
export interface DerivationLicences {
  derivativeId: string;
  sourceId: string;
  relation: string;
  community: string;
  sourceLicence: string;
  derivativeLicence: string;
}

/** The adaptations among `derivations` whose source's licence does not allow the derivative's. */
export function licenceConflicts(derivations: Iterable<DerivationLicences>): LicenceConflict[] {
  const conflicts: LicenceConflict[] = [];
  for (const d of derivations) {
    if (!isAdaptation(d.relation)) continue;
    const check = checkAdaptation(d.sourceLicence, d.derivativeLicence);
    if (!check.allowed)
      conflicts.push({
        derivativeId: d.derivativeId,
        sourceId: d.sourceId,
        relation: d.relation as LicenceConflict['relation'],
        rule: check.rule,
        community: d.community,
      });
  }
  return conflicts;
}
