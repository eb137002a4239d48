import { checkAdaptation, isAdaptation } from '@commons-graph/schema';
import { memo } from './calendar';
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

/**
 * The check of one pair of licences, parsed once: a report checks every adaptation of the Commons,
 * tens of thousands, over a handful of licences.
 */
const checkPair = memo((pair) => {
  const [source, derivative] = pair.split('\u0000');
  return checkAdaptation(source, derivative);
});

/** The adaptations among `derivations` whose source's licence does not allow the derivative's. */
export function licenceConflicts(derivations: Iterable<DerivationLicences>): LicenceConflict[] {
  const conflicts: LicenceConflict[] = [];
  for (const d of derivations) {
    if (!isAdaptation(d.relation)) continue;
    const check = checkPair(`${d.sourceLicence}\u0000${d.derivativeLicence}`);
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
