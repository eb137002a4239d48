import parseSpdx = require('spdx-expression-parse');
import licenceList = require('spdx-license-list');

/**
 * The one licence table of the product (DESIGN.md, "Licence rules for a derivative"): which
 * licences an adaptation of a source may carry. It is our product rule, not legal advice, and
 * it is data: node (at publish) and gateway (across nodes) both read it from here.
 */

type SpdxNode = ReturnType<typeof parseSpdx>;

export interface LicenceFacts {
  spdx: string;
  name: string;
  url: string | null;
  allowsDerivatives: boolean;
  shareAlike: boolean;
  commercialUse: boolean;
  attributionRequired: boolean;
}

/** A row: for sources under `sources`, an adaptation may use any licence `allowed` accepts. */
export interface LicenceRule {
  sources: readonly string[];
  /** Explicit ids, or a family: `any`, `cc-by-family`, `keeps-attribution`. */
  allowed: readonly string[];
  attributionRequired: boolean;
  rule: string;
}

const GPL3 = ['GPL-3.0-only', 'GPL-3.0-or-later', 'GPL-3.0', 'GPL-3.0+'];
const PERMISSIVE_WITH_NOTICE = ['MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC'];

export const LICENCE_RULES: readonly LicenceRule[] = [
  { sources: ['CC0-1.0'], allowed: ['any'], attributionRequired: false, rule: 'CC0-1.0: any licence' },
  {
    sources: ['MIT'],
    allowed: ['any'],
    attributionRequired: true,
    rule: 'MIT: any licence, keeping the MIT notice',
  },
  {
    sources: ['CC-BY-4.0'],
    allowed: ['cc-by-family', 'keeps-attribution'],
    attributionRequired: true,
    rule: 'CC-BY-4.0: any CC BY-family licence or open licence that keeps attribution',
  },
  {
    sources: ['CC-BY-SA-4.0'],
    allowed: ['CC-BY-SA-4.0', ...GPL3],
    attributionRequired: true,
    rule: 'CC-BY-SA-4.0: adaptations must be CC-BY-SA-4.0 (or later) or GPL-3.0 (one way)',
  },
  {
    sources: ['CC-BY-NC-4.0'],
    allowed: ['CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0'],
    attributionRequired: true,
    rule: 'CC-BY-NC-4.0: adaptations must be CC-BY-NC-4.0 or CC-BY-NC-SA-4.0',
  },
  {
    sources: ['CC-BY-NC-SA-4.0'],
    allowed: ['CC-BY-NC-SA-4.0'],
    attributionRequired: true,
    rule: 'CC-BY-NC-SA-4.0: adaptations must be CC-BY-NC-SA-4.0',
  },
  {
    sources: ['CC-BY-ND-4.0', 'CC-BY-NC-ND-4.0'],
    allowed: [],
    attributionRequired: true,
    rule: 'No-derivatives licences: adaptations may not be shared',
  },
  {
    sources: ['Apache-2.0'],
    allowed: ['Apache-2.0', ...GPL3, ...PERMISSIVE_WITH_NOTICE],
    attributionRequired: true,
    rule: 'Apache-2.0: Apache-2.0, GPL-3.0, or a permissive licence keeping the NOTICE',
  },
  {
    sources: ['GPL-3.0-only', 'GPL-3.0'],
    allowed: ['GPL-3.0-only', 'GPL-3.0'],
    attributionRequired: true,
    rule: 'GPL-3.0-only: adaptations must be GPL-3.0-only',
  },
  {
    sources: ['GPL-3.0-or-later', 'GPL-3.0+'],
    allowed: GPL3,
    attributionRequired: true,
    rule: 'GPL-3.0-or-later: adaptations must be GPL-3.0 (only or or-later)',
  },
  {
    sources: ['ODbL-1.0'],
    allowed: ['ODbL-1.0'],
    attributionRequired: true,
    rule: 'ODbL-1.0: a derived database must be ODbL-1.0',
  },
];

/** Licences that keep attribution: everything we know except the public-domain dedications. */
const DROPS_ATTRIBUTION = new Set(['CC0-1.0', 'Unlicense', '0BSD']);

export const ADAPTATION_RELATIONS: readonly string[] = ['ADAPTS', 'EXTENDS', 'TRANSLATES', 'REVISES'];
export const isAdaptation = (relation: string) => ADAPTATION_RELATIONS.includes(relation);

export type ParsedLicence = { ok: true; spdx: string } | { ok: false; reason: string };

function render(node: SpdxNode, top = true): string {
  if ('license' in node) {
    const id = `${node.license}${node.plus ? '+' : ''}`;
    return node.exception ? `${id} WITH ${node.exception}` : id;
  }
  const text = `${render(node.left, false)} ${node.conjunction.toUpperCase()} ${render(node.right, false)}`;
  return top ? text : `(${text})`;
}

function tryParse(expression: string): SpdxNode | null {
  try {
    return parseSpdx(expression.trim());
  } catch {
    return null;
  }
}

export function parseLicence(expression: string): ParsedLicence {
  const text = (expression ?? '').trim();
  if (!text) return { ok: false, reason: 'the licence is empty; give an SPDX id such as CC-BY-4.0' };
  if (text.length > 200) return { ok: false, reason: 'the licence expression is longer than 200 characters' };
  const node = tryParse(text);
  if (!node) {
    return {
      ok: false,
      reason: `"${text}" is not a valid SPDX licence expression (see https://spdx.org/licenses/)`,
    };
  }
  return { ok: true, spdx: render(node) };
}

function leaves(node: SpdxNode): string[] {
  return 'license' in node
    ? [`${node.license}${node.plus ? '+' : ''}`]
    : [...leaves(node.left), ...leaves(node.right)];
}

function singleFacts(id: string): Omit<LicenceFacts, 'spdx' | 'name' | 'url'> {
  return {
    allowsDerivatives: !/-ND-/.test(id),
    shareAlike: /-SA-|^GPL|^AGPL|^LGPL|^ODbL/.test(id),
    commercialUse: !/-NC-/.test(id),
    attributionRequired: !DROPS_ATTRIBUTION.has(id),
  };
}

/** What a (valid) expression allows; a compound one is described conservatively. */
export function describeLicence(expression: string): LicenceFacts {
  const node = tryParse(expression);
  if (!node) throw new Error(`Invalid SPDX licence expression: "${expression}"`);
  const spdx = render(node);
  const ids = leaves(node);
  const facts = ids.map(singleFacts);
  const entry = ids.length === 1 ? licenceList[ids[0].replace(/\+$/, '')] : undefined;
  return {
    spdx,
    name: entry?.name ?? spdx,
    url: entry?.url ?? null,
    allowsDerivatives: facts.every((f) => f.allowsDerivatives),
    shareAlike: facts.some((f) => f.shareAlike),
    commercialUse: facts.every((f) => f.commercialUse),
    attributionRequired: facts.some((f) => f.attributionRequired),
  };
}

function ruleFor(sourceId: string): LicenceRule | undefined {
  return LICENCE_RULES.find((rule) => rule.sources.includes(sourceId));
}

function allows(rule: LicenceRule, derivativeId: string): boolean {
  return rule.allowed.some((allowed) => {
    if (allowed === 'any') return true;
    if (allowed === 'cc-by-family') return /^CC-BY(-|$)/.test(derivativeId);
    if (allowed === 'keeps-attribution')
      return (
        !DROPS_ATTRIBUTION.has(derivativeId) && Boolean(licenceList[derivativeId] || ruleFor(derivativeId))
      );
    return allowed === derivativeId;
  });
}

/** May a single source licence id be adapted under a single derivative licence id? */
function checkSingle(
  sourceId: string,
  derivativeId: string,
): { allowed: boolean; rule: string; attributionRequired: boolean } {
  const rule = ruleFor(sourceId);
  if (!rule) {
    return {
      allowed: false,
      rule: `${sourceId}: no rule in the licence table; a person must review this adaptation`,
      attributionRequired: !DROPS_ATTRIBUTION.has(sourceId),
    };
  }
  return {
    allowed: allows(rule, derivativeId),
    rule: rule.rule,
    attributionRequired: rule.attributionRequired,
  };
}

export interface AdaptationCheck {
  allowed: boolean;
  sourceLicence: string;
  derivativeLicence: string;
  rule: string;
  attributionRequired: boolean;
}

/**
 * Compound expressions: a source `A OR B` allows what either allows (the adapter picks), `A AND B`
 * only what both allow. A derivative `X OR Y` must be allowed for each choice offered, and
 * `X AND Y` for each part.
 */
function sourceAllows(
  source: SpdxNode,
  derivativeId: string,
): { allowed: boolean; rules: string[]; attribution: boolean } {
  if ('license' in source) {
    const single = checkSingle(`${source.license}${source.plus ? '+' : ''}`, derivativeId);
    return { allowed: single.allowed, rules: [single.rule], attribution: single.attributionRequired };
  }
  const left = sourceAllows(source.left, derivativeId);
  const right = sourceAllows(source.right, derivativeId);
  const allowed = source.conjunction === 'or' ? left.allowed || right.allowed : left.allowed && right.allowed;
  return {
    allowed,
    rules: [...left.rules, ...right.rules],
    attribution: left.attribution || right.attribution,
  };
}

export function checkAdaptation(sourceLicence: string, derivativeLicence: string): AdaptationCheck {
  const source = tryParse(sourceLicence);
  const derivative = tryParse(derivativeLicence);
  if (!source || !derivative) {
    return {
      allowed: false,
      sourceLicence,
      derivativeLicence,
      rule: `${!source ? sourceLicence : derivativeLicence} is not a valid SPDX expression`,
      attributionRequired: true,
    };
  }
  const results = leaves(derivative).map((id) => sourceAllows(source, id));
  const allowed = results.every((r) => r.allowed);
  const rules = [...new Set(results.flatMap((r) => r.rules))];
  return {
    allowed,
    sourceLicence: render(source),
    derivativeLicence: render(derivative),
    rule: rules.join('; '),
    attributionRequired: results.some((r) => r.attribution),
  };
}

export interface CombinationCheck {
  allowed: boolean;
  failures: Array<{ sourceId: string; sourceLicence: string; rule: string }>;
  incompatibleSources: Array<[string, string]>;
}

/** Candidate licences to test whether two sources' allowed sets intersect. */
const CANDIDATES = [
  ...new Set([...LICENCE_RULES.flatMap((r) => [...r.sources, ...r.allowed]), ...Object.keys(licenceList)]),
].filter((id) => !['any', 'cc-by-family', 'keeps-attribution'].includes(id));

function allowedSet(licence: string): Set<string> {
  return new Set(CANDIDATES.filter((candidate) => checkAdaptation(licence, candidate).allowed));
}

export function checkCombination(
  sources: Array<{ id: string; licence: string }>,
  derivativeLicence: string,
): CombinationCheck {
  const failures = sources
    .map((source) => ({ source, check: checkAdaptation(source.licence, derivativeLicence) }))
    .filter(({ check }) => !check.allowed)
    .map(({ source, check }) => ({ sourceId: source.id, sourceLicence: source.licence, rule: check.rule }));
  const incompatibleSources: Array<[string, string]> = [];
  const sets = sources.map((s) => allowedSet(s.licence));
  for (let i = 0; i < sources.length; i++) {
    for (let j = i + 1; j < sources.length; j++) {
      if (![...sets[i]].some((id) => sets[j].has(id)))
        incompatibleSources.push([sources[i].id, sources[j].id]);
    }
  }
  return {
    allowed: failures.length === 0 && incompatibleSources.length === 0,
    failures,
    incompatibleSources,
  };
}
