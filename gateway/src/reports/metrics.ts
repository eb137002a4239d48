import type { Commons } from '@commons-graph/schema';
import { addMonths, DAY, monthsOf, sixMonthsBefore, type Span } from './calendar';
import type { CommunityData } from './gather';
import { answeredBy, receivedOf } from './figures';
import type {
  ReportInputs,
  SignFigures,
  SignInputs,
  SignLists,
  VitalityInputs,
  WindowInputs,
} from './inputs';
import { CommonsIndex, reportInputsOf, vitalityInputsOf } from './live-inputs';
import { lineageReach } from './lineage-reach';
import { stateOf, VITALITY_RULES, type Measures, type MetricKey } from './vitality-rules';

/**
 * Signs of life and decay (DESIGN.md, "Vitality") and the report, computed from the inputs
 * (inputs.ts) that either path fills. Pure functions of them and the window, so tests can check
 * each value by hand; the thresholds that judge them are data (vitality-rules.ts).
 */
export type { State } from './vitality-rules';
export type { LicenceConflict } from './inputs';
export { addMonths, monthsOf } from './calendar';
export { CommonsIndex } from './live-inputs';

/** What the resolvers return, typed by schema/commons.graphql (generated), dates still as Dates. */
export type Metric = Commons.VitalityMetric;

/** The Commons type's community is resolved from these two by the `Vitality.community` resolver. */
export type Vitality = Omit<Commons.Vitality, 'community' | 'from' | 'to'> & {
  community: string;
  name: string;
  from: Date;
  to: Date;
};

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The fewest items whose weights add up to half of the total (CHAOSS absence factor). */
export function fewestForHalf(weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let sum = 0;
  let count = 0;
  for (const w of [...weights].sort((a, b) => b - a)) {
    sum += w;
    count += 1;
    if (sum >= total / 2) break;
  }
  return count;
}

/** What a sign's computation gives: its value, a sentence, the evidence, and what its rules read. */
interface Sign {
  value: number | null;
  detail: string;
  evidence: string[];
  /** Figures the rules read beside the value (vitality-rules.ts); the value itself is always one. */
  measures?: Measures;
}

/**
 * What every sign of one community over one window reads, computed once for all of them: the
 * rules read the figures only; the evidence comes from the window's lists, which the window six
 * months earlier does not have (only its states are read).
 */
interface Window {
  slug: string;
  figures: SignFigures;
  lists: SignLists | null;
  span: Span;
  conflicts: VitalityInputs['conflicts'];
  months: readonly string[];
  perMonth: number[];
  quarters: number;
  /** Days from each answered item to the community's first response by the window's end. */
  delays: number[];
  /** Contribution roles active in the window. */
  roles: SignInputs['roles'];
}

function windowOf(
  { slug, roles }: WindowInputs,
  figures: SignFigures,
  lists: SignLists | null,
  conflicts: VitalityInputs['conflicts'],
  span: Span,
): Window {
  const months = monthsOf(span.from, span.to);
  const fromDay = span.from.toISOString().slice(0, 10);
  const toDay = span.to.toISOString().slice(0, 10);
  return {
    slug,
    figures,
    lists,
    span,
    conflicts,
    months,
    perMonth: months.map((m) => figures.publishedPerMonth[m] ?? 0),
    delays: figures.responseMs.map((ms) => ms / DAY),
    quarters: Math.max(1, months.length / 3),
    roles: roles.filter((r) => r.startsOn <= toDay && (!r.endsOn || r.endsOn >= fromDay)),
  };
}

/** Flow: artifacts published per month. */
function flow(w: Window): Sign {
  const last3 = w.perMonth.slice(-3);
  return {
    value: w.figures.published / w.months.length,
    detail: `${w.months.map((m, i) => `${m}: ${w.perMonth[i]}`).join(', ')}`,
    evidence: w.lists?.windowArtifacts ?? [],
    measures: {
      fewestInLast3Months: last3.length === 3 ? Math.min(...last3) : null,
      mostInLast2Months: Math.max(...w.perMonth.slice(-2)),
    },
  };
}

/** Unused share: artifacts older than six months with no adoption or derivation. */
function unusedShare(w: Window): Sign {
  const { old, unused } = w.figures;
  return {
    value: old ? unused / old : null,
    detail: old
      ? `${unused} of ${old} artifacts older than six months are neither adopted nor derived from`
      : 'No artifact is older than six months yet',
    evidence: w.lists?.unused ?? [],
  };
}

/** Feedback response time: the median delay to the community's first response. */
function feedbackResponseTime(w: Window): Sign {
  const median = medianOf(w.delays);
  const received = w.figures.received;
  return {
    value: median,
    detail:
      received === 0
        ? 'No feedback received in the window'
        : median === null
          ? `None of ${received} feedback items got a response`
          : `Median over ${w.delays.length} answered of ${received}`,
    evidence: w.lists ? receivedOf(w.slug, w.lists.feedbackOn).map((f) => f.id) : [],
    measures: { daysToFirstResponse: received === 0 ? null : (median ?? Infinity) },
  };
}

/** Feedback closure: the share of received feedback answered. */
function feedbackClosure(w: Window): Sign {
  const received = w.figures.received;
  return {
    value: received ? w.delays.length / received : null,
    detail: received
      ? `${w.delays.length} of ${received} feedback items answered`
      : 'No feedback received in the window',
    evidence: w.lists
      ? receivedOf(w.slug, w.lists.feedbackOn)
          .filter((f) => !answeredBy(f, w.span))
          .map((f) => f.id)
      : [],
  };
}

/** Commons asks back: feedback received plus other communities' answers to this community's needs. */
function commonsAsksBack(w: Window): Sign {
  const { asks, asksInLast6Months } = w.figures;
  return {
    value: asks / w.quarters,
    detail: `${asks} feedback items and need answers over ${round(w.quarters, 1)} quarters`,
    evidence: w.lists
      ? [...receivedOf(w.slug, w.lists.feedbackOn), ...w.lists.needAnswers].map((a) => a.id)
      : [],
    measures: { inLast6Months: asksInLast6Months },
  };
}

/** Translator concentration: the fewest people doing half of the contribution hours. */
function translatorConcentration(w: Window): Sign {
  const hoursByPerson = new Map<string, number>();
  for (const r of w.roles)
    hoursByPerson.set(r.personName, (hoursByPerson.get(r.personName) ?? 0) + r.hoursPerMonth);
  const concentration = fewestForHalf([...hoursByPerson.values()]);
  return {
    value: concentration,
    detail:
      w.roles.length === 0
        ? 'No contribution roles recorded'
        : `${concentration} of ${hoursByPerson.size} people do half of the translation work`,
    evidence: [...hoursByPerson.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, hours]) => `${name}: ${hours} h/month`),
  };
}

/** Resourced work: the share of contribution hours that are resourced. */
function resourcedWork(w: Window): Sign {
  const hours = w.roles.reduce((s, r) => s + r.hoursPerMonth, 0);
  const resourcedHours = w.roles.reduce((s, r) => s + r.resourcedHoursPerMonth, 0);
  return {
    value: hours ? resourcedHours / hours : null,
    detail: hours
      ? `${resourcedHours} of ${hours} hours per month are resourced`
      : 'No contribution hours recorded',
    evidence: w.roles.map(
      (r) => `${r.personName} (${r.role}): ${r.resourcedHoursPerMonth}/${r.hoursPerMonth} h`,
    ),
  };
}

/** Named impact: adoptions of this community's artifacts by others that name their impact. */
function namedImpact(w: Window): Sign {
  const { impacts, impactsInLast6Months } = w.figures;
  return {
    value: impacts / w.quarters,
    detail: `${impacts} adoptions with an impact statement`,
    evidence: w.lists?.impacts.map((a) => a.id) ?? [],
    measures: { inLast6Months: impactsInLast6Months },
  };
}

/** Licence integrity: this community's adaptations that break a source's licence. */
function licenceIntegrity(w: Window): Sign {
  const conflicts = w.conflicts;
  return {
    value: conflicts.length,
    detail: conflicts.length
      ? conflicts.map((x) => `${x.derivativeId} ${x.relation} ${x.sourceId}: ${x.rule}`).join('; ')
      : 'Every adaptation keeps its sources’ licences',
    evidence: conflicts.map((x) => x.derivativeId),
  };
}

/** Human in the loop: AI-assisted artifacts without a named reviewer other than their authors. */
function humanInTheLoop(w: Window): Sign {
  const unreviewed = w.figures.unreviewed;
  return {
    value: unreviewed,
    detail: unreviewed
      ? `${unreviewed} AI-assisted artifacts lack a reviewer other than their authors`
      : 'Every AI-assisted artifact had an independent human reviewer',
    evidence: w.lists?.unreviewed ?? [],
  };
}

/** One computation per row of the vitality table (the type makes a missing one a compile error). */
const SIGNS: Readonly<Record<MetricKey, (w: Window) => Sign>> = {
  flow,
  unusedShare,
  feedbackResponseTime,
  feedbackClosure,
  commonsAsksBack,
  translatorConcentration,
  resourcedWork,
  namedImpact,
  licenceIntegrity,
  humanInTheLoop,
};

/** Each sign judged by its row, on the unrounded value; the value shown is rounded. */
function vitalityMetrics(w: Window): Metric[] {
  return VITALITY_RULES.map((rule) => {
    const { value, detail, evidence, measures } = SIGNS[rule.key](w);
    const state = stateOf(rule, { value, ...measures });
    return {
      key: rule.key,
      label: rule.label,
      unit: rule.unit,
      value: value === null ? null : round(value),
      state,
      detail,
      evidence,
    };
  });
}

/** One community's vitality over a window, from its inputs (either path's). */
export function vitalityOf({ now, earlier, conflicts }: VitalityInputs, span: Span): Vitality {
  const metrics = vitalityMetrics(windowOf(now, now.figures, now.lists, conflicts, span));
  const decaySigns = metrics.filter((m) => m.state === 'DECAY').length;
  // "Held for six months": the same signs were already there in the window six months earlier.
  // A community younger than six months has no earlier window to have decayed in.
  const existed = now.firstPublishedAt !== null && now.firstPublishedAt < addMonths(span.to, -6).getTime();
  const before = vitalityMetrics(windowOf(now, earlier, null, conflicts, sixMonthsBefore(span)));
  const earlierDecay = before.filter((m) => m.state === 'DECAY').length;
  return {
    community: now.slug,
    name: now.name,
    from: span.from,
    to: span.to,
    metrics,
    decaySigns,
    replant: existed && decaySigns >= 3 && earlierDecay >= 3,
  };
}

/** One community's vitality from the data the live path gathered. */
export function computeVitality(
  index: CommonsIndex,
  community: CommunityData,
  from: Date,
  to: Date,
): Vitality {
  return vitalityOf(vitalityInputsOf(index, community, { from, to }), { from, to });
}

/**
 * The ecosystem figures of a report, one definition for both sides: the gateway computes them
 * (CommonsReport) and the steward's CLI renders them from the JSON it receives (ReportDocument).
 */
export type EcosystemFigures = Omit<Commons.CommonsReport, 'from' | 'to' | 'communities'>;

export type CommonsReport = EcosystemFigures & {
  from: Date;
  to: Date;
  communities: Vitality[];
};

/** Code unit `i` of the cell's adopter and origin run together, without building that string. */
const unitOf = (cell: Commons.AdoptionCell, i: number) =>
  i < cell.adopter.length ? cell.adopter.charCodeAt(i) : cell.origin.charCodeAt(i - cell.adopter.length);

/** Adopter and origin run together (as reports have always listed them), then the adopter, as `<` compares strings. */
function compareCells(a: Commons.AdoptionCell, b: Commons.AdoptionCell): number {
  const length = a.adopter.length + a.origin.length;
  const other = b.adopter.length + b.origin.length;
  for (let i = 0; i < Math.min(length, other); i++) {
    const difference = unitOf(a, i) - unitOf(b, i);
    if (difference) return difference;
  }
  return length - other || (a.adopter < b.adopter ? -1 : a.adopter > b.adopter ? 1 : 0);
}

/**
 * In the report's order of cells, compared without building a key: the matrix has tens of
 * thousands of cells, and the index sends them in this order already (the sort then only checks).
 */
const byCell = (cells: readonly Commons.AdoptionCell[]) => cells.slice().sort(compareCells);

/** The whole Commons over a window, from its inputs (either path's). */
export function reportOf(inputs: ReportInputs, span: Span): CommonsReport {
  const communities = inputs.communities.map((c) => vitalityOf(c, span));
  const matrix = byCell(inputs.adoptionMatrix);
  const adopted = matrix.reduce((sum, cell) => sum + cell.count, 0);
  const cross = matrix.reduce((sum, cell) => sum + (cell.adopter === cell.origin ? 0 : cell.count), 0);
  const gives = new Set(inputs.feedbackGivers);
  const reciprocal = inputs.communities
    .filter(({ now }) => gives.has(now.slug) && now.figures.feedback > 0)
    .map(({ now }) => now.slug);
  const months = monthsOf(span.from, span.to);
  return {
    from: span.from,
    to: span.to,
    communities,
    unavailableCommunities: inputs.unavailable,
    danglingLinks: inputs.danglingLinks,
    crossCommunityAdoptionShare: adopted ? round(cross / adopted) : null,
    adoptionMatrix: matrix,
    lineageReach: lineageReach(inputs.lineage.edges, inputs.lineage.sources).slice(0, 10),
    fewestCommunitiesForHalfOfArtifacts: fewestForHalf(
      inputs.communities.map(({ now }) => now.figures.published),
    ),
    reciprocity: inputs.communities.length ? round(reciprocal.length / inputs.communities.length) : null,
    reciprocalCommunities: reciprocal,
    dormantCommunities: communities.filter((v) => v.metrics[0].state === 'DECAY').map((v) => v.community),
    licenceConflicts: inputs.licenceConflicts,
    unansweredNeeds: inputs.unansweredNeeds,
    monthlyFlow: inputs.communities.flatMap(({ now }) =>
      months.map((month) => ({
        community: now.slug,
        month,
        count: now.figures.publishedPerMonth[month] ?? 0,
      })),
    ),
    responseTimes: inputs.communities.flatMap(({ now }) =>
      (now.lists?.feedbackOn ?? []).map((f) => ({
        community: now.slug,
        feedbackId: f.id,
        days: f.firstResponseAt === null ? null : round((f.firstResponseAt - f.givenAt) / DAY, 1),
      })),
    ),
  };
}

/** The whole Commons over a window from the data the live path gathered. */
export function computeReport(
  data: CommunityData[],
  unavailable: string[],
  from: Date,
  to: Date,
): CommonsReport {
  return reportOf(reportInputsOf(new CommonsIndex(data), unavailable, { from, to }), { from, to });
}
