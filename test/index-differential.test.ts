import { readFileSync } from 'node:fs';
import { untilSynced, type RunningGateway } from '@commons-graph/gateway';
import { COMMONS_SDL_PATH } from '@commons-graph/schema';
import fc from 'fast-check';
import { buildSchema, getNamedType, isObjectType, isNonNullType, type GraphQLSchema } from 'graphql';
import {
  createTestDatabase,
  generateOperation,
  publishedArtifact,
  startRestartableNode,
  startTestGateway,
  type RestartableNode,
  type TestDatabase,
} from '@commons-graph/testing';

/**
 * The live path is the oracle for the Commons index. Three real nodes change at random through
 * their admin APIs (publish, new version, retire, derive, adopt, give and answer feedback, post,
 * answer and close needs, profile) while the index syncs, hears duplicated and stale pings, loses a
 * node for a while and sees one come back on a new database (a new epoch). Once synced, a gateway
 * answering from the index (COMMONS_SOURCE=index) must answer every query exactly as one asking the
 * nodes (COMMONS_SOURCE=live): a fixed battery and generated operations, status and body, only the
 * index's staleness note in `extensions` left out.
 */
const RUNS = Number(process.env.FC_RUNS ?? 5);
const SEED = Number(process.env.FC_SEED ?? 20261201);
/** Node operations per sequence, and generated operations compared after each. */
const STEPS = Number(process.env.FC_STEPS ?? 20);
const GENERATED = Number(process.env.FC_GENERATED ?? 12);
const SLUGS = ['diff-a', 'diff-b', 'diff-c'];
const SCHEMA: GraphQLSchema = buildSchema(readFileSync(COMMONS_SDL_PATH, 'utf8'));
/** Whose values differ between two gateways by nature: probes, clocks and the index's own sync state. */
const UNCOMPARABLE = ['Query.nodes', 'Community.node'];

/** Every field of `type` that needs no argument, objects expanded `depth` levels. */
function everyField(typeName: string, depth: number): string {
  const type = SCHEMA.getType(typeName);
  if (!isObjectType(type)) return '';
  const parts = Object.values(type.getFields()).flatMap((field) => {
    if (UNCOMPARABLE.includes(`${typeName}.${field.name}`)) return [];
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return [];
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return [field.name];
    return depth > 0 ? [`${field.name} ${everyField(named.name, depth - 1)}`] : [];
  });
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

const ARTIFACT = `{ ${everyField('Artifact', 1).slice(2, -2)}
  up: lineage(direction: UP, maxDepth: 10) { rootId depth truncated nodes { id } edges ${everyField('LineageEdge', 0)} }
  down: lineage(direction: DOWN, maxDepth: 10) { rootId depth truncated nodes { id } edges ${everyField('LineageEdge', 0)} } }`;
const PAGE = `{ totalCount pageInfo ${everyField('PageInfo', 0)} edges { cursor node ${ARTIFACT} } }`;
const WINDOW = { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };

const REPORT = everyField('CommonsReport', 3);
const VITALITY = everyField('Vitality', 2);

/**
 * The fixed battery: pages with each filter but `text`, needs, ledgers, the report over the whole
 * time and over windows that cut through what the sequences made (`$cut` and `$until` are instants
 * between two operations), and over a window with nothing in it.
 */
const BATTERY = `query Battery($from: DateTime!, $to: DateTime!, $cut: DateTime!, $until: DateTime!, $after: String) {
  first: artifacts(first: 7, after: $after) ${PAGE}
  mine: artifacts(first: 50, filter: { communities: ["diff-a", "diff-c"] }) ${PAGE}
  retired: artifacts(first: 50, filter: { status: RETIRED }) { totalCount edges { node { id retiredAt retirementReason } } }
  kinds: artifacts(first: 50, filter: { kinds: [PLAYBOOK, FIELD_GUIDE], tags: ["soil"], licences: ["CC-BY-SA-4.0", "CC-BY-4.0"] }) { totalCount edges { node { id } } }
  dated: artifacts(first: 50, filter: { publishedAfter: $from, publishedBefore: $to }) { totalCount edges { node { id } } }
  needs ${everyField('Need', 2)}
  open: needs(status: OPEN) { id status }
  communities ${everyField('Community', 2)}
  commonsReport(from: $from, to: $to) ${REPORT}
  cut: commonsReport(from: $cut, to: $until) ${REPORT}
  since: commonsReport(from: $cut, to: $to) ${REPORT}
  past: commonsReport(from: "2020-01-01T00:00:00Z", to: "2020-02-01T00:00:00Z") ${REPORT}
  vitality: communities { slug vitality(from: $cut, to: $until) ${VITALITY} }
}`;
const BY_ID = `query One($id: ID!) { artifact(id: $id) ${ARTIFACT} }`;
/** The report without the fields its lists fill (evidence, response times): the index then reads no list. */
const FIGURES = `query Figures($from: DateTime!, $to: DateTime!, $cut: DateTime!, $until: DateTime!) {
  commonsReport(from: $from, to: $to) ${REPORT.replace(/\b(evidence|responseTimes \{[^}]*\})/g, '')}
  cut: commonsReport(from: $cut, to: $until) { communities { community { slug } decaySigns replant metrics { key value state detail } } }
}`;

interface Answer {
  status: number;
  body: unknown;
}

/** The index's note on communities older than its freshness bound: the one allowed difference. */
function withoutStaleness(body: Record<string, unknown>): Record<string, unknown> {
  const extensions = Object.fromEntries(
    Object.entries((body.extensions as Record<string, unknown>) ?? {}).filter(
      ([key]) => !/stale|fresh/i.test(key),
    ),
  );
  const { extensions: _, ...rest } = body;
  return Object.keys(extensions).length ? { ...rest, extensions } : rest;
}

async function ask(gateway: RunningGateway, query: string, variables: Record<string, unknown>) {
  const response = await fetch(gateway.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: withoutStaleness(JSON.parse(await response.text())) } as Answer;
}

/** What the sequences made, to draw the next operation's arguments from. */
interface Made {
  artifacts: Array<{ slug: string; id: string }>;
  adoptions: Array<{ slug: string; id: string }>;
  feedback: Array<{ slug: string; id: string; artifactId: string }>;
  needs: Array<{ slug: string; id: string }>;
  /** Ids that no longer resolve (a reset node's), asked for all the same. */
  gone: string[];
}

const OPS = [
  'publish',
  'publish',
  'newVersion',
  'retire',
  'derive',
  'adopt',
  'adopt',
  'updateAdoption',
  'feedback',
  'respond',
  'postNeed',
  'answerNeed',
  'closeNeed',
  'profile',
  'sync',
  'sync',
  'ping',
  'down',
  'up',
  'reset',
] as const;
type Op = (typeof OPS)[number];
const step = fc.record({
  op: fc.constantFrom<Op>(...OPS),
  node: fc.nat({ max: SLUGS.length - 1 }),
  pick: fc.nat(),
  other: fc.nat(),
  times: fc.integer({ min: 1, max: 3 }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

describe('the Commons index answers as the live path once synced', () => {
  let nodes: RestartableNode[];
  let live: RunningGateway;
  let indexed: RunningGateway;
  let database: TestDatabase;
  const asked: Array<{ slug: string; operation: string }> = [];
  const made: Made = { artifacts: [], adoptions: [], feedback: [], needs: [], gone: [] };
  let counter = 0;

  beforeAll(async () => {
    nodes = await Promise.all(SLUGS.map((slug) => startRestartableNode(slug)));
    const entries = nodes.map((n) => ({ slug: n.slug, url: n.publicUrl }));
    // Both keep asking a node that failed (no breaker, no probes) and spend without limit: only
    // where they answer from differs.
    const shared = { breakerThreshold: 1_000_000, nodeTimeoutMs: 5000, limits: { points: 0 } };
    live = await startTestGateway(entries, { ...shared, source: 'live' });
    database = await createTestDatabase('differential');
    indexed = await startTestGateway(
      entries,
      {
        ...shared,
        source: 'index',
        index: {
          databaseUrl: database.url,
          dataDir: 'unused: the index is on a test database',
          syncIntervalMs: 0,
          syncBackoffMs: 10,
          syncBackoffCapMs: 100,
          syncPageSize: 7, // several pages per pull
        },
      },
      { onNodeRequest: (slug, operation) => asked.push({ slug, operation }) },
    );
  }, 60_000);
  afterAll(async () => {
    await indexed?.stop();
    await live?.stop();
    await database?.drop();
    await Promise.all((nodes ?? []).map((n) => n.stop()));
  });

  const nodeOf = (slug: string) => nodes.find((n) => n.slug === slug)!;
  const at = <T>(list: readonly T[], i: number): T | undefined =>
    list.length ? list[i % list.length] : undefined;
  const own = (slug: string) => made.artifacts.filter((a) => a.slug === slug);
  const others = (slug: string) => made.artifacts.filter((a) => a.slug !== slug);

  /** A mutation on a running node; refusals the admin API gives for a bad pick change nothing. */
  async function admin(slug: string, query: string, variables: Record<string, unknown>) {
    const node = nodeOf(slug);
    if (!node.running) return undefined;
    const result = await node.current.admin(query, variables, 'steward');
    const codes = (result.errors ?? []).map((e) => e.extensions?.code);
    if (codes.some((code) => code !== 'BAD_USER_INPUT' && code !== 'NOT_FOUND' && code !== 'CONFLICT'))
      throw new Error(`${slug} refused ${query}: ${JSON.stringify(result.errors)}`);
    return result.errors?.length ? undefined : (result.data as Record<string, any>);
  }

  const applied = new Set<Op>();

  /** Instants between operations, where the battery's report windows cut. */
  const marks: string[] = [];

  async function apply({ op, node, pick, other, times }: Step): Promise<void> {
    applied.add(op);
    marks.push(new Date().toISOString());
    const slug = SLUGS[node];
    const target = nodeOf(slug);
    const n = ++counter;
    switch (op) {
      case 'publish': {
        if (!target.running) return;
        const source = at(made.artifacts, pick);
        const id = await publishedArtifact(
          target.current,
          {
            title: `Practice ${n}`,
            kind: n % 2 ? 'PLAYBOOK' : 'FIELD_GUIDE',
            tags: n % 3 ? ['soil'] : ['water', 'soil'],
            licence: n % 4 ? 'CC-BY-4.0' : 'CC-BY-SA-4.0',
          },
          source && other % 2 ? [{ sourceId: source.id, relation: 'ADAPTS' }] : [],
        ).catch(() => undefined); // a licence the source does not allow: nothing published
        if (id) made.artifacts.push({ slug, id });
        return;
      }
      case 'newVersion': {
        const artifact = at(own(slug), pick);
        if (artifact)
          await admin(
            slug,
            `mutation($id: ID!, $c: ArtifactContentInput!) { publishNewVersion(id: $id, changes: $c, changeNote: "more") { id } }`,
            { id: artifact.id, c: { summary: `Revised ${n}`, tags: ['soil', `v${n}`] } },
          );
        return;
      }
      case 'retire': {
        const artifact = at(own(slug), pick);
        if (artifact)
          await admin(slug, `mutation($id: ID!) { retireArtifact(id: $id, reason: "Replaced") { id } }`, {
            id: artifact.id,
          });
        return;
      }
      case 'derive': {
        const [artifact, source] = [at(own(slug), pick), at(made.artifacts, other)];
        if (artifact && source && artifact.id !== source.id)
          await admin(slug, `mutation($i: DerivedFromInput!) { addDerivedFrom(input: $i) { id } }`, {
            i: { artifactId: artifact.id, sourceId: source.id, relation: 'REFERENCES' },
          });
        return;
      }
      case 'adopt': {
        const artifact = at(others(slug), pick);
        const adaptedAs = at(own(slug), other);
        const data =
          artifact &&
          (await admin(slug, `mutation($i: AdoptionInput!) { recordAdoption(input: $i) { id } }`, {
            i: {
              artifactId: artifact.id,
              status: 'TRIAL',
              context: `Tried ${n}`,
              ...(adaptedAs && other % 2 ? { adaptedAsId: adaptedAs.id, impact: 'Less work' } : {}),
            },
          }));
        if (data) made.adoptions.push({ slug, id: data.recordAdoption.id });
        return;
      }
      case 'updateAdoption': {
        const adoption = at(made.adoptions, pick);
        if (adoption)
          await admin(
            adoption.slug,
            `mutation($id: ID!, $i: AdoptionUpdateInput!) { updateAdoption(id: $id, input: $i) { id } }`,
            { id: adoption.id, i: { status: other % 2 ? 'ADOPTED' : 'ABANDONED', impact: `Impact ${n}` } },
          );
        return;
      }
      case 'feedback': {
        const artifact = at(others(slug), pick);
        const data =
          artifact &&
          (await admin(slug, `mutation($i: FeedbackInput!) { giveFeedback(input: $i) { id } }`, {
            i: { artifactId: artifact.id, kind: other % 2 ? 'GAP' : 'WORKED', body: `Feedback ${n}` },
          }));
        if (data && artifact) made.feedback.push({ slug, id: data.giveFeedback.id, artifactId: artifact.id });
        return;
      }
      case 'respond': {
        const feedback = at(made.feedback, pick);
        if (feedback)
          await admin(
            feedback.artifactId.split(':')[0],
            `mutation($i: FeedbackResponseInput!) { respondToFeedback(input: $i) { id } }`,
            {
              i: {
                feedbackId: feedback.id,
                artifactId: feedback.artifactId,
                kind: 'ACKNOWLEDGED',
                body: `Thanks ${n}`,
              },
            },
          );
        return;
      }
      case 'postNeed': {
        const data = await admin(slug, `mutation($i: NeedInput!) { postNeed(input: $i) { id } }`, {
          i: { title: `Need ${n}`, body: 'Who knows?', tags: ['soil'] },
        });
        if (data) made.needs.push({ slug, id: data.postNeed.id });
        return;
      }
      case 'answerNeed': {
        const [need, artifact] = [at(made.needs, pick), at(own(slug), other)];
        if (need && artifact)
          await admin(slug, `mutation($i: NeedAnswerInput!) { answerNeed(input: $i) { id } }`, {
            i: { needId: need.id, artifactId: artifact.id, note: `Try ${n}` },
          });
        return;
      }
      case 'closeNeed': {
        const need = at(made.needs, pick);
        if (need) await admin(need.slug, `mutation($id: ID!) { closeNeed(id: $id) { id } }`, { id: need.id });
        return;
      }
      case 'profile':
        await admin(slug, `mutation($i: ProfileInput!) { updateProfile(input: $i) { slug } }`, {
          i: { description: `Profile ${n}`, region: other % 2 ? 'Valley' : null },
        });
        return;
      case 'sync':
        await indexed.sync!.syncNode(slug);
        return;
      case 'ping': {
        // Duplicated, and with a head behind (out of order): a hint to pull, never trusted.
        for (let i = 0; i < times; i++) {
          const response = await fetch(`${indexed.url}/feed/ping`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ community: slug, head: i % 2 ? 1 : 1_000 + n }),
          });
          expect([202, 429]).toContain(response.status);
        }
        return;
      }
      case 'down':
        await target.down();
        return;
      case 'up':
        await target.up();
        return;
      case 'reset': {
        // A new database: a new epoch, and none of what the node made before.
        const mine = (list: Array<{ slug: string; id: string }>) => list.filter((x) => x.slug === slug);
        made.gone.push(...mine(made.artifacts).map((a) => a.id));
        const kept = <T extends { slug: string }>(list: T[]) => list.filter((x) => x.slug !== slug);
        made.artifacts = kept(made.artifacts);
        made.adoptions = kept(made.adoptions);
        made.needs = kept(made.needs);
        made.feedback = kept(made.feedback).filter((f) => !f.artifactId.startsWith(`${slug}:`));
        await target.reset();
        return;
      }
    }
  }

  /** Every node up, both gateways' registries told so, the index synced with each. */
  async function settle(): Promise<void> {
    for (const node of nodes) await node.up();
    await Promise.all([live.registry.probeAll(), indexed.registry.probeAll()]);
    await untilSynced(indexed.sync!, SLUGS, 30_000);
  }

  /** Asks both gateways; the operation travels with the answers so a failure shows what was asked. */
  async function same(query: string, variables: Record<string, unknown>): Promise<Answer> {
    const [fromLive, fromIndex] = await Promise.all([
      ask(live, query, variables),
      ask(indexed, query, variables),
    ]);
    expect({ query, variables, ...fromIndex }).toEqual({ query, variables, ...fromLive });
    return fromLive;
  }

  async function battery(): Promise<void> {
    const mark = (share: number) => marks[Math.floor(marks.length * share)] ?? WINDOW.from;
    const [cut, until] = [mark(0.4), mark(0.8)];
    const windows = { ...WINDOW, cut, until: until > cut ? until : WINDOW.to };
    const answer = await same(BATTERY, windows);
    // The battery must run whole, or comparing it would prove nothing.
    const { errors } = answer.body as { errors?: unknown };
    expect({ status: answer.status, errors }).toEqual({ status: 200, errors: undefined });
    const { endCursor } = (answer.body as any).data.first.pageInfo;
    if (endCursor) await same(BATTERY, { ...windows, after: endCursor });
    const figures = await same(FIGURES, windows);
    expect(JSON.stringify(figures.body)).not.toMatch(/errors|evidence|responseTimes/);
    for (const id of [...made.artifacts.map((a) => a.id), ...made.gone, 'diff-a:no-such-artifact'])
      await same(BY_ID, { id });
  }

  it(`for ${RUNS} random sequences of node operations (FC_RUNS, FC_SEED, FC_STEPS for more)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: Math.min(10, STEPS), maxLength: STEPS }),
        fc.gen(),
        async (steps, g) => {
          for (const s of steps) await apply(s);
          await settle();
          await battery();
          const pools = {
            ID: [
              ...made.artifacts.map((a) => a.id),
              ...made.needs.map((x) => x.id),
              ...made.gone,
              'not-global',
            ],
            String: [...SLUGS, 'soil', 'CC-BY-4.0'],
            // Ranked full-text search is the index's own; the live path only filters.
            byArgument: { slug: SLUGS, communities: SLUGS, tags: ['soil', 'water'], licences: ['CC-BY-4.0'] },
            skipFields: [...UNCOMPARABLE, 'CommunityNode.lastSeen', 'CommunityNode.lastLatencyMs'],
          };
          for (let i = 0; i < GENERATED; i++) {
            const { query, variables } = generateOperation(SCHEMA, pools, g);
            if (/\btext\b/.test(query) || JSON.stringify(variables).includes('"text"')) continue;
            await same(query, variables);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The default seed goes through every kind of trouble, not only the easy paths.
    expect([...applied].sort()).toEqual([...new Set(OPS)].sort());
    expect(made.artifacts.length).toBeGreaterThan(0);
  }, 180_000);

  it('answers the battery from the index alone, asking no node', async () => {
    await settle();
    const before = asked.length;
    await battery();
    expect(asked.slice(before).filter((r) => r.operation !== 'FeedChanges')).toEqual([]);
  }, 60_000);
});
