/** Licences and checks in words, for people who do not read SPDX. */
export interface LicenceFacts {
  spdx: string;
  name: string;
  allowsDerivatives: boolean;
  shareAlike: boolean;
  commercialUse: boolean;
  attributionRequired: boolean;
}

export function licenceAllows(licence: LicenceFacts): string[] {
  return [
    licence.allowsDerivatives ? 'You may adapt it and build on it.' : 'You may share it, but not adapt it.',
    ...(licence.allowsDerivatives && licence.shareAlike ? ['Adaptations must carry the same licence.'] : []),
    licence.commercialUse ? 'Commercial use is allowed.' : 'Only non-commercial use is allowed.',
    licence.attributionRequired ? 'Credit the authors and the community.' : 'No credit is required.',
  ];
}

export interface CheckFacts {
  sourceId: string;
  derivativeId: string;
  relation: string;
  sourceLicence?: string | null;
  derivativeLicence?: string;
  allowed: boolean | null;
  rule: string;
}

export const DERIVATIVE_RELATIONS = new Set(['ADAPTS', 'EXTENDS', 'TRANSLATES', 'REVISES']);

export function checkState(allowed: boolean | null | undefined, relation: string): string {
  if (!DERIVATIVE_RELATIONS.has(relation)) return 'citation, no licence check';
  if (allowed === true) return 'licence allows';
  if (allowed === false) return 'licence conflict';
  return 'licence unknown';
}

export function checkInWords(check: CheckFacts): string {
  const verdict =
    check.allowed === true
      ? 'allowed'
      : check.allowed === false
        ? 'not allowed'
        : 'unknown (the source could not be read)';
  return `${check.relation.toLowerCase()} ${check.sourceId} (${check.sourceLicence ?? 'licence unknown'}) as ${check.derivativeLicence ?? 'this licence'}: ${verdict}. ${check.rule}`;
}
