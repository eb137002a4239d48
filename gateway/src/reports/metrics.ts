import { checkAdaptation, groupBy, isAdaptation, parseGlobalId } from '@commons-graph/schema';
import type { CommunityData } from './gather';

/**
 * Signs of life and decay (DESIGN.md, "Vitality"), computed from data gathered once from every
 * node. Pure functions of that data and the window, so tests can check each value by hand.
 */
export type State = 'LIFE' | 'WATCH' | 'DECAY';

export interface Metric {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  state: State;
  detail: string;
  evidence: string[];
}

export interface Vitality {
  community: string;
  name: string;
  from: Date;
  to: Date;
  metrics: Metric[];
  decaySigns: number;
  replant: boolean;
}

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
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
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

function median(values: number[]): number | null {
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

export type LicenceConflict = { derivativeId: string; sourceId: string; relation: string; rule: string; community: string };

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

  /** Adaptation edges whose source's licence does not allow the derivative's (checked once). */
  licenceConflicts(): LicenceConflict[] {
    this.conflicts ??= this.derivations.flatMap((d) => {
      if (!isAdaptation(d.relation)) return [];
      const source = this.artifacts.get(d.sourceId);
      const derivative = this.artifacts.get(d.artifactId);
      if (!source || !derivative) return [];
      const check = checkAdaptation(source.licence.spdx, derivative.licence.spdx);
      return check.allowed ? [] : [{ derivativeId: d.artifactId, sourceId: d.sourceId, relation: d.relation, rule: check.rule, community: d.community }];
    });
    return this.conflicts;
  }
}

function metric(key: string, label: string, unit: string, value: number | null, state: State, detail: string, evidence: string[] = []): Metric {
  return { key, label, unit, value: value === null ? null : round(value), state, detail, evidence };
}

export function computeVitality(index: CommonsIndex, community: CommunityData, from: Date, to: Date): Vitality {
  const metrics = vitalityMetrics(index, community, from, to);
  const decaySigns = metrics.filter((m) => m.state === 'DECAY').length;
  // "Held for six months": the same signs were already there in the window six months earlier.
  // A community younger than six months has no earlier window to have decayed in.
  const existed = community.artifacts.some((a) => at(a.publishedAt) < addMonths(to, -6).getTime());
  const earlier = vitalityMetrics(index, community, addMonths(from, -6), addMonths(to, -6)).filter((m) => m.state === 'DECAY').length;
  return { community: community.slug, name: community.name, from, to, metrics, decaySigns, replant: existed && decaySigns >= 3 && earlier >= 3 };
}

function vitalityMetrics(index: CommonsIndex, c: CommunityData, from: Date, to: Date): Metric[] {
  const published = c.artifacts.filter((a) => at(a.publishedAt) <= to.getTime());
  const months = monthsOf(from, to);
  const sixMonthsBefore = addMonths(to, -6).getTime();

  // Flow: artifacts published per month.
  const windowArtifacts = published.filter((a) => inWindow(a.publishedAt, from, to));
  const perMonth = months.map((m) => windowArtifacts.filter((a) => a.publishedAt.slice(0, 7) === m).length);
  const last3 = perMonth.slice(-3);
  const last2 = perMonth.slice(-2);
  const flowState: State = last3.length === 3 && last3.every((n) => n >= 1) ? 'LIFE' : last2.every((n) => n === 0) ? 'DECAY' : 'WATCH';
  const flow = metric('flow', 'Flow', 'artifacts/month', windowArtifacts.length / months.length, flowState,
    `${months.map((m, i) => `${m}: ${perMonth[i]}`).join(', ')}`, windowArtifacts.map((a) => a.id));

  // Unused share: artifacts older than six months with no adoption or derivation.
  const old = published.filter((a) => at(a.publishedAt) < sixMonthsBefore);
  const unused = old.filter((a) => !((index.firstUse.get(a.id) ?? Infinity) <= to.getTime()));
  const unusedShare = old.length ? unused.length / old.length : null;
  const unusedMetric = metric('unusedShare', 'Unused share', 'share', unusedShare,
    unusedShare === null ? 'WATCH' : unusedShare < 0.5 ? 'LIFE' : unusedShare > 0.8 ? 'DECAY' : 'WATCH',
    unusedShare === null ? 'No artifact is older than six months yet' : `${unused.length} of ${old.length} artifacts older than six months are neither adopted nor derived from`,
    unused.map((a) => a.id));

  // Feedback on this community's artifacts, given in the window, and this community's first responses.
  const received = (index.feedbackOnCommunity.get(c.slug) ?? []).filter((f) => f.community !== c.slug && inWindow(f.givenAt, from, to));
  const responsesTo = groupBy(c.responsesGiven, (r) => r.feedbackId);
  const firstResponse = (feedbackId: string) =>
    (responsesTo.get(feedbackId) ?? []).filter((r) => at(r.respondedAt) <= to.getTime()).map((r) => at(r.respondedAt)).sort((a, b) => a - b)[0];
  const delays = received.flatMap((f) => {
    const first = firstResponse(f.id);
    return first === undefined ? [] : [(first - at(f.givenAt)) / DAY];
  });
  const responseMedian = median(delays);
  const responseTime = metric('feedbackResponseTime', 'Feedback response time', 'days', responseMedian,
    received.length === 0 ? 'WATCH' : responseMedian === null ? 'DECAY' : responseMedian <= 14 ? 'LIFE' : responseMedian > 30 ? 'DECAY' : 'WATCH',
    received.length === 0 ? 'No feedback received in the window' : responseMedian === null ? `None of ${received.length} feedback items got a response` : `Median over ${delays.length} answered of ${received.length}`,
    received.map((f) => f.id));
  const closureValue = received.length ? delays.length / received.length : null;
  const closure = metric('feedbackClosure', 'Feedback closure', 'share', closureValue,
    closureValue === null ? 'WATCH' : closureValue >= 0.8 ? 'LIFE' : closureValue < 0.5 ? 'DECAY' : 'WATCH',
    closureValue === null ? 'No feedback received in the window' : `${delays.length} of ${received.length} feedback items answered`,
    received.filter((f) => firstResponse(f.id) === undefined).map((f) => f.id));

  // Commons asks back: feedback received plus other communities' answers to this community's needs.
  const asks = [
    ...received.map((f) => ({ id: f.id, when: f.givenAt })),
    ...c.needs
      .flatMap((n) => index.answersToNeed.get(n.id) ?? [])
      .filter((a) => a.community !== c.slug && inWindow(a.answeredAt, from, to))
      .map((a) => ({ id: a.id, when: a.answeredAt })),
  ];
  const quarters = Math.max(1, months.length / 3);
  const recentAsks = asks.filter((a) => at(a.when) >= sixMonthsBefore);
  const asksMetric = metric('commonsAsksBack', 'Commons asks back', 'per quarter', asks.length / quarters,
    asks.length / quarters >= 1 ? 'LIFE' : recentAsks.length === 0 ? 'DECAY' : 'WATCH',
    `${asks.length} feedback items and need answers over ${round(quarters, 1)} quarters`, asks.map((a) => a.id));

  // Translator concentration and resourced work, over roles active in the window.
  const roles = c.contributionRoles.filter((r) => r.startsOn <= to.toISOString().slice(0, 10) && (!r.endsOn || r.endsOn >= from.toISOString().slice(0, 10)));
  const hoursByPerson = new Map<string, number>();
  for (const r of roles) hoursByPerson.set(r.personName, (hoursByPerson.get(r.personName) ?? 0) + r.hoursPerMonth);
  const concentration = fewestForHalf([...hoursByPerson.values()]);
  const translators = metric('translatorConcentration', 'Translator concentration', 'people', concentration,
    concentration >= 2 ? 'LIFE' : concentration <= 1 ? 'DECAY' : 'WATCH',
    roles.length === 0 ? 'No contribution roles recorded' : `${concentration} of ${hoursByPerson.size} people do half of the translation work`,
    [...hoursByPerson.entries()].sort((a, b) => b[1] - a[1]).map(([name, hours]) => `${name}: ${hours} h/month`));
  const hours = roles.reduce((s, r) => s + r.hoursPerMonth, 0);
  const resourcedHours = roles.reduce((s, r) => s + r.resourcedHoursPerMonth, 0);
  const resourcedShare = hours ? resourcedHours / hours : null;
  const resourced = metric('resourcedWork', 'Resourced work', 'share', resourcedShare,
    resourcedShare === null ? 'WATCH' : resourcedShare >= 0.5 ? 'LIFE' : resourcedShare === 0 ? 'DECAY' : 'WATCH',
    hours ? `${resourcedHours} of ${hours} hours per month are resourced` : 'No contribution hours recorded',
    roles.map((r) => `${r.personName} (${r.role}): ${r.resourcedHoursPerMonth}/${r.hoursPerMonth} h`));

  // Named impact: adoptions of this community's artifacts that name their impact.
  const impacts = (index.adoptionsOfCommunity.get(c.slug) ?? []).filter((a) => a.community !== c.slug && a.impact?.trim() && inWindow(a.recordedAt, from, to));
  const recentImpacts = impacts.filter((a) => at(a.recordedAt) >= sixMonthsBefore);
  const impact = metric('namedImpact', 'Named impact', 'per quarter', impacts.length / quarters,
    impacts.length / quarters >= 1 ? 'LIFE' : recentImpacts.length === 0 ? 'DECAY' : 'WATCH',
    `${impacts.length} adoptions with an impact statement`, impacts.map((a) => a.id));

  // Licence integrity: this community's adaptations that break a source's licence.
  const conflicts = index.licenceConflicts().filter((x) => x.community === c.slug);
  const integrity = metric('licenceIntegrity', 'Licence integrity', 'conflicts', conflicts.length, conflicts.length === 0 ? 'LIFE' : 'DECAY',
    conflicts.length ? conflicts.map((x) => `${x.derivativeId} ${x.relation} ${x.sourceId}: ${x.rule}`).join('; ') : 'Every adaptation keeps its sources’ licences',
    conflicts.map((x) => x.derivativeId));

  // Human in the loop: AI-assisted artifacts without a named reviewer other than their authors.
  const unreviewed = published.filter((a) => a.provenance.aiAssisted && (!a.provenance.reviewer?.trim() || a.provenance.authors.includes(a.provenance.reviewer.trim())));
  const human = metric('humanInTheLoop', 'Human in the loop', 'artifacts', unreviewed.length, unreviewed.length === 0 ? 'LIFE' : 'DECAY',
    unreviewed.length ? `${unreviewed.length} AI-assisted artifacts lack a reviewer other than their authors` : 'Every AI-assisted artifact had an independent human reviewer',
    unreviewed.map((a) => a.id));

  return [flow, unusedMetric, responseTime, closure, asksMetric, translators, resourced, impact, integrity, human];
}

export interface CommonsReport {
  from: Date;
  to: Date;
  communities: Vitality[];
  unavailableCommunities: string[];
  crossCommunityAdoptionShare: number | null;
  adoptionMatrix: Array<{ adopter: string; origin: string; count: number }>;
  lineageReach: Array<{ artifactId: string; title: string; communitiesReached: number; artifactsReached: number }>;
  fewestCommunitiesForHalfOfArtifacts: number;
  reciprocity: number | null;
  reciprocalCommunities: string[];
  dormantCommunities: string[];
  licenceConflicts: LicenceConflict[];
  unansweredNeeds: Array<{ id: string; title: string; community: string; postedAt: string }>;
  monthlyFlow: Array<{ community: string; month: string; count: number }>;
  responseTimes: Array<{ community: string; feedbackId: string; days: number | null }>;
}

/** The whole Commons over a window: each community's vitality and the ecosystem figures. */
export function computeReport(data: CommunityData[], unavailable: string[], from: Date, to: Date): CommonsReport {
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
  const children = new Map([...groupBy(index.derivations, (d) => d.sourceId)].map(([source, links]) => [source, links.map((d) => d.artifactId)]));
  const reach = [...index.artifacts.values()].filter((artifact) => children.has(artifact.id)).map((artifact) => {
    const seen = new Set<string>([artifact.id]);
    const queue = [artifact.id];
    for (let next = 0; next < queue.length; next++) {
      for (const child of children.get(queue[next]) ?? []) if (!seen.has(child)) seen.add(child), queue.push(child);
    }
    const others = new Set([...seen].map(slugOf).filter((s) => s !== slugOf(artifact.id)));
    return { artifactId: artifact.id, title: artifact.title, communitiesReached: others.size, artifactsReached: seen.size - 1 };
  }).filter((r) => r.artifactsReached > 0).sort((a, b) => b.communitiesReached - a.communitiesReached || b.artifactsReached - a.artifactsReached || (a.artifactId < b.artifactId ? -1 : 1));

  const gives = new Set(index.feedback.filter((f) => inWindow(f.givenAt, from, to)).map((f) => f.community));
  const receives = new Set(index.feedback.filter((f) => inWindow(f.givenAt, from, to)).map((f) => slugOf(f.artifactId)));
  const reciprocal = data.map((c) => c.slug).filter((s) => gives.has(s) && receives.has(s));
  const answered = new Set(index.answers.map((a) => a.needId));

  return {
    from,
    to,
    communities,
    unavailableCommunities: unavailable,
    crossCommunityAdoptionShare: adoptions.length ? round(cross.length / adoptions.length) : null,
    adoptionMatrix: [...matrix].map(([key, count]) => {
      const [adopter, origin] = key.split('\u0000');
      return { adopter, origin, count };
    }).sort((a, b) => (a.adopter + a.origin < b.adopter + b.origin ? -1 : 1)),
    lineageReach: reach.slice(0, 10),
    fewestCommunitiesForHalfOfArtifacts: fewestForHalf(data.map((c) => c.artifacts.filter((a) => inWindow(a.publishedAt, from, to)).length)),
    reciprocity: data.length ? round(reciprocal.length / data.length) : null,
    reciprocalCommunities: reciprocal,
    dormantCommunities: communities.filter((v) => v.metrics[0].state === 'DECAY').map((v) => v.community),
    licenceConflicts: index.licenceConflicts(),
    unansweredNeeds: data.flatMap((c) => c.needs.filter((n) => n.status === 'OPEN' && !answered.has(n.id)).map((n) => ({ id: n.id, title: n.title, community: c.slug, postedAt: n.postedAt }))),
    monthlyFlow: data.flatMap((c) => monthsOf(from, to).map((month) => ({ community: c.slug, month, count: c.artifacts.filter((a) => a.publishedAt.slice(0, 7) === month && inWindow(a.publishedAt, from, to)).length }))),
    responseTimes: data.flatMap((c) => {
      const responsesTo = groupBy(c.responsesGiven, (r) => r.feedbackId);
      return (index.feedbackOnCommunity.get(c.slug) ?? []).filter((f) => inWindow(f.givenAt, from, to)).map((f) => {
        const first = (responsesTo.get(f.id) ?? []).map((r) => at(r.respondedAt)).sort((a, b) => a - b)[0];
        return { community: c.slug, feedbackId: f.id, days: first === undefined ? null : round((first - at(f.givenAt)) / DAY, 1) };
      });
    }),
  };
}
