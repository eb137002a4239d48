import type { CommunityData } from '../reports/gather';
import { addMonths, CommonsIndex, computeReport, computeVitality, fewestForHalf } from '../reports/metrics';

/** A Commons with values known by hand, on fixed dates; the window is 2026-01-01 .. 2026-10-31. */
const FROM = new Date('2026-01-01T00:00:00Z');
const TO = new Date('2026-10-31T23:59:59Z');

function community(slug: string, over: Partial<CommunityData> = {}): CommunityData {
  return {
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
  };
}
const artifact = (
  id: string,
  publishedAt: string,
  over: Partial<CommunityData['artifacts'][number]> = {},
) => ({
  id,
  title: id,
  publishedAt,
  status: 'PUBLISHED' as const,
  licence: { spdx: 'CC-BY-4.0' },
  provenance: { authors: ['Someone'], aiAssisted: false, reviewer: null },
  ...over,
});

// "soil": lively. Publishes every month Aug–Oct, answers feedback in 3 and 10 days, two translators.
const soil = community('soil', {
  artifacts: [
    artifact('soil:guide', '2025-12-01T00:00:00Z'),
    artifact('soil:aug', '2026-08-10T00:00:00Z'),
    artifact('soil:sep', '2026-09-10T00:00:00Z'),
    artifact('soil:oct', '2026-10-10T00:00:00Z'),
    // AI-assisted, and its only reviewer is its own author.
    artifact('soil:ai', '2026-10-12T00:00:00Z', {
      provenance: { authors: ['Rosa'], aiAssisted: true, reviewer: 'Rosa' },
    }),
  ],
  responsesGiven: [
    { id: 'soil:r1', feedbackId: 'clinic:f1', artifactId: 'soil:guide', respondedAt: '2026-03-04T00:00:00Z' },
    { id: 'soil:r2', feedbackId: 'clinic:f2', artifactId: 'soil:guide', respondedAt: '2026-06-11T00:00:00Z' },
  ],
  contributionRoles: [
    {
      personName: 'Rosa',
      role: 'translator',
      hoursPerMonth: 10,
      resourcedHoursPerMonth: 10,
      startsOn: '2025-01-01',
      endsOn: null,
    },
    {
      personName: 'Dan',
      role: 'translator',
      hoursPerMonth: 10,
      resourcedHoursPerMonth: 0,
      startsOn: '2025-01-01',
      endsOn: null,
    },
  ],
});

// "sigs": one translator does everything, unresourced; its two old artifacts are never adopted.
const sigs = community('sigs', {
  artifacts: [artifact('sigs:old1', '2025-11-01T00:00:00Z'), artifact('sigs:old2', '2025-12-01T00:00:00Z')],
  feedbackGiven: [
    {
      id: 'sigs:f9',
      artifactId: 'clinic:tree',
      community: 'sigs',
      kind: 'GAP',
      givenAt: '2026-02-01T00:00:00Z',
    },
  ],
  contributionRoles: [
    {
      personName: 'Tom',
      role: 'translator',
      hoursPerMonth: 30,
      resourcedHoursPerMonth: 0,
      startsOn: '2025-01-01',
      endsOn: null,
    },
    {
      personName: 'Priya',
      role: 'translator',
      hoursPerMonth: 2,
      resourcedHoursPerMonth: 0,
      startsOn: '2025-01-01',
      endsOn: null,
    },
  ],
});

// "clinic": a silent origin that never responds; it adopts and gives feedback to soil.
const clinic = community('clinic', {
  artifacts: [artifact('clinic:tree', '2025-10-01T00:00:00Z', { licence: { spdx: 'CC-BY-4.0' } })],
  adoptionsGiven: [
    {
      id: 'clinic:a1',
      artifactId: 'soil:guide',
      community: 'clinic',
      status: 'ADOPTED',
      impact: 'Fewer missed visits',
      recordedAt: '2026-05-01T00:00:00Z',
    },
  ],
  feedbackGiven: [
    {
      id: 'clinic:f1',
      artifactId: 'soil:guide',
      community: 'clinic',
      kind: 'GAP',
      givenAt: '2026-03-01T00:00:00Z',
    },
    {
      id: 'clinic:f2',
      artifactId: 'soil:guide',
      community: 'clinic',
      kind: 'QUESTION',
      givenAt: '2026-06-01T00:00:00Z',
    },
  ],
  derivations: [
    {
      id: 'clinic:d1',
      artifactId: 'clinic:tree',
      sourceId: 'soil:guide',
      relation: 'ADAPTS',
      assertedAt: '2026-04-01T00:00:00Z',
    },
  ],
});
soil.artifacts[0].licence = { spdx: 'CC-BY-SA-4.0' }; // clinic:tree (CC-BY-4.0) adapts it: a conflict.

const index = new CommonsIndex([soil, sigs, clinic]);
const vitality = (c: CommunityData) =>
  Object.fromEntries(computeVitality(index, c, FROM, TO).metrics.map((m) => [m.key, m]));

describe('vitality metrics on a Commons known by hand', () => {
  it('finds a lively community lively, except for its unreviewed AI artifact', () => {
    const m = vitality(soil);
    expect(m.flow).toMatchObject({ value: 0.4, state: 'LIFE' }); // 4 artifacts over 10 months, one in each of the last 3
    expect(m.unusedShare).toMatchObject({ value: 0, state: 'LIFE' }); // soil:guide is adopted
    expect(m.feedbackResponseTime).toMatchObject({ value: 6.5, state: 'LIFE' }); // median of 3 and 10 days
    expect(m.feedbackClosure).toMatchObject({ value: 1, state: 'LIFE' });
    expect(m.commonsAsksBack).toMatchObject({ value: 0.6, state: 'WATCH' }); // 2 asks over 3.33 quarters; June is within the last six months
    expect(m.translatorConcentration).toMatchObject({ value: 1, state: 'DECAY' }); // 10 + 10: one person already holds half
    expect(m.resourcedWork).toMatchObject({ value: 0.5, state: 'LIFE' });
    expect(m.namedImpact).toMatchObject({ value: 0.3, state: 'WATCH' }); // one impact in May, inside the last six months
    expect(m.licenceIntegrity).toMatchObject({ value: 0, state: 'LIFE' });
    expect(m.humanInTheLoop).toMatchObject({ value: 1, state: 'DECAY', evidence: ['soil:ai'] });
  });

  it('shows one translator doing everything, unresourced, and work nobody uses', () => {
    const m = vitality(sigs);
    expect(m.translatorConcentration).toMatchObject({ value: 1, state: 'DECAY' });
    expect(m.translatorConcentration.evidence).toEqual(['Tom: 30 h/month', 'Priya: 2 h/month']);
    expect(m.resourcedWork).toMatchObject({ value: 0, state: 'DECAY' });
    expect(m.unusedShare).toMatchObject({ value: 1, state: 'DECAY', evidence: ['sigs:old1', 'sigs:old2'] });
    expect(m.flow).toMatchObject({ value: 0, state: 'DECAY' });
    expect(m.namedImpact.state).toBe('DECAY');
  });

  it('shows a silent origin that never responds, and its licence conflict', () => {
    const m = vitality(clinic);
    expect(m.feedbackResponseTime).toMatchObject({ value: null, state: 'DECAY' });
    expect(m.feedbackClosure).toMatchObject({ value: 0, state: 'DECAY', evidence: ['sigs:f9'] });
    expect(m.licenceIntegrity).toMatchObject({ value: 1, state: 'DECAY', evidence: ['clinic:tree'] });
    const v = computeVitality(index, clinic, FROM, TO);
    expect(v.decaySigns).toBeGreaterThanOrEqual(3);
  });

  it('calls for replanting only where three decay signs held for six months', () => {
    // sigs: one unresourced translator and unused work, now and in the window six months earlier.
    const sigsNow = computeVitality(index, sigs, FROM, TO);
    const sigsBefore = computeVitality(index, sigs, addMonths(FROM, -6), addMonths(TO, -6));
    expect(sigsBefore.decaySigns).toBeGreaterThanOrEqual(3);
    expect({ decaySigns: sigsNow.decaySigns >= 3, replant: sigsNow.replant }).toEqual({
      decaySigns: true,
      replant: true,
    });
    // soil shows two decay signs: watched, not replanted.
    expect(computeVitality(index, soil, FROM, TO)).toMatchObject({ decaySigns: 2, replant: false });
    // The same signs in a community younger than six months say nothing of six months ago.
    const young = community('young', {
      ...sigs,
      slug: 'young',
      artifacts: [artifact('young:first', '2026-07-01T00:00:00Z')],
    });
    const youngNow = computeVitality(index, young, FROM, TO);
    expect({ decaySigns: youngNow.decaySigns >= 3, replant: youngNow.replant }).toEqual({
      decaySigns: true,
      replant: false,
    });
  });

  it('computes the ecosystem figures', () => {
    const report = computeReport([soil, sigs, clinic], ['gone'], FROM, TO);
    expect(report.unavailableCommunities).toEqual(['gone']);
    expect(report.crossCommunityAdoptionShare).toBe(1);
    expect(report.adoptionMatrix).toEqual([{ adopter: 'clinic', origin: 'soil', count: 1 }]);
    expect(report.lineageReach[0]).toMatchObject({
      artifactId: 'soil:guide',
      communitiesReached: 1,
      artifactsReached: 1,
    });
    expect(report.fewestCommunitiesForHalfOfArtifacts).toBe(1); // soil publishes all 4 in the window
    // clinic gives (to soil) and receives (from sigs); soil only receives, sigs only gives.
    expect(report.reciprocity).toBe(0.33);
    expect(report.reciprocalCommunities).toEqual(['clinic']);
    expect(report.dormantCommunities.sort()).toEqual(['clinic', 'sigs']);
    expect(report.licenceConflicts).toEqual([
      expect.objectContaining({ derivativeId: 'clinic:tree', sourceId: 'soil:guide' }),
    ]);
    expect(report.responseTimes.filter((r) => r.community === 'soil').map((r) => r.days)).toEqual([3, 10]);
  });

  it('adds months without overflowing short months', () => {
    expect(addMonths(new Date('2026-10-31T23:59:59Z'), -6).toISOString()).toBe('2026-04-30T23:59:59.000Z');
  });

  it('counts the fewest people (or communities) doing half the work', () => {
    expect(fewestForHalf([30, 2])).toBe(1);
    expect(fewestForHalf([5, 5, 5, 5])).toBe(2);
    expect(fewestForHalf([])).toBe(0);
  });
});
