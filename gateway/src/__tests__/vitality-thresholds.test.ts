import type { CommunityData } from '../reports/gather';
import {
  addMonths,
  CommonsIndex,
  computeReport,
  computeVitality,
  fewestForHalf,
  monthsOf,
} from '../reports/metrics';

/**
 * Each vitality metric at the edges of its states (DESIGN.md, "Vitality"), one small Commons per
 * story. The window is the twelve months 2025-07 .. 2026-06: four quarters, and "the last six
 * months" start 2025-12-30T23:59:59Z (June 30 minus six months).
 */
const FROM = new Date('2025-07-01T00:00:00Z');
const TO = new Date('2026-06-30T23:59:59Z');
const SIX_MONTHS_BEFORE = '2025-12-30T23:59:59Z';

type Data = CommunityData;
const community = (slug: string, over: Partial<Data> = {}): Data => ({
  slug,
  name: slug,
  artifacts: [],
  adoptionsGiven: [],
  feedbackGiven: [],
  responsesGiven: [],
  derivations: [],
  needs: [],
  needAnswersGiven: [],
  contributionRoles: [],
  ...over,
});
const artifact = (
  id: string,
  publishedAt: string,
  over: Partial<Data['artifacts'][number]> = {},
): Data['artifacts'][number] => ({
  id,
  title: id,
  publishedAt,
  status: 'PUBLISHED' as const,
  licence: { spdx: 'CC-BY-4.0' },
  provenance: { authors: ['Rosa'], aiAssisted: false, reviewer: null },
  ...over,
});
const adoption = (
  id: string,
  artifactId: string,
  recordedAt: string,
  impact: string | null = null,
  by = 'other',
) => ({ id, artifactId, community: by, status: 'ADOPTED' as const, impact, recordedAt });
const feedback = (id: string, artifactId: string, givenAt: string, by = 'other') => ({
  id,
  artifactId,
  community: by,
  kind: 'GAP' as const,
  givenAt,
});
const response = (id: string, feedbackId: string, respondedAt: string) => ({
  id,
  feedbackId,
  artifactId: 'x',
  respondedAt,
});
const role = (
  personName: string,
  hoursPerMonth: number,
  resourcedHoursPerMonth = 0,
  startsOn = '2025-01-01',
  endsOn: string | null = null,
) => ({ personName, role: 'translator', hoursPerMonth, resourcedHoursPerMonth, startsOn, endsOn });
const daysAfter = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** The metrics of the first community, in a Commons of all given. */
function metricsOf(c: Data, ...others: Data[]) {
  const index = new CommonsIndex([c, ...others]);
  return Object.fromEntries(computeVitality(index, c, FROM, TO).metrics.map((m) => [m.key, m]));
}

describe('flow: artifacts published per month', () => {
  it('is alive with one artifact in each of the last three months, counting the window ends', () => {
    const m = metricsOf(
      community('s', {
        artifacts: [
          artifact('s:before', '2025-06-30T23:59:59Z'),
          artifact('s:first', '2025-07-01T00:00:00Z'),
          artifact('s:apr', '2026-04-15T00:00:00Z'),
          artifact('s:may', '2026-05-15T00:00:00Z'),
          artifact('s:last', '2026-06-30T23:59:59Z'),
          artifact('s:after', '2026-07-01T00:00:00Z'),
        ],
      }),
    );
    expect(m.flow).toMatchObject({
      value: 0.33,
      unit: 'artifacts/month',
      state: 'LIFE',
      evidence: ['s:first', 's:apr', 's:may', 's:last'],
    });
    expect(m.flow.detail).toBe(
      '2025-07: 1, 2025-08: 0, 2025-09: 0, 2025-10: 0, 2025-11: 0, 2025-12: 0, 2026-01: 0, 2026-02: 0, 2026-03: 0, 2026-04: 1, 2026-05: 1, 2026-06: 1',
    );
  });

  it('decays when the last two months are empty, and is watched in between', () => {
    expect(
      metricsOf(community('s', { artifacts: [artifact('s:apr', '2026-04-15T00:00:00Z')] })).flow.state,
    ).toBe('DECAY');
    expect(
      metricsOf(community('s', { artifacts: [artifact('s:may', '2026-05-15T00:00:00Z')] })).flow.state,
    ).toBe('WATCH');
    expect(
      metricsOf(
        community('s', {
          artifacts: [artifact('s:jun', '2026-06-15T00:00:00Z'), artifact('s:apr', '2026-04-15T00:00:00Z')],
        }),
      ).flow.state,
    ).toBe('WATCH');
  });

  it('needs three months of window to call a community alive', () => {
    const c = community('s', {
      artifacts: [artifact('s:may', '2026-05-15T00:00:00Z'), artifact('s:jun', '2026-06-15T00:00:00Z')],
    });
    const flow = computeVitality(new CommonsIndex([c]), c, new Date('2026-05-01T00:00:00Z'), TO).metrics[0];
    expect(flow).toMatchObject({ key: 'flow', value: 1, state: 'WATCH' });
  });
});

describe('unused share: artifacts older than six months that nobody adopted or derived from', () => {
  const old = (n: number) =>
    Array.from({ length: n }, (_, i) => artifact(`s:old${i}`, '2025-09-01T00:00:00Z'));
  const usedBy = (ids: string[], at = '2026-01-10T00:00:00Z') =>
    community('o', { adoptionsGiven: ids.map((id, i) => adoption(`o:a${i}`, id, at)) });

  it('is alive under half, decays over 80%, and is watched from half to 80% inclusive', () => {
    expect(
      metricsOf(community('s', { artifacts: old(5) }), usedBy(['s:old0', 's:old1', 's:old2'])).unusedShare,
    ).toMatchObject({ value: 0.4, state: 'LIFE' });
    expect(metricsOf(community('s', { artifacts: old(2) }), usedBy(['s:old0'])).unusedShare).toMatchObject({
      value: 0.5,
      state: 'WATCH',
    });
    expect(metricsOf(community('s', { artifacts: old(5) }), usedBy(['s:old0'])).unusedShare).toMatchObject({
      value: 0.8,
      state: 'WATCH',
    });
    const none = metricsOf(community('s', { artifacts: old(5) }), usedBy([])).unusedShare;
    expect(none).toMatchObject({
      value: 1,
      state: 'DECAY',
      evidence: ['s:old0', 's:old1', 's:old2', 's:old3', 's:old4'],
    });
    expect(none.detail).toBe('5 of 5 artifacts older than six months are neither adopted nor derived from');
  });

  it('counts a derivation as a use, and any use up to the end of the window, the earliest first', () => {
    const derived = community('o', {
      derivations: [
        {
          id: 'o:d',
          artifactId: 'o:x',
          sourceId: 's:old0',
          relation: 'REFERENCES',
          assertedAt: '2026-06-30T23:59:59Z',
        },
      ],
    });
    expect(metricsOf(community('s', { artifacts: old(1) }), derived).unusedShare.value).toBe(0);
    expect(
      metricsOf(community('s', { artifacts: old(1) }), usedBy(['s:old0'], '2026-07-01T00:00:00Z')).unusedShare
        .value,
    ).toBe(1);
    const laterAdoption = community('o', {
      adoptionsGiven: [adoption('o:a', 's:old0', '2026-08-01T00:00:00Z')],
      derivations: [
        {
          id: 'o:d',
          artifactId: 'o:x',
          sourceId: 's:old0',
          relation: 'ADAPTS',
          assertedAt: '2026-02-01T00:00:00Z',
        },
      ],
    });
    expect(metricsOf(community('s', { artifacts: old(1) }), laterAdoption).unusedShare.value).toBe(0);
  });

  it('is only watched while nothing is older than six months', () => {
    const young = metricsOf(
      community('s', { artifacts: [artifact('s:new', SIX_MONTHS_BEFORE)] }),
    ).unusedShare;
    expect(young).toMatchObject({
      value: null,
      state: 'WATCH',
      detail: 'No artifact is older than six months yet',
      evidence: [],
    });
  });
});

describe('feedback response time and closure', () => {
  const origin = (...responses: Array<ReturnType<typeof response>>) =>
    community('s', { artifacts: [artifact('s:a', '2025-08-01T00:00:00Z')], responsesGiven: responses });
  const asker = (...items: Array<ReturnType<typeof feedback>>) => community('o', { feedbackGiven: items });
  const GIVEN = '2026-01-01T00:00:00Z';

  it('is alive up to 14 days, watched to 30, and decays past 30', () => {
    const time = (days: number) =>
      metricsOf(origin(response('s:r', 'o:f', daysAfter(GIVEN, days))), asker(feedback('o:f', 's:a', GIVEN)))
        .feedbackResponseTime;
    expect(time(14)).toMatchObject({ value: 14, unit: 'days', state: 'LIFE' });
    expect(time(14.5)).toMatchObject({ value: 14.5, state: 'WATCH' });
    expect(time(30)).toMatchObject({ value: 30, state: 'WATCH' });
    expect(time(31)).toMatchObject({ value: 31, state: 'DECAY' });
  });

  it('takes the median of first responses, ignoring later ones and those after the window', () => {
    const m = metricsOf(
      origin(
        response('s:r1', 'o:f1', daysAfter(GIVEN, 20)),
        response('s:r2', 'o:f1', daysAfter(GIVEN, 2)),
        response('s:r3', 'o:f2', daysAfter(GIVEN, 4)),
        response('s:r4', 'o:f3', daysAfter(GIVEN, 9)),
        response('s:r5', 'o:f4', '2026-07-01T00:00:00Z'),
      ),
      asker(
        feedback('o:f1', 's:a', GIVEN),
        feedback('o:f2', 's:a', GIVEN),
        feedback('o:f3', 's:a', GIVEN),
        feedback('o:f4', 's:a', GIVEN),
      ),
    );
    expect(m.feedbackResponseTime).toMatchObject({
      value: 4,
      state: 'LIFE',
      detail: 'Median over 3 answered of 4',
      evidence: ['o:f1', 'o:f2', 'o:f3', 'o:f4'],
    });
    expect(m.feedbackClosure).toMatchObject({
      value: 0.75,
      state: 'WATCH',
      detail: '3 of 4 feedback items answered',
      evidence: ['o:f4'],
    });
  });

  it('closes alive from 80% answered and decays under half', () => {
    const closure = (answered: number, total: number) => {
      const items = Array.from({ length: total }, (_, i) => feedback(`o:f${i}`, 's:a', GIVEN));
      const replies = Array.from({ length: answered }, (_, i) =>
        response(`s:r${i}`, `o:f${i}`, daysAfter(GIVEN, 1)),
      );
      return metricsOf(origin(...replies), asker(...items)).feedbackClosure;
    };
    expect(closure(4, 5)).toMatchObject({ value: 0.8, state: 'LIFE' });
    expect(closure(1, 2)).toMatchObject({ value: 0.5, state: 'WATCH' });
    expect(closure(1, 3)).toMatchObject({ value: 0.33, state: 'DECAY' });
  });

  it('decays when nothing received got an answer, and only counts others’ feedback in the window', () => {
    const silent = metricsOf(origin(), asker(feedback('o:f', 's:a', GIVEN)));
    expect(silent.feedbackResponseTime).toMatchObject({
      value: null,
      state: 'DECAY',
      detail: 'None of 1 feedback items got a response',
    });
    const own = community('s', {
      artifacts: [artifact('s:a', '2025-08-01T00:00:00Z')],
      feedbackGiven: [feedback('s:f', 's:a', GIVEN, 's')],
    });
    const outside = asker(feedback('o:f', 's:a', '2026-07-01T00:00:00Z'));
    for (const m of [metricsOf(own), metricsOf(origin(), outside)]) {
      expect(m.feedbackResponseTime).toMatchObject({
        value: null,
        state: 'WATCH',
        detail: 'No feedback received in the window',
      });
      expect(m.feedbackClosure).toMatchObject({
        value: null,
        state: 'WATCH',
        detail: 'No feedback received in the window',
      });
    }
  });
});

describe('Commons asks back: feedback and others’ answers to this community’s needs, per quarter', () => {
  const need = { id: 's:n', title: 'A need', status: 'OPEN' as const, postedAt: '2025-07-01T00:00:00Z' };
  const answer = (id: string, answeredAt: string) => ({ id, needId: 's:n', artifactId: 'o:x', answeredAt });

  it('is alive at one ask per quarter', () => {
    const answers = ['2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01'].map((d, i) =>
      answer(`o:n${i}`, `${d}T00:00:00Z`),
    );
    const m = metricsOf(community('s', { needs: [need] }), community('o', { needAnswersGiven: answers }));
    expect(m.commonsAsksBack).toMatchObject({
      value: 1,
      unit: 'per quarter',
      state: 'LIFE',
      detail: '4 feedback items and need answers over 4 quarters',
    });
  });

  it('is watched with a recent ask, and decays without one in the last six months', () => {
    const recent = metricsOf(
      community('s', { needs: [need] }),
      community('o', { needAnswersGiven: [answer('o:n', '2025-12-31T00:00:00Z')] }),
    );
    expect(recent.commonsAsksBack).toMatchObject({ value: 0.25, state: 'WATCH', evidence: ['o:n'] });
    const old = metricsOf(
      community('s', { needs: [need] }),
      community('o', { needAnswersGiven: [answer('o:n', '2025-12-30T00:00:00Z')] }),
    );
    expect(old.commonsAsksBack).toMatchObject({ value: 0.25, state: 'DECAY' });
  });

  it('counts neither its own answers nor answers outside the window', () => {
    const own = community('s', { needs: [need], needAnswersGiven: [answer('s:n1', '2026-01-01T00:00:00Z')] });
    const late = community('o', { needAnswersGiven: [answer('o:n2', '2026-07-01T00:00:00Z')] });
    expect(metricsOf(own, late).commonsAsksBack).toMatchObject({ value: 0, state: 'DECAY', evidence: [] });
  });

  it('counts a window shorter than a quarter as one quarter', () => {
    const c = community('s', { needs: [need] });
    const index = new CommonsIndex([
      c,
      community('o', { needAnswersGiven: [answer('o:n', '2026-06-10T00:00:00Z')] }),
    ]);
    const asks = computeVitality(index, c, new Date('2026-06-01T00:00:00Z'), TO).metrics.find(
      (m) => m.key === 'commonsAsksBack',
    );
    expect(asks).toMatchObject({
      value: 1,
      state: 'LIFE',
      detail: '1 feedback items and need answers over 1 quarters',
    });
  });
});

describe('translator concentration and resourced work, over roles active in the window', () => {
  it('sums each person’s roles and counts the fewest people doing half the hours', () => {
    const m = metricsOf(
      community('s', {
        contributionRoles: [role('Rosa', 4, 2), role('Dan', 6, 1), role('Rosa', 4, 2), role('Ann', 5, 0)],
      }),
    );
    expect(m.translatorConcentration).toMatchObject({
      value: 2,
      state: 'LIFE',
      detail: '2 of 3 people do half of the translation work',
    });
    expect(m.translatorConcentration.evidence).toEqual([
      'Rosa: 8 h/month',
      'Dan: 6 h/month',
      'Ann: 5 h/month',
    ]);
    expect(m.resourcedWork).toMatchObject({
      value: 0.26,
      state: 'WATCH',
      detail: '5 of 19 hours per month are resourced',
    });
  });

  it('counts roles that touch the window by a day, and no others', () => {
    const roles = [
      role('Ended', 50, 0, '2024-01-01', '2025-06-30'),
      role('Later', 50, 0, '2026-07-01'),
      role('EndsOnFirstDay', 5, 5, '2024-01-01', '2025-07-01'),
      role('StartsOnLastDay', 5, 0, '2026-06-30'),
    ];
    const m = metricsOf(community('s', { contributionRoles: roles }));
    expect(m.translatorConcentration.evidence).toEqual([
      'EndsOnFirstDay: 5 h/month',
      'StartsOnLastDay: 5 h/month',
    ]);
    expect(m.resourcedWork).toMatchObject({ value: 0.5, state: 'LIFE' });
    expect(m.resourcedWork.evidence).toEqual([
      'EndsOnFirstDay (translator): 5/5 h',
      'StartsOnLastDay (translator): 0/5 h',
    ]);
  });

  it('decays with one person or no resourced hour, and is watched with no roles at all', () => {
    const alone = metricsOf(community('s', { contributionRoles: [role('Tom', 30, 0), role('Priya', 2, 0)] }));
    expect(alone.translatorConcentration).toMatchObject({ value: 1, state: 'DECAY' });
    expect(alone.resourcedWork).toMatchObject({ value: 0, state: 'DECAY' });
    const none = metricsOf(community('s'));
    expect(none.translatorConcentration).toMatchObject({
      value: 0,
      state: 'DECAY',
      detail: 'No contribution roles recorded',
    });
    expect(none.resourcedWork).toMatchObject({
      value: null,
      state: 'WATCH',
      detail: 'No contribution hours recorded',
    });
  });
});

describe('named impact: others’ adoptions that say what changed', () => {
  const origin = community('s', { artifacts: [artifact('s:a', '2025-08-01T00:00:00Z')] });

  it('is alive at one a quarter, watched with a recent one, decaying without', () => {
    const four = ['2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01'].map((d, i) =>
      adoption(`o:a${i}`, 's:a', `${d}T00:00:00Z`, 'Fewer missed visits'),
    );
    expect(metricsOf(origin, community('o', { adoptionsGiven: four })).namedImpact).toMatchObject({
      value: 1,
      state: 'LIFE',
      detail: '4 adoptions with an impact statement',
    });
    expect(
      metricsOf(
        origin,
        community('o', { adoptionsGiven: [adoption('o:a', 's:a', '2025-12-31T00:00:00Z', 'x')] }),
      ).namedImpact,
    ).toMatchObject({ value: 0.25, state: 'WATCH' });
    expect(
      metricsOf(
        origin,
        community('o', { adoptionsGiven: [adoption('o:a', 's:a', '2025-12-30T00:00:00Z', 'x')] }),
      ).namedImpact,
    ).toMatchObject({ value: 0.25, state: 'DECAY' });
  });

  it('ignores blank impacts, its own adoptions and adoptions outside the window', () => {
    const adoptions = [
      adoption('o:blank', 's:a', '2026-01-10T00:00:00Z', '   '),
      adoption('o:none', 's:a', '2026-01-10T00:00:00Z', null),
      adoption('o:late', 's:a', '2026-07-01T00:00:00Z', 'x'),
      adoption('o:counted', 's:a', '2026-01-10T00:00:00Z', 'x'),
    ];
    const own = community('s', {
      artifacts: origin.artifacts,
      adoptionsGiven: [adoption('s:self', 's:a', '2026-01-10T00:00:00Z', 'x', 's')],
    });
    expect(metricsOf(own, community('o', { adoptionsGiven: adoptions })).namedImpact.evidence).toEqual([
      'o:counted',
    ]);
  });
});

describe('licence integrity and human review', () => {
  it('names each adaptation that breaks its source’s licence; references and unknown sources are not checked', () => {
    const source = community('o', {
      artifacts: [artifact('o:sa', '2025-08-01T00:00:00Z', { licence: { spdx: 'CC-BY-SA-4.0' } })],
    });
    const c = community('s', {
      artifacts: [artifact('s:mit', '2025-09-01T00:00:00Z', { licence: { spdx: 'MIT' } })],
      derivations: [
        {
          id: 's:d1',
          artifactId: 's:mit',
          sourceId: 'o:sa',
          relation: 'TRANSLATES',
          assertedAt: '2025-09-01T00:00:00Z',
        },
        {
          id: 's:d2',
          artifactId: 's:mit',
          sourceId: 'o:sa',
          relation: 'REFERENCES',
          assertedAt: '2025-09-01T00:00:00Z',
        },
        {
          id: 's:d3',
          artifactId: 's:mit',
          sourceId: 'gone:x',
          relation: 'ADAPTS',
          assertedAt: '2025-09-01T00:00:00Z',
        },
        {
          id: 's:d4',
          artifactId: 's:gone',
          sourceId: 'o:sa',
          relation: 'ADAPTS',
          assertedAt: '2025-09-01T00:00:00Z',
        },
      ],
    });
    const m = metricsOf(c, source);
    expect(m.licenceIntegrity).toMatchObject({ value: 1, state: 'DECAY', evidence: ['s:mit'] });
    expect(m.licenceIntegrity.detail).toBe(
      's:mit TRANSLATES o:sa: CC-BY-SA-4.0: adaptations must be CC-BY-SA-4.0 (or later) or GPL-3.0 (one way)',
    );
    expect(metricsOf(source, c).licenceIntegrity).toMatchObject({
      value: 0,
      state: 'LIFE',
      detail: 'Every adaptation keeps its sources’ licences',
    });
  });

  it('wants an AI-assisted artifact reviewed by a named person other than its authors', () => {
    const ai = (id: string, reviewer: string | null, publishedAt = '2026-01-01T00:00:00Z') =>
      artifact(id, publishedAt, { provenance: { authors: ['Rosa', 'Dan'], aiAssisted: true, reviewer } });
    const c = community('s', {
      artifacts: [
        ai('s:none', null),
        ai('s:blank', '  '),
        ai('s:self', ' Dan '),
        ai('s:ok', 'Ann'),
        ai('s:future', null, '2026-07-01T00:00:00Z'),
        artifact('s:human', '2026-01-01T00:00:00Z'),
      ],
    });
    expect(metricsOf(c).humanInTheLoop).toMatchObject({
      value: 3,
      state: 'DECAY',
      evidence: ['s:none', 's:blank', 's:self'],
      detail: '3 AI-assisted artifacts lack a reviewer other than their authors',
    });
    expect(metricsOf(community('s', { artifacts: [ai('s:ok', 'Ann')] })).humanInTheLoop).toMatchObject({
      value: 0,
      state: 'LIFE',
      detail: 'Every AI-assisted artifact had an independent human reviewer',
    });
  });
});

describe('replanting', () => {
  // Unreviewed AI work, an unanswered question and a lone translator: three signs of decay, held.
  const decaying = (firstPublished: string) =>
    community('s', {
      artifacts: [
        artifact('s:a', firstPublished, {
          provenance: { authors: ['Rosa'], aiAssisted: true, reviewer: null },
        }),
        artifact('s:b', '2026-06-01T00:00:00Z'),
        artifact('s:c', '2026-05-01T00:00:00Z'),
      ],
      contributionRoles: [role('Rosa', 10)],
    });

  it('is suggested when three signs of decay held for six months', () => {
    const c = decaying('2024-01-01T00:00:00Z');
    const v = computeVitality(new CommonsIndex([c]), c, FROM, TO);
    expect(v.decaySigns).toBeGreaterThanOrEqual(3);
    expect(v).toMatchObject({ community: 's', name: 's', from: FROM, to: TO, replant: true });
  });

  it('is not suggested to a community younger than six months, nor to one whose decay is new', () => {
    const young = decaying('2026-01-01T00:00:00Z');
    expect(computeVitality(new CommonsIndex([young]), young, FROM, TO).replant).toBe(false);
    // Until December three people shared the work and an adopter named its impact: two signs then.
    const recovering = community('s', {
      artifacts: [
        artifact('s:a', '2025-11-15T00:00:00Z', {
          provenance: { authors: ['Rosa'], aiAssisted: true, reviewer: null },
        }),
        artifact('s:b', '2025-12-15T00:00:00Z'),
        artifact('s:c', '2026-05-01T00:00:00Z'),
      ],
      contributionRoles: [
        role('Rosa', 10),
        role('Dan', 10, 10, '2024-01-01', '2025-12-31'),
        role('Ann', 10, 0, '2024-01-01', '2025-12-31'),
      ],
    });
    const adopter = community('o', {
      adoptionsGiven: [adoption('o:a', 's:a', '2025-12-01T00:00:00Z', 'Fewer missed visits')],
    });
    const v = computeVitality(
      new CommonsIndex([recovering, adopter]),
      recovering,
      new Date('2026-01-01T00:00:00Z'),
      TO,
    );
    expect(v.decaySigns).toBeGreaterThanOrEqual(3);
    expect(v.replant).toBe(false);
  });
});

describe('calendar helpers', () => {
  it('adds months keeping the day and time, clamped to the month’s last day', () => {
    expect(addMonths(new Date('2026-01-31T10:20:30.456Z'), 1).toISOString()).toBe('2026-02-28T10:20:30.456Z');
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-01-15T00:00:00Z'), -1).toISOString()).toBe('2025-12-15T00:00:00.000Z');
    expect(addMonths(new Date('2026-03-30T00:00:00Z'), 12).toISOString()).toBe('2027-03-30T00:00:00.000Z');
  });

  it('lists the calendar months a window touches, both ends included', () => {
    expect(monthsOf(new Date('2025-12-31T23:00:00Z'), new Date('2026-02-01T00:00:00Z'))).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsOf(new Date('2026-02-10T00:00:00Z'), new Date('2026-02-11T00:00:00Z'))).toEqual(['2026-02']);
  });

  it('counts the fewest items that carry half the weight, largest first', () => {
    expect(fewestForHalf([1, 10, 1])).toBe(1);
    expect(fewestForHalf([3, 1, 1, 1])).toBe(1);
    expect(fewestForHalf([1, 1, 1])).toBe(2);
    expect(fewestForHalf([0, 0])).toBe(0);
  });
});

describe('the ecosystem figures of a report', () => {
  it('reads adoption across communities, lineage reach, reciprocity and unanswered needs', () => {
    const a = community('a', {
      artifacts: [artifact('a:1', '2025-08-01T00:00:00Z'), artifact('a:2', '2025-09-01T00:00:00Z')],
      adoptionsGiven: [
        adoption('a:x', 'a:1', '2026-01-01T00:00:00Z', null, 'a'),
        adoption('a:y', 'b:1', '2026-01-02T00:00:00Z', null, 'a'),
      ],
      feedbackGiven: [feedback('a:f', 'b:1', '2026-01-03T00:00:00Z', 'a')],
      needs: [
        { id: 'a:n1', title: 'Open', status: 'OPEN', postedAt: '2026-01-01T00:00:00Z' },
        { id: 'a:n2', title: 'Answered', status: 'OPEN', postedAt: '2026-01-01T00:00:00Z' },
        { id: 'a:n3', title: 'Closed', status: 'CLOSED', postedAt: '2026-01-01T00:00:00Z' },
      ],
    });
    const b = community('b', {
      artifacts: [artifact('b:1', '2025-08-01T00:00:00Z'), artifact('b:2', '2026-02-01T00:00:00Z')],
      adoptionsGiven: [
        adoption('b:y', 'a:1', '2026-01-02T00:00:00Z', null, 'b'),
        adoption('b:z', 'a:2', '2026-01-02T00:00:00Z', null, 'b'),
        adoption('b:old', 'a:2', '2025-01-02T00:00:00Z', null, 'b'),
      ],
      feedbackGiven: [feedback('b:f', 'a:1', '2026-01-03T00:00:00Z', 'b')],
      responsesGiven: [response('b:r', 'a:f', '2026-01-04T12:00:00Z')],
      derivations: [
        {
          id: 'b:d1',
          artifactId: 'b:2',
          sourceId: 'a:1',
          relation: 'ADAPTS',
          assertedAt: '2026-02-01T00:00:00Z',
        },
        {
          id: 'b:d2',
          artifactId: 'a:1',
          sourceId: 'b:2',
          relation: 'EXTENDS',
          assertedAt: '2026-02-02T00:00:00Z',
        },
      ],
      needAnswersGiven: [
        { id: 'b:ans', needId: 'a:n2', artifactId: 'b:2', answeredAt: '2026-03-01T00:00:00Z' },
      ],
    });
    const report = computeReport([a, b], [], FROM, TO);
    expect(report.crossCommunityAdoptionShare).toBe(0.75);
    expect(report.adoptionMatrix).toEqual([
      { adopter: 'a', origin: 'a', count: 1 },
      { adopter: 'a', origin: 'b', count: 1 },
      { adopter: 'b', origin: 'a', count: 2 },
    ]);
    // a:1 → b:2 → a:1 is a cycle: each reaches the other, once.
    expect(report.lineageReach).toEqual([
      { artifactId: 'a:1', title: 'a:1', communitiesReached: 1, artifactsReached: 1 },
      { artifactId: 'b:2', title: 'b:2', communitiesReached: 1, artifactsReached: 1 },
    ]);
    expect(report.reciprocity).toBe(1);
    expect(report.reciprocalCommunities).toEqual(['a', 'b']);
    expect(report.unansweredNeeds).toEqual([
      { id: 'a:n1', title: 'Open', community: 'a', postedAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(report.responseTimes).toEqual([
      { community: 'a', feedbackId: 'b:f', days: null },
      { community: 'b', feedbackId: 'a:f', days: 1.5 },
    ]);
    expect(report.fewestCommunitiesForHalfOfArtifacts).toBe(1);
    expect(report.monthlyFlow.filter((f) => f.count > 0)).toEqual([
      { community: 'a', month: '2025-08', count: 1 },
      { community: 'a', month: '2025-09', count: 1 },
      { community: 'b', month: '2025-08', count: 1 },
      { community: 'b', month: '2026-02', count: 1 },
    ]);
    expect(report.monthlyFlow).toHaveLength(24);
  });

  it('ranks lineage reach by communities, then artifacts, then id, and keeps the top ten', () => {
    const roots = Array.from({ length: 12 }, (_, i) =>
      artifact(`r:${String(i).padStart(2, '0')}`, '2025-08-01T00:00:00Z'),
    );
    const derivations = roots.map((root, i) => ({
      id: `x:d${i}`,
      artifactId: `x:${i}`,
      sourceId: root.id,
      relation: 'ADAPTS' as const,
      assertedAt: '2025-09-01T00:00:00Z',
    }));
    derivations.push({
      id: 'r:deep',
      artifactId: 'r:deep',
      sourceId: 'r:05',
      relation: 'ADAPTS' as const,
      assertedAt: '2025-09-01T00:00:00Z',
    });
    derivations.push({
      id: 'x:deeper',
      artifactId: 'y:1',
      sourceId: 'x:11',
      relation: 'ADAPTS' as const,
      assertedAt: '2025-09-01T00:00:00Z',
    });
    const report = computeReport(
      [community('r', { artifacts: roots }), community('x', { derivations })],
      [],
      FROM,
      TO,
    );
    expect(report.lineageReach.map((r) => [r.artifactId, r.communitiesReached, r.artifactsReached])).toEqual([
      ['r:11', 2, 2],
      ['r:05', 1, 2],
      ['r:00', 1, 1],
      ['r:01', 1, 1],
      ['r:02', 1, 1],
      ['r:03', 1, 1],
      ['r:04', 1, 1],
      ['r:06', 1, 1],
      ['r:07', 1, 1],
      ['r:08', 1, 1],
    ]);
  });

  it('has no shares for an empty Commons', () => {
    const report = computeReport([], ['down'], FROM, TO);
    expect(report).toMatchObject({
      crossCommunityAdoptionShare: null,
      reciprocity: null,
      unavailableCommunities: ['down'],
      lineageReach: [],
      adoptionMatrix: [],
    });
  });
});
