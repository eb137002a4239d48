import { stateOf, VITALITY_RULES, type Measures, type MetricKey } from '../reports/vitality-rules';

const rule = (key: MetricKey) => VITALITY_RULES.find((r) => r.key === key)!;
const states = (key: MetricKey, cases: Measures[]) => cases.map((measures) => stateOf(rule(key), measures));

/** DESIGN.md's vitality table, read as data: each boundary falls on the side the table says. */
describe('the vitality rules', () => {
  it('has one row per sign, in the order reports show them, flow first', () => {
    expect(VITALITY_RULES.map((r) => r.key)).toEqual([
      'flow',
      'unusedShare',
      'feedbackResponseTime',
      'feedbackClosure',
      'commonsAsksBack',
      'translatorConcentration',
      'resourcedWork',
      'namedImpact',
      'licenceIntegrity',
      'humanInTheLoop',
    ]);
  });

  it('judges response time: within 14 days is life, beyond 30 decay, never answered decay, nothing received watch', () => {
    const days = (daysToFirstResponse: number | null) => ({ daysToFirstResponse });
    expect(
      states('feedbackResponseTime', [
        days(14),
        days(14.01),
        days(30),
        days(30.01),
        days(Infinity),
        days(null),
      ]),
    ).toEqual(['LIFE', 'WATCH', 'WATCH', 'DECAY', 'DECAY', 'WATCH']);
  });

  it('judges flow by the last months, not by the average', () => {
    expect(
      states('flow', [
        { value: 0.1, fewestInLast3Months: 1, mostInLast2Months: 1 },
        { value: 5, fewestInLast3Months: 0, mostInLast2Months: 0 },
        { value: 5, fewestInLast3Months: null, mostInLast2Months: 2 },
      ]),
    ).toEqual(['LIFE', 'DECAY', 'WATCH']);
  });

  it('watches a share it cannot measure yet, and judges the boundaries of one it can', () => {
    expect(
      states('unusedShare', [
        { value: null },
        { value: 0.49 },
        { value: 0.5 },
        { value: 0.8 },
        { value: 0.81 },
      ]),
    ).toEqual(['WATCH', 'LIFE', 'WATCH', 'WATCH', 'DECAY']);
    expect(states('resourcedWork', [{ value: null }, { value: 0 }, { value: 0.01 }, { value: 0.5 }])).toEqual(
      ['WATCH', 'DECAY', 'WATCH', 'LIFE'],
    );
  });

  it('lets a single licence conflict or unreviewed AI artifact decay the sign', () => {
    expect(states('licenceIntegrity', [{ value: 0 }, { value: 1 }])).toEqual(['LIFE', 'DECAY']);
    expect(states('humanInTheLoop', [{ value: 0 }, { value: 3 }])).toEqual(['LIFE', 'DECAY']);
  });

  it('decays asks back only when none came in the last six months', () => {
    expect(
      states('commonsAsksBack', [
        { value: 1, inLast6Months: 0 },
        { value: 0.5, inLast6Months: 1 },
        { value: 0.5, inLast6Months: 0 },
      ]),
    ).toEqual(['LIFE', 'WATCH', 'DECAY']);
  });
});
