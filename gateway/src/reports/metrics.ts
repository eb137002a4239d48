import { checkAdaptation, groupBy, isAdaptation, parseGlobalId, type Commons } from '@commons-graph/schema';
import { danglingLinks } from './dangling';
import type { CommunityData } from './gather';
import { stateOf, VITALITY_RULES, type Measures, type MetricKey } from './vitality-rules';

/**
 * Signs of life and decay (DESIGN.md, "Vitality"), computed from data gathered once from every
 * node. Pure functions of that data and the window, so tests can check each value by hand; the
 * thresholds that judge them are data (vitality-rules.ts).
 */
export type { State } from './vitality-rules';

/** What the resolvers return, typed by schema/commons.graphql (generated), dates still as Dates. */
export type Metric = Commons.VitalityMetric;

/** The Commons type's community is resolved from these two by the `Vitality.community` resolver. */
export type Vitality = Omit<Commons.Vitality, 'community' | 'from' | 'to'> & {
  community: string;
  name: string;
  from: Date;
  to: Date;
};

const DAY = 86_400_000;
/**
 * Memoised: a report reads the same few thousand timestamps and ids many times over (each
 * community's metrics twice, and every figure); parsing them was most of a report's CPU.
 */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= 50_000) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}
const at = memo((iso) => Date.parse(iso));
const slugOf = memo((id) => parseGlobalId(id)?.community ?? '');
const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/** The same day and time `months` later, clamped to the month's last day (Oct 31 − 6 = Apr 30). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  return target;
}

/** Calendar months (YYYY-MM, UTC) that the window touches. */
export function monthsOf(from: Date, to: Date): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (cursor.getTime() <= to.getTime()) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

const inWindow = (iso: string, from: Date, to: Date) => at(iso) >= from.getTime() && at(iso) <= to.getTime();

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

export type LicenceConflict = Commons.LicenceConflict;

/**
 * Everything the Commons knows, indexed once for the metrics: each community's vitality reads only
 * its own slices, so a report over N communities costs about N times one community, not N².
 */
export class CommonsIndex {
  readonly artifacts = new Map<string, CommunityData['artifacts'][number]>();
  readonly adoptions: CommunityData['adoptionsGiven'] = [];
  readonly feedback: CommunityData['feedbackGiven'] = [];
  readonly responses: Array<CommunityData['responsesGiven'][number] & { community: string }> = [];
  readonly derivations: Array<CommunityData['derivations'][number] & { community: string }> = [];
  readonly answers: Array<CommunityData['needAnswersGiven'][number] & { community: string }> = [];
  /** Adoptions and feedback by the community whose artifact they are about. */
  readonly adoptionsOfCommunity: Map<string, CommunityData['adoptionsGiven']>;
  readonly feedbackOnCommunity: Map<string, CommunityData['feedbackGiven']>;
  readonly answersToNeed: Map<string, CommonsIndex['answers']>;
  /** When an artifact was first adopted or derived from (ms), for "unused" at any date. */
  readonly firstUse = new Map<string, number>();
  private readonly firstResponses = new WeakMap<CommunityData, Map<string, number>>();
  private conflicts?: LicenceConflict[];

  constructor(readonly communities: CommunityData[]) {
    for (const c of communities) {
      for (const a of c.artifacts) this.artifacts.set(a.id, a);
      this.adoptions.push(...c.adoptionsGiven);
      this.feedback.push(...c.feedbackGiven);
      this.responses.push(...c.responsesGiven.map((r) => ({ ...r, community: c.slug })));
      this.derivations.push(...c.derivations.map((d) => ({ ...d, community: c.slug })));
      this.answers.push(...c.needAnswersGiven.map((a) => ({ ...a, community: c.slug })));
    }
    this.adoptionsOfCommunity = groupBy(this.adoptions, (a) => slugOf(a.artifactId));
    this.feedbackOnCommunity = groupBy(this.feedback, (f) => slugOf(f.artifactId));
    this.answersToNeed = groupBy(this.answers, (a) => a.needId);
    const uses = [
      ...this.adoptions.map((a) => [a.artifactId, at(a.recordedAt)] as const),
      ...this.derivations.map((d) => [d.sourceId, at(d.assertedAt)] as const),
    ];
    for (const [id, when] of uses) this.firstUse.set(id, Math.min(when, this.firstUse.get(id) ?? Infinity));
  }

  /** When the community first responded to each feedback item (ms): read by vitality and the report, computed once. */
  firstResponsesOf(community: CommunityData): ReadonlyMap<string, number> {
    let first = this.firstResponses.get(community);
    if (!first) {
      this.firstResponses.set(community, (first = new Map()));
      for (const r of community.responsesGiven)
        first.set(r.feedbackId, Math.min(at(r.respondedAt), first.get(r.feedbackId) ?? Infinity));
    }
    return first;
  }

  /** Adaptation edges whose source's licence does not allow the derivative's (checked once). */
  licenceConflicts(): LicenceConflict[] {
    this.conflicts ??= this.derivations.flatMap((d) => {
      if (!isAdaptation(d.relation)) return [];
      const source = this.artifacts.get(d.sourceId);
      const derivative = this.artifacts.get(d.artifactId);
      if (!source || !derivative) return [];
      const check = checkAdaptation(source.licence.spdx, derivative.licence.spdx);
      return check.allowed
        ? []
        : [
            {
              derivativeId: d.artifactId,
              sourceId: d.sourceId,
              relation: d.relation,
              rule: check.rule,
              community: d.community,
            },
          ];
    });
    return this.conflicts;
  }
}

/** What a sign's computation gives: its value, a sentence, the evidence, and what its rules read. */
interface Sign {
  value: number | null;
  detail: string;
  evidence: string[];
  /** Figures the rules read beside the value (vitality-rules.ts); the value itself is always one. */
  measures?: Measures;
}

/** What every sign of one community over one window reads, computed once for all of them. */
interface Window {
  index: CommonsIndex;
  community: CommunityData;
  from: Date;
  to: Date;
  months: string[];
  quarters: number;
  sixMonthsBefore: number;
  /** The community's artifacts published by the window's end. */
  published: CommunityData['artifacts'];
  /** Feedback from other communities on its artifacts, given in the window. */
  received: CommunityData['feedbackGiven'];
  /** Days from each answered item to the community's first response by the window's end. */
  delays: number[];
  /** Received items without a response by the window's end. */
  unanswered: CommunityData['feedbackGiven'];
  /** Contribution roles active in the window. */
  roles: CommunityData['contributionRoles'];
}

function windowOf(index: CommonsIndex, c: CommunityData, from: Date, to: Date): Window {
  const months = monthsOf(from, to);
  const received = (index.feedbackOnCommunity.get(c.slug) ?? []).filter(
    (f) => f.community !== c.slug && inWindow(f.givenAt, from, to),
  );
  const firstResponses = index.firstResponsesOf(c);
  const delays: number[] = [];
  const unanswered: CommunityData['feedbackGiven'] = [];
  for (const f of received) {
    const first = firstResponses.get(f.id);
    if (first !== undefined && first <= to.getTime()) delays.push((first - at(f.givenAt)) / DAY);
    else unanswered.push(f);
  }
  const fromDay = from.toISOString().slice(0, 10);
  const toDay = to.toISOString().slice(0, 10);
  return {
    index,
    community: c,
    from,
    to,
    months,
    received,
    delays,
    unanswered,
    quarters: Math.max(1, months.length / 3),
    sixMonthsBefore: addMonths(to, -6).getTime(),
    published: c.artifacts.filter((a) => at(a.publishedAt) <= to.getTime()),
    roles: c.contributionRoles.filter((r) => r.startsOn <= toDay && (!r.endsOn || r.endsOn >= fromDay)),
  };
}

/** Flow: artifacts published per month. */
function flow(w: Window): Sign {
  const windowArtifacts = w.published.filter((a) => inWindow(a.publishedAt, w.from, w.to));
  const perMonth = w.months.map((m) => windowArtifacts.filter((a) => a.publishedAt.slice(0, 7) === m).length);
  const last3 = perMonth.slice(-3);
  return {
    value: windowArtifacts.length / w.months.length,
    detail: `${w.months.map((m, i) => `${m}: ${perMonth[i]}`).join(', ')}`,
    evidence: windowArtifacts.map((a) => a.id),
    measures: {
      fewestInLast3Months: last3.length === 3 ? Math.min(...last3) : null,
      mostInLast2Months: Math.max(...perMonth.slice(-2)),
    },
  };
}

/** Unused share: artifacts older than six months with no adoption or derivation. */
function unusedShare(w: Window): Sign {
  const old = w.published.filter((a) => at(a.publishedAt) < w.sixMonthsBefore);
  const unused = old.filter((a) => !((w.index.firstUse.get(a.id) ?? Infinity) <= w.to.getTime()));
  return {
    value: old.length ? unused.length / old.length : null,
    detail: old.length
      ? `${unused.length} of ${old.length} artifacts older than six months are neither adopted nor derived from`
      : 'No artifact is older than six months yet',
    evidence: unused.map((a) => a.id),
  };
}

/** Feedback response time: the median delay to the community's first response. */
function feedbackResponseTime(w: Window): Sign {
  const median = medianOf(w.delays);
  const received = w.received.length;
  return {
    value: median,
    detail:
      received === 0
        ? 'No feedback received in the window'
        : median === null
          ? `None of ${received} feedback items got a response`
          : `Median over ${w.delays.length} answered of ${received}`,
    evidence: w.received.map((f) => f.id),
    measures: { daysToFirstResponse: received === 0 ? null : (median ?? Infinity) },
  };
}

/** Feedback closure: the share of received feedback answered. */
function feedbackClosure(w: Window): Sign {
  const received = w.received.length;
  return {
    value: received ? w.delays.length / received : null,
    detail: received
      ? `${w.delays.length} of ${received} feedback items answered`
      : 'No feedback received in the window',
    evidence: w.unanswered.map((f) => f.id),
  };
}

/** Commons asks back: feedback received plus other communities' answers to this community's needs. */
function commonsAsksBack(w: Window): Sign {
  const slug = w.community.slug;
  const asks = [
    ...w.received.map((f) => ({ id: f.id, when: f.givenAt })),
    ...w.community.needs
      .flatMap((n) => w.index.answersToNeed.get(n.id) ?? [])
      .filter((a) => a.community !== slug && inWindow(a.answeredAt, w.from, w.to))
      .map((a) => ({ id: a.id, when: a.answeredAt })),
  ];
  return {
    value: asks.length / w.quarters,
    detail: `${asks.length} feedback items and need answers over ${round(w.quarters, 1)} quarters`,
    evidence: asks.map((a) => a.id),
    measures: { inLast6Months: asks.filter((a) => at(a.when) >= w.sixMonthsBefore).length },
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
  const slug = w.community.slug;
  const impacts = (w.index.adoptionsOfCommunity.get(slug) ?? []).filter(
    (a) => a.community !== slug && a.impact?.trim() && inWindow(a.recordedAt, w.from, w.to),
  );
  return {
    value: impacts.length / w.quarters,
    detail: `${impacts.length} adoptions with an impact statement`,
    evidence: impacts.map((a) => a.id),
    measures: { inLast6Months: impacts.filter((a) => at(a.recordedAt) >= w.sixMonthsBefore).length },
  };
}

/** Licence integrity: this community's adaptations that break a source's licence. */
function licenceIntegrity(w: Window): Sign {
  const conflicts = w.index.licenceConflicts().filter((x) => x.community === w.community.slug);
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
  const unreviewed = w.published.filter(
    (a) =>
      a.provenance.aiAssisted &&
      (!a.provenance.reviewer?.trim() || a.provenance.authors.includes(a.provenance.reviewer.trim())),
  );
  return {
    value: unreviewed.length,
    detail: unreviewed.length
      ? `${unreviewed.length} AI-assisted artifacts lack a reviewer other than their authors`
      : 'Every AI-assisted artifact had an independent human reviewer',
    evidence: unreviewed.map((a) => a.id),
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

export function computeVitality(
  index: CommonsIndex,
  community: CommunityData,
  from: Date,
  to: Date,
): Vitality {
  const metrics = vitalityMetrics(index, community, from, to);
  const decaySigns = metrics.filter((m) => m.state === 'DECAY').length;
  // "Held for six months": the same signs were already there in the window six months earlier.
  // A community younger than six months has no earlier window to have decayed in.
  const existed = community.artifacts.some((a) => at(a.publishedAt) < addMonths(to, -6).getTime());
  const earlier = vitalityMetrics(index, community, addMonths(from, -6), addMonths(to, -6)).filter(
    (m) => m.state === 'DECAY',
  ).length;
  return {
    community: community.slug,
    name: community.name,
    from,
    to,
    metrics,
    decaySigns,
    replant: existed && decaySigns >= 3 && earlier >= 3,
  };
}

/** Each sign judged by its row, on the unrounded value; the value shown is rounded. */
function vitalityMetrics(index: CommonsIndex, c: CommunityData, from: Date, to: Date): Metric[] {
  const w = windowOf(index, c, from, to);
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

/** The whole Commons over a window: each community's vitality and the ecosystem figures. */
export function computeReport(
  data: CommunityData[],
  unavailable: string[],
  from: Date,
  to: Date,
): CommonsReport {
  const index = new CommonsIndex(data);
  const communities = data.map((c) => computeVitality(index, c, from, to));
  const adoptions = index.adoptions.filter((a) => inWindow(a.recordedAt, from, to));
  const cross = adoptions.filter((a) => slugOf(a.artifactId) !== a.community);
  const matrix = new Map<string, number>();
  for (const a of adoptions) {
    const key = `${a.community}\u0000${slugOf(a.artifactId)}`;
    matrix.set(key, (matrix.get(key) ?? 0) + 1);
  }

  // Lineage reach: how many artifacts and other communities each artifact's derivatives reach.
  const children = new Map(
    [...groupBy(index.derivations, (d) => d.sourceId)].map(([source, links]) => [
      source,
      links.map((d) => d.artifactId),
    ]),
  );
  const reach = [...index.artifacts.values()]
    .filter((artifact) => children.has(artifact.id))
    .map((artifact) => {
      const seen = new Set<string>([artifact.id]);
      const queue = [artifact.id];
      for (let next = 0; next < queue.length; next++) {
        for (const child of children.get(queue[next]) ?? []) {
          if (!seen.has(child)) {
            seen.add(child);
            queue.push(child);
          }
        }
      }
      const others = new Set([...seen].map(slugOf).filter((s) => s !== slugOf(artifact.id)));
      return {
        artifactId: artifact.id,
        title: artifact.title,
        communitiesReached: others.size,
        artifactsReached: seen.size - 1,
      };
    })
    .filter((r) => r.artifactsReached > 0)
    .sort(
      (a, b) =>
        b.communitiesReached - a.communitiesReached ||
        b.artifactsReached - a.artifactsReached ||
        (a.artifactId < b.artifactId ? -1 : 1),
    );

  const gives = new Set(index.feedback.filter((f) => inWindow(f.givenAt, from, to)).map((f) => f.community));
  const receives = new Set(
    index.feedback.filter((f) => inWindow(f.givenAt, from, to)).map((f) => slugOf(f.artifactId)),
  );
  const reciprocal = data.map((c) => c.slug).filter((s) => gives.has(s) && receives.has(s));
  const answered = new Set(index.answers.map((a) => a.needId));

  return {
    from,
    to,
    communities,
    unavailableCommunities: unavailable,
    danglingLinks: danglingLinks(data, unavailable),
    crossCommunityAdoptionShare: adoptions.length ? round(cross.length / adoptions.length) : null,
    adoptionMatrix: [...matrix]
      .map(([key, count]) => {
        const [adopter, origin] = key.split('\u0000');
        return { adopter, origin, count };
      })
      .sort((a, b) => (a.adopter + a.origin < b.adopter + b.origin ? -1 : 1)),
    lineageReach: reach.slice(0, 10),
    fewestCommunitiesForHalfOfArtifacts: fewestForHalf(
      data.map((c) => c.artifacts.filter((a) => inWindow(a.publishedAt, from, to)).length),
    ),
    reciprocity: data.length ? round(reciprocal.length / data.length) : null,
    reciprocalCommunities: reciprocal,
    dormantCommunities: communities.filter((v) => v.metrics[0].state === 'DECAY').map((v) => v.community),
    licenceConflicts: index.licenceConflicts(),
    unansweredNeeds: data.flatMap((c) =>
      c.needs
        .filter((n) => n.status === 'OPEN' && !answered.has(n.id))
        .map((n) => ({ id: n.id, title: n.title, community: c.slug, postedAt: n.postedAt })),
    ),
    monthlyFlow: data.flatMap((c) =>
      monthsOf(from, to).map((month) => ({
        community: c.slug,
        month,
        count: c.artifacts.filter(
          (a) => a.publishedAt.slice(0, 7) === month && inWindow(a.publishedAt, from, to),
        ).length,
      })),
    ),
    responseTimes: data.flatMap((c) =>
      (index.feedbackOnCommunity.get(c.slug) ?? [])
        .filter((f) => inWindow(f.givenAt, from, to))
        .map((f) => {
          const first = index.firstResponsesOf(c).get(f.id);
          return {
            community: c.slug,
            feedbackId: f.id,
            days: first === undefined ? null : round((first - at(f.givenAt)) / DAY, 1),
          };
        }),
    ),
  };
}
