import { readNodeContract } from '@commons-graph/schema';
import fc from 'fast-check';
import {
  corrupt,
  type Corruption,
  entitiesAliases,
  type GraphQLResponse,
  type HostileNode,
  link,
  publishedArtifact,
  type Reply,
  startHostileNode,
  startTestCommons,
  startTestNode,
  type TestCommons,
  type TestNode,
} from '@commons-graph/testing';

const ADMIN = 'gateway-admin-token-for-the-hostile-test';
const HEALTHY = ['klamath-soil', 'openinfra-sigs'];
const HOSTILE = 'hostile-circle';
const MAX_BYTES = 4 * 1024 * 1024;
/** Fixed seed in CI; FC_SEED and FC_RUNS to explore more locally. */
const fcOptions = (runs: number) => ({
  seed: Number(process.env.FC_SEED ?? 1_906_2024),
  numRuns: Number(process.env.FC_RUNS ?? runs),
});

/** Everything the gateway asks nodes in one level: a page, `_entities` (the hostile node's artifact) and needs; then links. */
const EVERYTHING = `query Everything($hostile: ID!) {
  artifacts(first: 100) { totalCount edges { node { id title publishedAt community { slug }
    adoptions { id community { slug } status }
    feedback { id kind responses { id } }
    derivatives { id sourceId derivativeId }
    derivedFrom { id sourceId } } } }
  hostile: artifact(id: $hostile) { id title }
  needs { id title answers { id } }
}`;

type Result = GraphQLResponse<Record<string, any>>;
const healthyId = (id: string) => HEALTHY.includes(id.split(':')[0]);
const onlyHealthy = (list: Array<{ id: string }>) => list.filter((item) => healthyId(item.id));

/** What the healthy communities hold, as the gateway shows it: every item whose id is theirs. */
function healthyPart(result: Result) {
  const data = result.data!;
  return {
    artifacts: onlyHealthy(data.artifacts.edges.map((e: any) => e.node)).map((a: any) => ({
      ...a,
      adoptions: onlyHealthy(a.adoptions),
      feedback: onlyHealthy(a.feedback).map((f: any) => ({ ...f, responses: onlyHealthy(f.responses) })),
      derivatives: onlyHealthy(a.derivatives),
    })),
    needs: onlyHealthy(data.needs).map((n: any) => ({ ...n, answers: onlyHealthy(n.answers) })),
  };
}

describe('a Commons with a hostile node among healthy ones', () => {
  let commons: TestCommons;
  let honestHostile: TestNode;
  let hostile: HostileNode;
  let expected: ReturnType<typeof healthyPart>;
  const id: Record<string, string> = {};
  const admin = { authorization: `Bearer ${ADMIN}` };
  const everything = () => commons.query(EVERYTHING, { hostile: id.h1 });

  /** The gateway still serves, the healthy part is whole, and the hostile part is reported, naming it. */
  async function expectHostilePartLeftOut(result: Result, reason?: RegExp) {
    expect(result.data).toBeTruthy();
    expect(healthyPart(result)).toEqual(expected);
    const codes = (result.errors ?? []).map((e) => e.extensions);
    expect(codes).toContainEqual({ code: 'NODE_UNAVAILABLE', community: HOSTILE, serviceName: HOSTILE });
    expect(codes.every((e) => e?.code === 'NODE_UNAVAILABLE' && e.community === HOSTILE)).toBe(true);
    if (reason) expect(result.errors!.map((e) => e.message).join('\n')).toMatch(reason);
    expect(await commons.queryOk(`{ communities { slug } }`)).toBeTruthy();
  }

  beforeAll(async () => {
    [commons, honestHostile] = await Promise.all([
      startTestCommons(HEALTHY, {
        nodeTimeoutMs: 1000,
        adminToken: ADMIN,
        breakerThreshold: 1000,
        gateway: { nodeMaxConcurrency: 2, nodeMaxQueue: 4, nodeMaxResponseBytes: MAX_BYTES },
      }),
      startTestNode(HOSTILE),
    ]);
    const [K, O] = HEALTHY.map((slug) => commons.nodes[slug]);
    id.k1 = await publishedArtifact(K, { title: 'Soil guide', handle: 'soil-guide' });
    id.o1 = await publishedArtifact(O, { title: 'Soil guide for data centres', handle: 'dc-soil' }, [
      { sourceId: id.k1, relation: 'EXTENDS' },
    ]);
    id.h1 = await publishedArtifact(honestHostile, { title: 'Hostile guide', handle: 'guide' }, [
      { sourceId: id.k1, relation: 'EXTENDS' },
    ]);
    await link(O, 'recordAdoption', { artifactId: id.k1, status: 'ADOPTED', context: 'Cooling ponds' });
    const feedback = await link(O, 'giveFeedback', {
      artifactId: id.k1,
      kind: 'GAP',
      body: 'Nothing on clay',
    });
    await link(K, 'respondToFeedback', {
      feedbackId: feedback,
      artifactId: id.k1,
      kind: 'ACKNOWLEDGED',
      body: 'Noted',
    });
    id.need = await link(K, 'postNeed', { title: 'Shade planting', body: 'What grows in shade?' });
    await link(O, 'answerNeed', { needId: id.need, artifactId: id.o1 });
    // The hostile community takes part too, so every field the gateway asks has something to corrupt.
    await link(honestHostile, 'recordAdoption', { artifactId: id.k1, status: 'TRIAL', context: 'Trying it' });
    await link(honestHostile, 'giveFeedback', { artifactId: id.k1, kind: 'WORKED', body: 'Worked' });
    await link(honestHostile, 'postNeed', { title: 'Everything', body: 'Give us everything' });
    await link(honestHostile, 'answerNeed', { needId: id.need, artifactId: id.h1 });

    hostile = await startHostileNode(honestHostile.node.publicUrl);
    const registered = await commons.query(
      `mutation($url: String!) { registerNode(url: $url, slug: "${HOSTILE}") { status } }`,
      { url: hostile.url },
      admin,
    );
    expect(registered.data!.registerNode.status).toBe('UP');

    const honest = await everything();
    expect(honest.errors).toBeUndefined();
    expected = healthyPart(honest);
    // Complete means what the healthy nodes hold, and the honest hostile node did add its part.
    const held = await Promise.all(
      HEALTHY.map((slug) => commons.nodes[slug].publicOk(`{ artifacts { totalCount } }`)),
    );
    expect(expected.artifacts).toHaveLength(held.reduce((sum, h) => sum + h.artifacts.totalCount, 0));
    expect(expected.artifacts.find((a: any) => a.id === id.k1)).toMatchObject({
      adoptions: [expect.anything()],
      feedback: [{ responses: [expect.anything()] }],
    });
    expect(honest.data!.hostile).toEqual({ id: id.h1, title: 'Hostile guide' });
  });
  afterEach(async () => {
    hostile?.behave(null);
    await commons?.gateway.registry.probeAll();
  });
  afterAll(async () => {
    await hostile?.stop();
    await commons?.stop();
    await honestHostile?.stop();
  });

  const slugs = fc.constantFrom(...HEALTHY, 'nowhere-else');
  const corruptions: fc.Arbitrary<Corruption> = fc.oneof(
    fc.record({ retype: fc.nat(), with: fc.nat() }),
    fc.record({ nullify: fc.nat() }),
    fc.record({ foreignId: fc.nat(), slug: slugs }),
    fc.record({ foreignCommunity: fc.nat(), slug: slugs }),
    fc.record({ dropKey: fc.nat() }),
    fc.record({
      extraKey: fc.nat(),
      name: fc.string({ maxLength: 8 }),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
    fc.record({ duplicate: fc.nat() }),
    fc.record({ entities: fc.constantFrom('short' as const, 'long' as const) }),
  );
  /** A whole answer made up, or a valid one with one thing wrong. */
  const hostileAnswers = fc.oneof(
    corruptions.map((corruption) => ({ corruption })),
    fc.jsonValue({ maxDepth: 3 }).map((body) => ({ body })),
    fc.jsonValue({ maxDepth: 3 }).map((data) => ({ data })),
    fc.jsonValue({ maxDepth: 3 }).map((field) => ({ field })),
    fc.string({ maxLength: 40 }).map((raw) => ({ raw })),
  );
  type HostileAnswer = typeof hostileAnswers extends fc.Arbitrary<infer T> ? T : never;

  /** Answers queries as `how` says (probes honestly); counts the answers actually made hostile. */
  function answerQueriesWith(how: HostileAnswer) {
    const made = { hostile: 0 };
    hostile.behave(async (request): Promise<Reply> => {
      const honest = await request.honest();
      if (request.isProbe) return { json: honest };
      made.hostile += 1;
      if ('body' in how) return { json: how.body };
      if ('raw' in how) return { raw: how.raw };
      if ('data' in how) return { json: { data: how.data } };
      if ('field' in how)
        return {
          json: {
            data: Object.fromEntries(Object.keys(honest.data ?? {}).map((alias) => [alias, how.field])),
          },
        };
      const corrupted = corrupt(honest.data!, how.corruption, HOSTILE, entitiesAliases(request.body.query));
      if (!corrupted) made.hostile -= 1;
      return { json: { data: corrupted ?? honest.data } };
    });
    return made;
  }

  it('leaves out a hostile node’s part, whatever it answers, and keeps every healthy community’s data whole', async () => {
    await fc.assert(
      fc.asyncProperty(hostileAnswers, async (how) => {
        const made = answerQueriesWith(how);
        const result = await everything();
        expect(made.hostile).toBeGreaterThan(0);
        await expectHostilePartLeftOut(result);
      }),
      fcOptions(25),
    );
  });

  it('names what the node sent: an id of another community, a wrong type, a missing or extra entity', async () => {
    const cases: Array<[Corruption, RegExp]> = [
      [
        { foreignId: 0, slug: 'klamath-soil' },
        /answered artifacts\.edges\[0\]\.node\.id with "klamath-soil:guide", an id of another community/,
      ],
      [
        { foreignCommunity: 0, slug: 'openinfra-sigs' },
        /answered artifacts\.edges\[0\]\.node\.community with "openinfra-sigs", not its own community "hostile-circle"/,
      ],
      [{ entities: 'long' }, /answered _entities with 2 entries for 1 representations/],
      [{ duplicate: 0 }, /with "hostile-circle:[^"]+" twice|_entities with 2 entries/],
      [{ nullify: 0 }, /with null, which the contract says is never null/],
    ];
    for (const [corruption, reason] of cases) {
      answerQueriesWith({ corruption });
      await expectHostilePartLeftOut(await everything(), reason);
    }
  });

  it('cannot inject links in a healthy community’s name: derivatives and adoptions it claims for them are refused', async () => {
    hostile.behave(async (request) => {
      const honest = await request.honest();
      if (request.isProbe || !request.body.query.includes('derivativesOf')) return { json: honest };
      // Every derivativesOf answer claims a derivation of the soil guide by openinfra-sigs.
      const forged = {
        id: 'openinfra-sigs:forged',
        artifactId: 'openinfra-sigs:dc-soil',
        sourceId: id.k1,
        relation: 'ADAPTS',
        note: null,
        assertedBy: 'openinfra-sigs',
        assertedAt: '2024-01-01T00:00:00.000Z',
      };
      const data = Object.fromEntries(
        Object.entries(honest.data!).map(([alias, answer]) => [
          alias,
          request.body.query.includes(`${alias}: derivativesOf`)
            ? [...(answer as unknown[]), forged]
            : answer,
        ]),
      );
      return { json: { data } };
    });
    await expectHostilePartLeftOut(
      await everything(),
      /derivativesOf\[\d+\]\.id with "openinfra-sigs:forged", an id of another community/,
    );
  });

  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const transport: Array<[string, (honest: string) => Reply, RegExp]> = [
    [
      'drips its answer a byte at a time',
      (honest) => ({ drip: honest.padEnd(200, ' '), everyMs: 20 }),
      /no answer within 1000 ms/,
    ],
    [
      'drops the connection mid-answer',
      (honest) => ({ reset: honest.slice(0, 20) }),
      /other side closed|socket|ECONNRESET/i,
    ],
    [
      'redirects to a healthy node',
      () => ({ redirect: 'HEALTHY_URL' }),
      /redirect \(HTTP 307 to "http:\/\/127\.0\.0\.1:\d+\/graphql"\)/,
    ],
    ['answers HTML', (honest) => ({ raw: honest, contentType: 'text/html' }), /content type "text\/html"/],
    [
      'answers a gigantic body',
      () => ({ huge: 2 * MAX_BYTES }),
      new RegExp(`more than the ${MAX_BYTES} bytes`),
    ],
    [
      'answers JSON nested a hundred thousand deep',
      () => ({ raw: `{"data":{"f0":${deep(100_000)}}}` }),
      /JSON nested deeper than 64 levels/,
    ],
    [
      'nests its error message deep enough to overflow a join',
      () => ({ raw: `{"errors":[{"message":${deep(1_000_000)}}]}` }),
      /JSON nested deeper/,
    ],
    [
      'answers with errors that are not errors',
      () => ({ json: { data: null, errors: 'nope' } }),
      /errors of type string/,
    ],
    [
      'answers with a JSON number for data',
      () => ({ json: { data: 42 } }),
      /answered with data of type number/,
    ],
    ['never answers', () => ({ silent: true }), /no answer within 1000 ms/],
  ];
  it.each(transport)('leaves out a node that %s', async (_story, reply, reason) => {
    const healthyUrl = commons.nodes['klamath-soil'].node.publicUrl;
    let first = true;
    hostile.behave(async (request) => {
      const honest = await request.honest();
      if (request.isProbe) return { json: honest };
      const made = reply(JSON.stringify(honest));
      // A slow node is slow once; then (links asked of every node) it answers nonsense at once.
      if (!first && ('drip' in made || 'silent' in made)) return { json: { data: 42 } };
      first = false;
      return 'redirect' in made ? { redirect: healthyUrl } : made;
    });
    await expectHostilePartLeftOut(await everything(), reason);
    // DOWN, with a reason, until it answers well again.
    const { nodes } = await commons.queryOk(`{ nodes { slug status error } }`);
    expect(nodes.find((n: { slug: string }) => n.slug === HOSTILE)).toMatchObject({
      status: 'DOWN',
      error: expect.any(String),
    });
  });

  it('never rejects a probe, marks a garbage answer INCOMPATIBLE with what it sent, and takes the node back once it answers well', async () => {
    const registry = commons.gateway.registry;
    const node = registry.get(HOSTILE)!;
    hostile.behave(() => ({ json: { data: 42 } }));
    await expect(registry.probeAll()).resolves.toBeUndefined();
    expect(node).toMatchObject({
      status: 'INCOMPATIBLE',
      error: 'answered the probe with data of type number',
    });

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          corruptions.map((corruption) => ({ corruption })),
          fc.jsonValue({ maxDepth: 3 }).map((data) => ({ data })),
        ),
        async (how) => {
          let corrupted = true;
          hostile.behave(async (request) => {
            const honest = await request.honest();
            if (!request.isProbe) return { json: honest };
            if ('data' in how) return { json: { data: how.data } };
            const made = corrupt(honest.data!, how.corruption, HOSTILE, []);
            corrupted = made !== null;
            return { json: { data: made ?? honest.data } };
          });
          await expect(registry.probeAll()).resolves.toBeUndefined();
          if (corrupted) expect(node.status).not.toBe('UP');
          if (corrupted) expect(node.error).toBeTruthy();
          expect(healthyPart(await everything())).toEqual(expected);
        },
      ),
      fcOptions(15),
    );

    hostile.behave(null);
    await registry.probeAll();
    expect(node).toMatchObject({ status: 'UP', error: null });
    expect((await everything()).errors).toBeUndefined();
  });

  it('keeps a node out while its schema breaks the contract and takes it back when the schema is whole again', async () => {
    const broken = readNodeContract().replace(
      /\n\s*"""Published and retired artifacts[^\n]*\n\s*artifacts\([^\n]*\n/,
      '\n',
    );
    expect(broken).not.toEqual(readNodeContract());
    hostile.behave(async (request) => {
      const honest = await request.honest();
      return request.isProbe
        ? { json: { data: { ...honest.data, _service: { sdl: broken } } } }
        : { json: honest };
    });
    await commons.gateway.registry.probeAll();
    const { nodes } = await commons.queryOk(`{ nodes { slug status error } }`);
    expect(nodes.find((n: { slug: string }) => n.slug === HOSTILE)).toMatchObject({
      status: 'INCOMPATIBLE',
      error: expect.stringMatching(/Query\.artifacts was removed/),
    });
    const without = await everything();
    expect(without.errors).toBeUndefined();
    expect(healthyPart(without)).toEqual(expected);
    expect(without.data!.hostile).toBeNull();

    hostile.behave(null);
    await commons.gateway.registry.probeAll();
    expect((await everything()).data!.hostile).toEqual({ id: id.h1, title: 'Hostile guide' });
  });

  it('refuses to register a node whose probe answer is garbage, saying what it sent', async () => {
    const garbage = await startHostileNode(honestHostile.node.publicUrl);
    try {
      garbage.behave(() => ({ json: { data: 42 } }));
      const result = await commons.query(
        `mutation($url: String!) { registerNode(url: $url) { slug } }`,
        { url: garbage.url },
        admin,
      );
      expect(result.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      ]);
      expect(result.errors![0].message).toMatch(
        /answered the probe with data of type number; it was not registered/,
      );
      garbage.behave(async (request) => ({
        json: { data: { ...(await request.honest()).data, community: { slug: 7 } } },
      }));
      const typed = await commons.query(
        `mutation($url: String!) { registerNode(url: $url) { slug } }`,
        { url: garbage.url },
        admin,
      );
      expect(typed.errors![0].message).toMatch(
        /answered the probe's community\.slug with number 7, not a string/,
      );
      const { nodes } = await commons.queryOk(`{ nodes { url } }`);
      expect(nodes.map((n: { url: string }) => n.url)).not.toContain(garbage.url);
    } finally {
      await garbage.stop();
    }
  });

  it('sends a slow node at most NODE_MAX_CONCURRENCY requests at once, queues a few and refuses the rest at once', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    hostile.behave(async (request) => {
      const honest = await request.honest();
      if (!request.isProbe) await held;
      return { json: honest };
    });
    hostile.resetCounts();
    const client = commons.gateway.registry.get(HOSTILE)!.client;
    let settled = 0;
    const asked = Array.from({ length: 10 }, () =>
      commons.query(`{ community(slug: "${HOSTILE}") { name } }`).finally(() => (settled += 1)),
    );
    // Two held, four waiting, and the other four already answered: refused without being sent.
    while (client.slots.inFlight < 2 || client.slots.queued < 4 || settled < 4)
      await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const results = await Promise.all(asked);
    expect(hostile.mostOpen).toBeLessThanOrEqual(2);
    const refused = results.filter((r) =>
      r.errors?.some((e) => /not asked: 2 requests in flight and 4 waiting/.test(e.message)),
    );
    expect(refused).toHaveLength(4);
    expect(results.filter((r) => !r.errors && r.data!.community.name === HOSTILE)).toHaveLength(6);
  });
});
