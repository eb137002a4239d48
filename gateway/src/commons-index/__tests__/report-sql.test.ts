import { openTestIndex, type TestIndex } from '@commons-graph/testing';
import fc from 'fast-check';
import type { Span } from '../../reports/calendar';
import { CommonsIndex as Gathered, reportInputsOf, vitalityInputsOf } from '../../reports/live-inputs';
import type { ReportInputs } from '../../reports/inputs';
import { reportOf, type CommonsReport } from '../../reports/metrics';
import { CommonsIndex, type IndexChange } from '../CommonsIndex';
import { indexGather } from '../reads/gather';
import { indexReport, indexVitality } from '../reads/report';

/**
 * The report's inputs aggregated in SQL equal those the live path computes in JS, on the same
 * data: random Commons written straight into the index (dates on and around the windows' bounds,
 * other time zones, sub-millisecond times that tie with others or pass a bound by less than a
 * millisecond, blank reviewers and impacts, links to nothing, a community never synced), read
 * both ways for windows that cut through it, the report computed from each; from the index also
 * without the lists (the figures alone) and the dangling links, as for a query that shows none.
 */
const SEED = Number(process.env.FC_SEED ?? 20261217);
const RUNS = Number(process.env.FC_RUNS ?? 12);

/** Gathered in this order; `r-gone` is followed but never synced, `r-never` not even followed. */
const SYNCED = ['r-b', 'r-a', 'r-c'];
const PARTICIPANTS = ['r-b', 'r-a', 'r-gone', 'r-c', 'r-never'];

const TIMES = [
  '2025-03-01T00:00:00.000Z',
  '2025-06-30T23:59:59.999Z',
  '2025-07-01T00:00:00.000Z',
  '2025-10-15T08:00:00.000+02:00',
  '2025-12-31T23:59:59.999Z',
  '2026-01-01T00:00:00.000Z',
  '2026-01-31T23:30:00.000-02:00',
  '2026-02-14T10:00:00.000Z',
  // Within the same millisecond as the time above: JavaScript and the index keep the millisecond.
  '2026-02-14T10:00:00.000900Z',
  '2026-02-14T10:00:00.000400+00:00',
  '2026-03-31T00:00:00.000Z',
  '2026-04-30T23:59:59.999Z',
  '2026-06-30T23:59:59.999Z',
  // Less than a millisecond after the end of the first window: still in it, to the millisecond.
  '2026-06-30T23:59:59.999600Z',
  '2026-07-01T00:00:00.000Z',
  '2026-09-01T00:00:00.000Z',
];
const span = (from: string, to: string): Span => ({ from: new Date(from), to: new Date(to) });
const WINDOWS = [
  span(TIMES[5], TIMES[12]), // 2026's first half, to the last millisecond
  span(TIMES[2], TIMES[15]), // a year and more, bounds on data
  span(TIMES[0], TIMES[4]), // 2025 only
  span(TIMES[7], TIMES[11]), // from a publication's very instant
  span('2020-01-01T00:00:00.000Z', '2020-02-01T00:00:00.000Z'), // nothing in it
];

const LICENCES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-ND-4.0', 'CC0-1.0'];
const REVIEWERS = [null, '', '  ', 'Rosa', ' Rosa\u00a0', 'Ana', '\u3000', 'Li\u2028'];
const AUTHORS = [['Rosa'], ['Ana', 'Rosa'], []];
const IMPACTS = [null, '', ' \t', '\ufeff', 'Less work', ' Fewer trials '];
/** Targets beyond the artifacts: of a community never synced, of nobody, missing, and ids that are none. */
const STRANGERS = [
  'r-gone:x',
  'r-z:nothing',
  'r-a:missing',
  'not-global',
  'R-A:x',
  'r-a:.x',
  'r-a:a:b',
  '-r:x',
  'r-:x',
  'r-a:',
  ':x',
  'r-a:x\n',
  `${'r'.repeat(65)}:x`,
  `r-a:${'x'.repeat(129)}`,
];

const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
const nat = fc.nat({ max: 1000 });
const links = (fields: number) =>
  fc.array(fc.array(nat, { minLength: fields, maxLength: fields }), { maxLength: 14 });
const commons = fc.record({
  artifacts: fc.array(fc.array(nat, { minLength: 6, maxLength: 6 }), { maxLength: 16 }),
  adoptions: links(4),
  feedback: links(3),
  responses: links(3),
  derivations: links(5),
  needs: links(3),
  answers: links(4),
  roles: links(6),
  named: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
});
type Plan = typeof commons extends fc.Arbitrary<infer T> ? T : never;

/** The plan as each community's changes, as its feed would carry them. */
function changesOf(plan: Plan): Map<string, IndexChange[]> {
  const out = new Map(SYNCED.map((slug) => [slug, [] as IndexChange[]]));
  let seq = 0;
  const put = (slug: string, kind: string, member: Record<string, unknown>) =>
    out.get(slug)!.push({ kind, entityId: String(member.id ?? member.slug), seq: ++seq, member });
  const artifacts: string[] = [];
  plan.artifacts.forEach(([c, t, l, ai, r, a], i) => {
    const slug = pick(SYNCED, c);
    const id = `${slug}:art-${i}`;
    artifacts.push(id);
    put(slug, 'ARTIFACT', {
      id,
      community: slug,
      title: `Artifact ${i}`,
      status: i % 5 ? 'PUBLISHED' : 'RETIRED',
      kind: 'PLAYBOOK',
      tags: [],
      licence: { spdx: pick(LICENCES, l) },
      provenance: { authors: pick(AUTHORS, a), aiAssisted: ai % 2 === 0, reviewer: pick(REVIEWERS, r) },
      publishedAt: pick(TIMES, t),
      updatedAt: pick(TIMES, t),
    });
  });
  const targets = [...artifacts, ...STRANGERS];
  plan.adoptions.forEach(([c, x, t, m], i) => {
    const slug = pick(SYNCED, c);
    put(slug, 'ADOPTION', {
      id: `${slug}:ad-${i}`,
      artifactId: pick(targets, x),
      community: slug,
      status: 'ADOPTED',
      impact: pick(IMPACTS, m),
      recordedAt: pick(TIMES, t),
    });
  });
  const feedback: Array<{ id: string; artifactId: string }> = [];
  plan.feedback.forEach(([c, x, t], i) => {
    const slug = pick(SYNCED, c);
    const item = { id: `${slug}:fb-${i}`, artifactId: pick(targets, x) };
    feedback.push(item);
    put(slug, 'FEEDBACK', { ...item, community: slug, kind: 'GAP', givenAt: pick(TIMES, t) });
  });
  plan.responses.forEach(([f, t, other], i) => {
    if (!feedback.length) return;
    const item = pick(feedback, f);
    // Mostly the origin answers; now and then another community does (which counts for nothing).
    const origin = other % 4 ? item.artifactId.split(':')[0] : pick(SYNCED, other);
    if (!SYNCED.includes(origin)) return;
    put(origin, 'RESPONSE', {
      id: `${origin}:rs-${i}`,
      feedbackId: item.id,
      artifactId: item.artifactId,
      respondedAt: pick(TIMES, t),
    });
  });
  plan.derivations.forEach(([d, s, r, t, x], i) => {
    if (!artifacts.length) return;
    const derivative = pick(artifacts, d);
    const slug = derivative.split(':')[0];
    put(slug, 'DERIVATION', {
      id: `${slug}:dv-${i}`,
      artifactId: x % 5 ? derivative : pick(STRANGERS, x),
      sourceId: pick(targets, s),
      relation: pick(['ADAPTS', 'REFERENCES', 'TRANSLATES'], r),
      assertedAt: pick(TIMES, t),
    });
  });
  const needs: string[] = [];
  plan.needs.forEach(([c, s, t], i) => {
    const slug = pick(SYNCED, c);
    needs.push(`${slug}:need-${i}`);
    put(slug, 'NEED', {
      id: `${slug}:need-${i}`,
      title: `Need ${i}`,
      status: s % 3 ? 'OPEN' : 'ANSWERED',
      postedAt: pick(TIMES, t),
    });
  });
  plan.answers.forEach(([c, n, x, t], i) => {
    if (!needs.length) return;
    const slug = pick(SYNCED, c);
    put(slug, 'NEED_ANSWER', {
      id: `${slug}:an-${i}`,
      needId: pick(needs, n),
      artifactId: pick(targets, x),
      answeredAt: pick(TIMES, t),
    });
  });
  plan.roles.forEach(([c, p, h, r, s, e], i) => {
    const slug = pick(SYNCED, c);
    const hours = h % 21;
    put(slug, 'CONTRIBUTION_ROLE', {
      id: `${slug}:role-${i}`,
      personName: pick(['Rosa', 'Ana', 'Li'], p),
      role: 'translator',
      hoursPerMonth: hours,
      resourcedHoursPerMonth: hours ? r % (hours + 1) : 0,
      startsOn: pick(['2025-01-01', '2026-03-01', '2026-01-01'], s),
      endsOn: pick([null, '2026-02-01', '2025-12-31'], e),
    });
  });
  SYNCED.forEach((slug, i) => {
    if (plan.named[i]) put(slug, 'COMMUNITY', { slug, name: `The ${slug} circle` });
  });
  return out;
}

/** The inputs as read for a query that shows no list and no dangling link. */
const withoutLists = (inputs: ReportInputs): ReportInputs => ({
  ...inputs,
  communities: inputs.communities.map((c) => ({ ...c, now: { ...c.now, lists: null } })),
  danglingLinks: [],
});

/** The signs whose evidence the lists give (the others' comes from roles and licence conflicts). */
const FROM_LISTS = new Set([
  'flow',
  'unusedShare',
  'feedbackResponseTime',
  'feedbackClosure',
  'commonsAsksBack',
  'namedImpact',
  'humanInTheLoop',
]);

/** The report without what only the lists fill (those signs’ evidence, the response times), and without dangling links. */
const withoutEvidence = (report: CommonsReport): CommonsReport => ({
  ...report,
  responseTimes: [],
  danglingLinks: [],
  communities: report.communities.map((v) => ({
    ...v,
    metrics: v.metrics.map((m) => (FROM_LISTS.has(m.key) ? { ...m, evidence: [] } : m)),
  })),
});

describe('the report from the index: SQL aggregation equals the live computation', () => {
  let opened: TestIndex;
  let index: CommonsIndex;
  beforeAll(async () => {
    opened = await openTestIndex('report_sql');
    index = opened.index;
  });
  afterAll(() => opened?.close());

  async function write(plan: Plan): Promise<void> {
    for (const slug of [...SYNCED, 'r-gone']) await index.forget(slug);
    await index.follow('r-gone', 'http://127.0.0.1:9/graphql');
    for (const [slug, changes] of changesOf(plan)) {
      await index.follow(slug, `http://127.0.0.1:9/${slug}`);
      await index.restart(slug, 'epoch-1', changes.length);
      await index.apply(slug, {
        epoch: 'epoch-1',
        head: changes.length,
        after: 0,
        cursor: changes.length,
        changes,
      });
    }
  }

  it(`gives the same inputs and report for ${RUNS} random Commons and ${WINDOWS.length} windows each`, async () => {
    const participants = () => PARTICIPANTS;
    await fc.assert(
      fc.asyncProperty(commons, async (plan) => {
        await write(plan);
        const { communities, unavailable } = await indexGather(index, participants);
        expect(unavailable).toEqual(['r-gone', 'r-never']);
        const gathered = new Gathered(communities);
        for (const window of WINDOWS) {
          const live = reportInputsOf(gathered, unavailable, window);
          const fromSql = await indexReport(index, participants, window);
          // The cells and givers the report sorts or looks up itself: compared in one order.
          const ordered = (inputs: typeof live) => ({
            ...inputs,
            adoptionMatrix: [...inputs.adoptionMatrix].sort((a, b) =>
              `${a.adopter} ${a.origin}` < `${b.adopter} ${b.origin}` ? -1 : 1,
            ),
            feedbackGivers: [...inputs.feedbackGivers].sort(),
          });
          expect(ordered(fromSql)).toEqual(ordered(live));
          expect(reportOf(fromSql, window)).toEqual(reportOf(live, window));
          const figuresOnly = await indexReport(index, participants, window, {
            lists: false,
            dangling: false,
          });
          expect(ordered(figuresOnly)).toEqual(ordered(withoutLists(live)));
          expect(reportOf(figuresOnly, window)).toEqual(withoutEvidence(reportOf(live, window)));
          for (const c of communities)
            expect(await indexVitality(index, participants, c.slug, window)).toEqual(
              vitalityInputsOf(gathered, c, window),
            );
        }
        expect(await indexVitality(index, participants, 'r-gone', WINDOWS[0])).toBeNull();
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});
