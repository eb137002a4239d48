import { groupBy, parseGlobalId } from '@commons-graph/schema';
import { addMonths, at, inSpan, memo, monthOf, sixMonthsBefore, type Span } from './calendar';
import { hasText } from './blank';
import { danglingLinks } from './dangling';
import { figuresOf, withFigures } from './figures';
import type { CommunityData } from './gather';
import type { FeedbackOn, ReportInputs, SignInputs, VitalityInputs } from './inputs';
import { licenceConflicts } from './licence-conflicts';

/**
 * The report's inputs (inputs.ts) from the data the live path gathers from every node, in JS: the
 * reference the index's SQL is compared with.
 */
const slugOf = memo((id) => parseGlobalId(id)?.community ?? '');

/**
 * Everything the Commons knows, indexed once: each community's inputs read only its own slices,
 * so a report over N communities costs about N times one community, not N².
 */
export class CommonsIndex {
  readonly artifacts = new Map<string, CommunityData['artifacts'][number]>();
  readonly adoptions: CommunityData['adoptionsGiven'] = [];
  readonly feedback: CommunityData['feedbackGiven'] = [];
  readonly derivations: Array<CommunityData['derivations'][number] & { community: string }> = [];
  readonly answers: Array<CommunityData['needAnswersGiven'][number] & { community: string }> = [];
  /** Adoptions and feedback by the community whose artifact they are about. */
  readonly adoptionsOfCommunity: Map<string, CommunityData['adoptionsGiven']>;
  readonly feedbackOnCommunity: Map<string, CommunityData['feedbackGiven']>;
  readonly answersToNeed: Map<string, CommonsIndex['answers']>;
  /** When an artifact was first adopted or derived from (ms), for "unused" at any date. */
  readonly firstUse = new Map<string, number>();
  private readonly firstResponses = new WeakMap<CommunityData, Map<string, number>>();

  constructor(readonly communities: CommunityData[]) {
    for (const c of communities) {
      for (const a of c.artifacts) this.artifacts.set(a.id, a);
      this.adoptions.push(...c.adoptionsGiven);
      this.feedback.push(...c.feedbackGiven);
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

  /** When the community first responded to each feedback item (ms), computed once. */
  firstResponsesOf(community: CommunityData): ReadonlyMap<string, number> {
    let first = this.firstResponses.get(community);
    if (!first) {
      this.firstResponses.set(community, (first = new Map()));
      for (const r of community.responsesGiven)
        first.set(r.feedbackId, Math.min(at(r.respondedAt), first.get(r.feedbackId) ?? Infinity));
    }
    return first;
  }

  /** Every held derivation's licences, for the licence check. */
  private conflicts?: ReturnType<typeof licenceConflicts>;
  licenceConflicts() {
    this.conflicts ??= licenceConflicts(
      this.derivations.flatMap((d) => {
        const source = this.artifacts.get(d.sourceId);
        const derivative = this.artifacts.get(d.artifactId);
        if (!source || !derivative) return [];
        return [
          {
            derivativeId: d.artifactId,
            sourceId: d.sourceId,
            relation: d.relation,
            community: d.community,
            sourceLicence: source.licence.spdx,
            derivativeLicence: derivative.licence.spdx,
          },
        ];
      }),
    );
    return this.conflicts;
  }
}

/** One community over one window, from the gathered data. */
export function signInputsOf(index: CommonsIndex, c: CommunityData, span: Span): SignInputs {
  const end = span.to.getTime();
  const sixBefore = addMonths(span.to, -6).getTime();
  const published = c.artifacts.filter((a) => at(a.publishedAt) <= end);
  const inWindow = published.filter((a) => inSpan(at(a.publishedAt), span));
  const publishedPerMonth: Record<string, number> = {};
  for (const a of inWindow)
    publishedPerMonth[monthOf(a.publishedAt)] = (publishedPerMonth[monthOf(a.publishedAt)] ?? 0) + 1;
  const old = published.filter((a) => at(a.publishedAt) < sixBefore);
  const firstResponses = index.firstResponsesOf(c);
  const feedbackOn: FeedbackOn[] = (index.feedbackOnCommunity.get(c.slug) ?? [])
    .filter((f) => inSpan(at(f.givenAt), span))
    .map((f) => ({
      id: f.id,
      community: f.community,
      givenAt: at(f.givenAt),
      firstResponseAt: firstResponses.get(f.id) ?? null,
    }));
  const firstPublished = c.artifacts.reduce((first, a) => Math.min(first, at(a.publishedAt)), Infinity);
  return {
    slug: c.slug,
    name: c.name,
    publishedPerMonth,
    windowArtifacts: inWindow.map((a) => a.id),
    old: old.length,
    unused: old.filter((a) => !((index.firstUse.get(a.id) ?? Infinity) <= end)).map((a) => a.id),
    feedbackOn,
    needAnswers: c.needs
      .flatMap((n) => index.answersToNeed.get(n.id) ?? [])
      .filter((a) => a.community !== c.slug && inSpan(at(a.answeredAt), span))
      .map((a) => ({ id: a.id, at: at(a.answeredAt) })),
    impacts: (index.adoptionsOfCommunity.get(c.slug) ?? [])
      .filter((a) => a.community !== c.slug && hasText(a.impact) && inSpan(at(a.recordedAt), span))
      .map((a) => ({ id: a.id, at: at(a.recordedAt) })),
    roles: c.contributionRoles,
    unreviewed: published
      .filter(
        ({ provenance: p }) =>
          p.aiAssisted && (!hasText(p.reviewer) || p.authors.includes(p.reviewer.trim())),
      )
      .map((a) => a.id),
    firstPublishedAt: c.artifacts.length ? firstPublished : null,
  };
}

export function vitalityInputsOf(index: CommonsIndex, c: CommunityData, span: Span): VitalityInputs {
  return {
    now: withFigures(signInputsOf(index, c, span), span),
    earlier: figuresOf(signInputsOf(index, c, sixMonthsBefore(span)), sixMonthsBefore(span)),
    conflicts: index.licenceConflicts().filter((x) => x.community === c.slug),
  };
}

/** The whole Commons over a window, from every community gathered. */
export function reportInputsOf(index: CommonsIndex, unavailable: string[], span: Span): ReportInputs {
  const data = index.communities;
  const matrix = new Map<string, number>();
  for (const a of index.adoptions) {
    if (!inSpan(at(a.recordedAt), span)) continue;
    const key = `${a.community}\u0000${slugOf(a.artifactId)}`;
    matrix.set(key, (matrix.get(key) ?? 0) + 1);
  }
  const sources: Record<string, string> = {};
  for (const d of index.derivations) {
    const source = index.artifacts.get(d.sourceId);
    if (source) sources[source.id] = source.title;
  }
  const answered = new Set(index.answers.map((a) => a.needId));
  return {
    communities: data.map((c) => vitalityInputsOf(index, c, span)),
    unavailable,
    adoptionMatrix: [...matrix]
      .map(([key, count]) => {
        const [adopter, origin] = key.split('\u0000');
        return { adopter, origin, count };
      })
      .sort((a, b) => (a.adopter + a.origin < b.adopter + b.origin ? -1 : 1)),
    lineage: {
      edges: index.derivations.map((d) => ({ sourceId: d.sourceId, artifactId: d.artifactId })),
      sources,
    },
    feedbackGivers: [
      ...new Set(index.feedback.filter((f) => inSpan(at(f.givenAt), span)).map((f) => f.community)),
    ],
    licenceConflicts: index.licenceConflicts(),
    unansweredNeeds: data.flatMap((c) =>
      c.needs
        .filter((n) => n.status === 'OPEN' && !answered.has(n.id))
        .map((n) => ({ id: n.id, title: n.title, community: c.slug, postedAt: n.postedAt })),
    ),
    danglingLinks: danglingLinks(data, unavailable),
  };
}
