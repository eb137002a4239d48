import { checkAdaptation, checkCombination, describeLicence, isAdaptation, parseLicence } from '../licences';

/**
 * The licence table as the product states it (DESIGN.md, "Licence rules for a derivative"),
 * written out by hand: for each source licence, derivatives it allows and some it refuses.
 */
const GPL3 = ['GPL-3.0-only', 'GPL-3.0-or-later', 'GPL-3.0', 'GPL-3.0+'];
const TABLE: Array<{
  sources: string[];
  rule: string;
  attribution: boolean;
  allows: string[];
  refuses: string[];
}> = [
  {
    sources: ['CC0-1.0'],
    rule: 'CC0-1.0: any licence',
    attribution: false,
    allows: ['CC0-1.0', 'MIT', 'CC-BY-NC-ND-4.0', 'LicenseRef-house', 'Unlicense'],
    refuses: [],
  },
  {
    sources: ['MIT'],
    rule: 'MIT: any licence, keeping the MIT notice',
    attribution: true,
    allows: ['MIT', 'CC0-1.0', 'GPL-3.0-only', 'LicenseRef-house'],
    refuses: [],
  },
  {
    sources: ['CC-BY-4.0'],
    rule: 'CC-BY-4.0: any CC BY-family licence or open licence that keeps attribution',
    attribution: true,
    allows: [
      'CC-BY-4.0',
      'CC-BY-SA-4.0',
      'CC-BY-1.0',
      'CC-BY-NC-4.0',
      'Apache-2.0',
      'GPL-3.0-only',
      'ODbL-1.0',
      'MIT',
      'CC-BY-SA-3.0',
    ],
    refuses: ['CC0-1.0', 'Unlicense', '0BSD', 'LicenseRef-house'],
  },
  {
    sources: ['CC-BY-SA-4.0'],
    rule: 'CC-BY-SA-4.0: adaptations must be CC-BY-SA-4.0 (or later) or GPL-3.0 (one way)',
    attribution: true,
    allows: ['CC-BY-SA-4.0', ...GPL3],
    refuses: ['CC-BY-4.0', 'CC-BY-SA-3.0', 'MIT', 'CC0-1.0', 'AGPL-3.0-only', 'GPL-2.0-only'],
  },
  {
    sources: ['CC-BY-NC-4.0'],
    rule: 'CC-BY-NC-4.0: adaptations must be CC-BY-NC-4.0 or CC-BY-NC-SA-4.0',
    attribution: true,
    allows: ['CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0'],
    refuses: ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-ND-4.0', 'MIT'],
  },
  {
    sources: ['CC-BY-NC-SA-4.0'],
    rule: 'CC-BY-NC-SA-4.0: adaptations must be CC-BY-NC-SA-4.0',
    attribution: true,
    allows: ['CC-BY-NC-SA-4.0'],
    refuses: ['CC-BY-NC-4.0', 'CC-BY-SA-4.0', 'GPL-3.0-only'],
  },
  {
    sources: ['CC-BY-ND-4.0', 'CC-BY-NC-ND-4.0'],
    rule: 'No-derivatives licences: adaptations may not be shared',
    attribution: true,
    allows: [],
    refuses: ['CC-BY-ND-4.0', 'CC-BY-NC-ND-4.0', 'CC-BY-4.0', 'CC0-1.0', 'MIT'],
  },
  {
    sources: ['Apache-2.0'],
    rule: 'Apache-2.0: Apache-2.0, GPL-3.0, or a permissive licence keeping the NOTICE',
    attribution: true,
    allows: ['Apache-2.0', ...GPL3, 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC'],
    refuses: ['CC0-1.0', '0BSD', 'GPL-2.0-only', 'LGPL-3.0-only', 'CC-BY-4.0'],
  },
  {
    sources: ['GPL-3.0-only', 'GPL-3.0'],
    rule: 'GPL-3.0-only: adaptations must be GPL-3.0-only',
    attribution: true,
    allows: ['GPL-3.0-only', 'GPL-3.0'],
    refuses: ['GPL-3.0-or-later', 'GPL-3.0+', 'AGPL-3.0-only', 'MIT'],
  },
  {
    sources: ['GPL-3.0-or-later', 'GPL-3.0+'],
    rule: 'GPL-3.0-or-later: adaptations must be GPL-3.0 (only or or-later)',
    attribution: true,
    allows: GPL3,
    refuses: ['AGPL-3.0-or-later', 'GPL-2.0-or-later', 'CC-BY-SA-4.0'],
  },
  {
    sources: ['ODbL-1.0'],
    rule: 'ODbL-1.0: a derived database must be ODbL-1.0',
    attribution: true,
    allows: ['ODbL-1.0'],
    refuses: ['CC-BY-4.0', 'CC0-1.0', 'CC-BY-SA-4.0'],
  },
];

describe('the licence table: which licence an adaptation may carry', () => {
  for (const row of TABLE) {
    for (const source of row.sources) {
      it(`${source} allows ${row.allows.join(', ') || 'nothing'} and refuses ${row.refuses.join(', ') || 'nothing'}`, () => {
        for (const derivative of [...row.allows, ...row.refuses]) {
          const check = checkAdaptation(source, derivative);
          expect({ derivative, ...check }).toEqual({
            derivative,
            allowed: row.allows.includes(derivative),
            sourceLicence: source,
            derivativeLicence: derivative,
            rule: row.rule,
            attributionRequired: row.attribution,
          });
        }
      });
    }
  }

  it('sends a source licence without a row to a person, keeping attribution unless it is a dedication', () => {
    for (const source of ['GPL-2.0-only', 'LicenseRef-house', 'CC-BY-3.0', 'Unlicense', '0BSD']) {
      expect(checkAdaptation(source, 'CC0-1.0')).toEqual({
        allowed: false,
        sourceLicence: source,
        derivativeLicence: 'CC0-1.0',
        rule: `${source}: no rule in the licence table; a person must review this adaptation`,
        attributionRequired: !['Unlicense', '0BSD'].includes(source),
      });
    }
  });

  it('refuses an invalid expression on either side, naming it', () => {
    expect(checkAdaptation('not a licence', 'MIT')).toEqual({
      allowed: false,
      sourceLicence: 'not a licence',
      derivativeLicence: 'MIT',
      rule: 'not a licence is not a valid SPDX expression',
      attributionRequired: true,
    });
    expect(checkAdaptation('CC0-1.0', 'MIT OR')).toMatchObject({
      allowed: false,
      derivativeLicence: 'MIT OR',
      rule: 'MIT OR is not a valid SPDX expression',
    });
  });

  it('reads "or later" (+) as its own licence id on both sides', () => {
    expect(checkAdaptation('GPL-3.0+', 'GPL-3.0-or-later').allowed).toBe(true);
    expect(checkAdaptation('GPL-3.0', 'GPL-3.0-or-later').allowed).toBe(false);
    expect(checkAdaptation('GPL-3.0-only', 'GPL-3.0+').allowed).toBe(false);
    expect(checkAdaptation('GPL-3.0-only', 'GPL-3.0').allowed).toBe(true);
  });
});

describe('compound licence expressions', () => {
  it('let the adapter pick either licence of a source "A OR B"', () => {
    expect(checkAdaptation('MIT OR CC-BY-NC-4.0', 'CC0-1.0')).toEqual({
      allowed: true,
      sourceLicence: 'MIT OR CC-BY-NC-4.0',
      derivativeLicence: 'CC0-1.0',
      rule: 'MIT: any licence, keeping the MIT notice; CC-BY-NC-4.0: adaptations must be CC-BY-NC-4.0 or CC-BY-NC-SA-4.0',
      attributionRequired: true,
    });
    expect(checkAdaptation('CC-BY-NC-4.0 OR MIT', 'CC0-1.0').allowed).toBe(true);
    expect(checkAdaptation('CC-BY-NC-4.0 OR ODbL-1.0', 'CC0-1.0').allowed).toBe(false);
  });

  it('hold a source "A AND B" to both', () => {
    expect(checkAdaptation('MIT AND CC-BY-NC-4.0', 'CC0-1.0').allowed).toBe(false);
    expect(checkAdaptation('CC-BY-NC-4.0 AND MIT', 'CC0-1.0').allowed).toBe(false);
    expect(checkAdaptation('MIT AND CC-BY-NC-4.0', 'CC-BY-NC-4.0').allowed).toBe(true);
  });

  it('must allow every choice and every part of a derivative expression', () => {
    expect(checkAdaptation('CC-BY-SA-4.0', 'CC-BY-SA-4.0 OR MIT').allowed).toBe(false);
    expect(checkAdaptation('CC-BY-SA-4.0', 'MIT OR CC-BY-SA-4.0').allowed).toBe(false);
    expect(checkAdaptation('CC-BY-SA-4.0', 'CC-BY-SA-4.0 AND GPL-3.0-only').allowed).toBe(true);
    expect(checkAdaptation('CC-BY-SA-4.0', '(GPL-3.0-only OR GPL-3.0+) AND CC-BY-SA-4.0').allowed).toBe(true);
  });

  it('name each rule once, and render both expressions canonically', () => {
    const check = checkAdaptation('CC-BY-SA-4.0', 'GPL-3.0-only or GPL-3.0+');
    expect(check).toMatchObject({
      allowed: true,
      derivativeLicence: 'GPL-3.0-only OR GPL-3.0+',
      rule: 'CC-BY-SA-4.0: adaptations must be CC-BY-SA-4.0 (or later) or GPL-3.0 (one way)',
    });
  });

  it('require attribution when any source licence does', () => {
    expect(checkAdaptation('CC0-1.0 OR MIT', 'CC0-1.0').attributionRequired).toBe(true);
    expect(checkAdaptation('MIT OR CC0-1.0', 'CC0-1.0').attributionRequired).toBe(true);
    expect(checkAdaptation('CC0-1.0', 'MIT AND ISC').attributionRequired).toBe(false);
    expect(checkAdaptation('CC0-1.0 AND CC0-1.0', 'MIT').attributionRequired).toBe(false);
  });
});

describe('combining several sources into one derivative', () => {
  const src = (id: string, licence: string) => ({ id, licence });

  it('is allowed when every source allows the licence', () => {
    expect(checkCombination([src('a:1', 'MIT'), src('b:2', 'CC-BY-SA-4.0')], 'CC-BY-SA-4.0')).toEqual({
      allowed: true,
      failures: [],
      incompatibleSources: [],
    });
    expect(checkCombination([], 'MIT')).toEqual({ allowed: true, failures: [], incompatibleSources: [] });
  });

  it('names each source whose licence refuses it, with the rule', () => {
    expect(checkCombination([src('a:1', 'CC-BY-SA-4.0'), src('b:2', 'MIT')], 'MIT')).toEqual({
      allowed: false,
      failures: [
        {
          sourceId: 'a:1',
          sourceLicence: 'CC-BY-SA-4.0',
          rule: 'CC-BY-SA-4.0: adaptations must be CC-BY-SA-4.0 (or later) or GPL-3.0 (one way)',
        },
      ],
      incompatibleSources: [],
    });
  });

  it('names every pair of sources no single licence could satisfy', () => {
    const check = checkCombination(
      [src('a:1', 'CC-BY-SA-4.0'), src('b:2', 'CC-BY-NC-4.0'), src('c:3', 'ODbL-1.0'), src('d:4', 'MIT')],
      'CC-BY-SA-4.0',
    );
    expect(check.allowed).toBe(false);
    expect(check.failures.map((f) => f.sourceId)).toEqual(['b:2', 'c:3']);
    expect(check.incompatibleSources).toEqual([
      ['a:1', 'b:2'],
      ['a:1', 'c:3'],
      ['b:2', 'c:3'],
    ]);
  });

  it('does not pair a source with itself, even one that allows nothing', () => {
    expect(checkCombination([src('a:1', 'CC-BY-ND-4.0')], 'CC-BY-ND-4.0')).toEqual({
      allowed: false,
      failures: [
        {
          sourceId: 'a:1',
          sourceLicence: 'CC-BY-ND-4.0',
          rule: 'No-derivatives licences: adaptations may not be shared',
        },
      ],
      incompatibleSources: [],
    });
  });

  it('finds sources compatible when their allowed licences meet only outside the table', () => {
    // CC-BY-4.0 and MIT meet on any known licence that keeps attribution, e.g. Apache-2.0.
    expect(checkCombination([src('a:1', 'CC-BY-4.0'), src('b:2', 'Apache-2.0')], 'Apache-2.0').allowed).toBe(
      true,
    );
    expect(
      checkCombination([src('a:1', 'CC-BY-NC-SA-4.0'), src('b:2', 'CC-BY-NC-4.0')], 'CC-BY-NC-SA-4.0')
        .allowed,
    ).toBe(true);
  });
});

describe('relations that make an adaptation', () => {
  it('are ADAPTS, EXTENDS, TRANSLATES and REVISES; a reference is not one', () => {
    for (const relation of ['ADAPTS', 'EXTENDS', 'TRANSLATES', 'REVISES'])
      expect([relation, isAdaptation(relation)]).toEqual([relation, true]);
    for (const relation of ['REFERENCES', 'CITES', 'adapts', ''])
      expect([relation, isAdaptation(relation)]).toEqual([relation, false]);
  });
});

describe('parsing a licence a person typed', () => {
  it('returns the canonical SPDX expression', () => {
    expect(parseLicence('  CC-BY-SA-4.0 ')).toEqual({ ok: true, spdx: 'CC-BY-SA-4.0' });
    expect(parseLicence('MIT or Apache-2.0')).toEqual({ ok: true, spdx: 'MIT OR Apache-2.0' });
    expect(parseLicence('(MIT OR Apache-2.0) and CC-BY-4.0')).toEqual({
      ok: true,
      spdx: '(MIT OR Apache-2.0) AND CC-BY-4.0',
    });
    expect(parseLicence('MIT AND (CC0-1.0 OR ISC)')).toEqual({ ok: true, spdx: 'MIT AND (CC0-1.0 OR ISC)' });
    expect(parseLicence('((MIT))')).toEqual({ ok: true, spdx: 'MIT' });
    expect(parseLicence('GPL-3.0+')).toEqual({ ok: true, spdx: 'GPL-3.0+' });
    expect(parseLicence('GPL-2.0-only WITH Classpath-exception-2.0')).toEqual({
      ok: true,
      spdx: 'GPL-2.0-only WITH Classpath-exception-2.0',
    });
    expect(parseLicence('GPL-2.0+ WITH Classpath-exception-2.0 OR MIT')).toEqual({
      ok: true,
      spdx: 'GPL-2.0+ WITH Classpath-exception-2.0 OR MIT',
    });
  });

  it('refuses an empty licence, pointing to an example', () => {
    for (const empty of ['', '   ', null as unknown as string, undefined as unknown as string]) {
      expect(parseLicence(empty)).toEqual({
        ok: false,
        reason: 'the licence is empty; give an SPDX id such as CC-BY-4.0',
      });
    }
  });

  it('takes up to 200 characters', () => {
    const longest = `MIT  ${'OR MIT '.repeat(27)}OR MIT`;
    expect(longest).toHaveLength(200);
    expect(parseLicence(longest).ok).toBe(true);
    expect(parseLicence(`${longest} `).ok).toBe(true);
    expect(parseLicence(`(${longest})`)).toEqual({
      ok: false,
      reason: 'the licence expression is longer than 200 characters',
    });
  });

  it('refuses what is not SPDX, pointing to the list', () => {
    expect(parseLicence(' MIT OR ')).toEqual({
      ok: false,
      reason: '"MIT OR" is not a valid SPDX licence expression (see https://spdx.org/licenses/)',
    });
    expect(parseLicence('cc-by').ok).toBe(false);
  });
});

describe('what a licence allows', () => {
  const facts = (
    allowsDerivatives: boolean,
    shareAlike: boolean,
    commercialUse: boolean,
    attributionRequired: boolean,
  ) => ({
    allowsDerivatives,
    shareAlike,
    commercialUse,
    attributionRequired,
  });

  it('names a single licence from the SPDX list, with its URL', () => {
    expect(describeLicence('CC-BY-SA-4.0')).toEqual({
      spdx: 'CC-BY-SA-4.0',
      name: 'Creative Commons Attribution Share Alike 4.0 International',
      url: 'https://creativecommons.org/licenses/by-sa/4.0/legalcode',
      ...facts(true, true, true, true),
    });
    expect(describeLicence('Apache-2.0+')).toMatchObject({
      spdx: 'Apache-2.0+',
      name: 'Apache License 2.0',
      url: 'https://www.apache.org/licenses/LICENSE-2.0',
    });
    expect(describeLicence('LicenseRef-house')).toMatchObject({
      spdx: 'LicenseRef-house',
      name: 'LicenseRef-house',
      url: null,
    });
  });

  it('reads no-derivatives, share-alike, non-commercial and attribution from the id', () => {
    const cases: Array<[string, ReturnType<typeof facts>]> = [
      ['MIT', facts(true, false, true, true)],
      ['CC-BY-NC-ND-4.0', facts(false, false, false, true)],
      ['CC-BY-NC-SA-4.0', facts(true, true, false, true)],
      ['CC0-1.0', facts(true, false, true, false)],
      ['Unlicense', facts(true, false, true, false)],
      ['0BSD', facts(true, false, true, false)],
      ['GPL-2.0-only', facts(true, true, true, true)],
      ['AGPL-3.0-or-later', facts(true, true, true, true)],
      ['LGPL-2.1-only', facts(true, true, true, true)],
      ['ODbL-1.0', facts(true, true, true, true)],
      ['CNRI-Python-GPL-Compatible', facts(true, false, true, true)],
      ['NCSA', facts(true, false, true, true)],
    ];
    for (const [id, expected] of cases)
      expect([id, describeLicence(id)]).toEqual([id, expect.objectContaining(expected)]);
  });

  it('describes a compound expression conservatively, without a single name', () => {
    expect(describeLicence('MIT or CC0-1.0')).toEqual({
      spdx: 'MIT OR CC0-1.0',
      name: 'MIT OR CC0-1.0',
      url: null,
      ...facts(true, false, true, true),
    });
    expect(describeLicence('CC-BY-ND-4.0 OR MIT')).toMatchObject(facts(false, false, true, true));
    expect(describeLicence('MIT AND CC-BY-NC-4.0')).toMatchObject(facts(true, false, false, true));
    expect(describeLicence('CC-BY-SA-4.0 OR MIT')).toMatchObject(facts(true, true, true, true));
    expect(describeLicence('CC0-1.0 AND Unlicense')).toMatchObject(facts(true, false, true, false));
  });

  it('throws on an expression that is not valid (callers parse first)', () => {
    expect(() => describeLicence('not a licence')).toThrow(
      'Invalid SPDX licence expression: "not a licence"',
    );
  });
});
