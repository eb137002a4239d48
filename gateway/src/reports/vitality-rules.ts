/**
 * The vitality table of DESIGN.md ("Vitality"), as data: each sign's label, unit and the
 * thresholds of life and decay. A threshold is changed here and nowhere else; metrics.ts computes
 * the values and `stateOf` judges every sign by its row.
 */
import type { Commons } from '@commons-graph/schema';

/** A sign's state, as schema/commons.graphql names it (`VitalityState`, generated). */
export type State = Commons.VitalityState;

/**
 * What a rule reads: the sign's value, or a figure its computation gives beside it (the flow of
 * the last months, the asks of the last six months).
 */
export type Measure =
  /** The value shown, unrounded. */
  | 'value'
  /** Flow: the fewest artifacts published in any of the last three months (none when the window is shorter). */
  | 'fewestInLast3Months'
  /** Flow: the most artifacts published in either of the last two months. */
  | 'mostInLast2Months'
  /** Asks back and named impact: how many of them came in the last six months of the window. */
  | 'inLast6Months'
  /** Response time: the median in days, feedback never answered counting as answered infinitely late. */
  | 'daysToFirstResponse';

/** A comparison of one measure with a threshold; a measure that is null holds no rule. */
export type Rule = { readonly of?: Measure } & (
  | { readonly atLeast: number }
  | { readonly atMost: number }
  | { readonly above: number }
  | { readonly below: number }
  | { readonly exactly: number }
);

export interface VitalityRule {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  /** Checked first: when it holds, the sign is LIFE. */
  readonly life: Rule;
  /** Then: when it holds, DECAY; when neither holds, WATCH. */
  readonly decay: Rule;
}

/** In the order reports show them; flow comes first (a community whose flow decays is dormant). */
export const VITALITY_RULES = [
  {
    key: 'flow',
    label: 'Flow',
    unit: 'artifacts/month',
    life: { of: 'fewestInLast3Months', atLeast: 1 },
    decay: { of: 'mostInLast2Months', atMost: 0 },
  },
  { key: 'unusedShare', label: 'Unused share', unit: 'share', life: { below: 0.5 }, decay: { above: 0.8 } },
  {
    key: 'feedbackResponseTime',
    label: 'Feedback response time',
    unit: 'days',
    life: { of: 'daysToFirstResponse', atMost: 14 },
    decay: { of: 'daysToFirstResponse', above: 30 },
  },
  {
    key: 'feedbackClosure',
    label: 'Feedback closure',
    unit: 'share',
    life: { atLeast: 0.8 },
    decay: { below: 0.5 },
  },
  {
    key: 'commonsAsksBack',
    label: 'Commons asks back',
    unit: 'per quarter',
    life: { atLeast: 1 },
    decay: { of: 'inLast6Months', exactly: 0 },
  },
  {
    key: 'translatorConcentration',
    label: 'Translator concentration',
    unit: 'people',
    life: { atLeast: 2 },
    decay: { atMost: 1 },
  },
  {
    key: 'resourcedWork',
    label: 'Resourced work',
    unit: 'share',
    life: { atLeast: 0.5 },
    decay: { exactly: 0 },
  },
  {
    key: 'namedImpact',
    label: 'Named impact',
    unit: 'per quarter',
    life: { atLeast: 1 },
    decay: { of: 'inLast6Months', exactly: 0 },
  },
  {
    key: 'licenceIntegrity',
    label: 'Licence integrity',
    unit: 'conflicts',
    life: { exactly: 0 },
    decay: { above: 0 },
  },
  {
    key: 'humanInTheLoop',
    label: 'Human in the loop',
    unit: 'artifacts',
    life: { exactly: 0 },
    decay: { above: 0 },
  },
] as const satisfies readonly VitalityRule[];

export type MetricKey = (typeof VITALITY_RULES)[number]['key'];

/** The figures one sign's rules read; `value` is the sign's own. */
export type Measures = Partial<Record<Measure, number | null>>;

function holds(rule: Rule, measures: Measures): boolean {
  const measured = measures[rule.of ?? 'value'];
  if (measured === null || measured === undefined) return false;
  if ('atLeast' in rule) return measured >= rule.atLeast;
  if ('atMost' in rule) return measured <= rule.atMost;
  if ('above' in rule) return measured > rule.above;
  if ('below' in rule) return measured < rule.below;
  return measured === rule.exactly;
}

/** LIFE when the life rule holds, else DECAY when the decay rule holds, else WATCH. */
export function stateOf(rule: VitalityRule, measures: Measures): State {
  if (holds(rule.life, measures)) return 'LIFE';
  if (holds(rule.decay, measures)) return 'DECAY';
  return 'WATCH';
}
