import fc from 'fast-check';
import { seedPublishedArtifacts } from '@commons-graph/community-node';
import { startTestCommons, type TestCommons } from '@commons-graph/testing';

/** Publishes one PATTERN straight into a node's database at each of the given times (API-equivalent rows). */
async function seed(url: string, slug: string, times: Date[]): Promise<void> {
  await seedPublishedArtifacts(
    url,
    slug,
    times.map((publishedAt, i) => ({ handle: `item-${i + 1}`, publishedAt, kind: 'PATTERN' })),
  );
}

/** Pages through every artifact with pages of `first`; returns what it saw and the total. */
async function pageThrough(commons: TestCommons, first: number) {
  const seen: Array<{ id: string; publishedAt: string }> = [];
  let after: string | null = null;
  let total = 0;
  for (let pages = 0; pages < 200; pages++) {
    const { artifacts }: any = await commons.queryOk(
      `query($first: Int!, $after: String) { artifacts(first: $first, after: $after) {
        totalCount edges { node { id publishedAt } } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
    );
    total = artifacts.totalCount;
    seen.push(...artifacts.edges.map((e: any) => e.node));
    if (!artifacts.pageInfo.hasNextPage) break;
    after = artifacts.pageInfo.endCursor;
  }
  return { seen, total };
}

function expectEveryArtifactOnceInOrder(seen: Array<{ id: string; publishedAt: string }>, total: number) {
  expect(seen).toHaveLength(total);
  expect(new Set(seen.map((a) => a.id)).size).toBe(total);
  const sorted = [...seen].sort(
    (a, b) => b.publishedAt.localeCompare(a.publishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  expect(seen).toEqual(sorted);
}

describe('paging through the whole Commons', () => {
  let commons: TestCommons;
  const slugs = ['klamath-soil', 'openinfra-sigs', 'valley-clinics'];
  beforeAll(async () => {
    commons = await startTestCommons(slugs);
    const base = Date.UTC(2026, 0, 1);
    // Interleaved dates, and ties across nodes at the same instant, so order depends on ids too.
    await Promise.all(
      slugs.map((slug, n) =>
        seed(
          commons.nodes[slug].database.url,
          slug,
          Array.from(
            { length: 25 + n * 5 },
            (_, i) => new Date(base + (i % 10 === 0 ? 0 : (i * 3 + n) * 3_600_000)),
          ),
        ),
      ),
    );
  });
  afterAll(() => commons?.stop());

  it.each([1, 7, 20, 100])(
    'visits every artifact exactly once in the shared order with pages of %i',
    async (first) => {
      const { seen, total } = await pageThrough(commons, first);
      expect(total).toBe(25 + 30 + 35);
      expectEveryArtifactOnceInOrder(seen, total);
    },
  );

  it('filters by community and kind across nodes and refuses a forged cursor', async () => {
    const { artifacts } = await commons.queryOk(
      `{ artifacts(first: 100, filter: { communities: ["openinfra-sigs"], kinds: [PATTERN] }) { totalCount } }`,
    );
    expect(artifacts.totalCount).toBe(30);
    const forged = await commons.query(`{ artifacts(after: "eHl6") { totalCount } }`);
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('paging with input a client made up', () => {
  let commons: TestCommons;
  let everything: Array<{ id: string; publishedAt: string }>;
  const slugs = ['klamath-soil', 'openinfra-sigs'];
  beforeAll(async () => {
    commons = await startTestCommons(slugs);
    const base = Date.UTC(2026, 0, 1);
    await Promise.all(
      slugs.map((slug, n) =>
        seed(
          commons.nodes[slug].database.url,
          slug,
          Array.from({ length: 12 }, (_, i) => new Date(base + (i * 2 + n) * 86_400_000)),
        ),
      ),
    );
    everything = (await pageThrough(commons, 100)).seen;
  });
  afterAll(() => commons?.stop());

  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const PAGE = `query($after: String) { artifacts(first: 5, after: $after) { totalCount edges { node { id publishedAt } } } }`;
  /** What follows a sort key in the shared order: newest first, then ascending id. */
  const after = (iso: string, id: string) =>
    everything
      .filter(
        (a) =>
          Date.parse(a.publishedAt) < Date.parse(iso) ||
          (Date.parse(a.publishedAt) === Date.parse(iso) && a.id > id),
      )
      .slice(0, 5);

  it('answers a well-formed key with exactly the artifacts after it, whatever the key holds', async () => {
    // Keys a client can forge by decoding ours: any instant, any id text (quotes, SQL, NUL, emoji, another community).
    const instant = fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    const id = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...everything.map((a) => a.id), "x'; drop table artifact; --", 'openinfra-sigs:item-3'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(instant, fc.constantFrom(...everything.map((a) => new Date(a.publishedAt)))),
        id,
        async (at, key) => {
          const result = await commons.query(PAGE, { after: cursorOf([at.toISOString(), key]) });
          if (result.errors) {
            // Only a refusal of the cursor itself may fail the query, never a node or the gateway.
            expect(result.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
            return;
          }
          expect(result.data!.artifacts.edges.map((e: any) => e.node)).toEqual(after(at.toISOString(), key));
        },
      ),
      { seed: Number(process.env.FC_SEED ?? 20261130), numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });

  it('refuses text no node could store before asking any node', async () => {
    for (const [query, variables] of [
      [`{ artifacts(filter: { tags: ["soil\\u0000"] }) { totalCount } }`, {}],
      [
        `query($tags: [String!]) { artifacts(filter: { tags: $tags }) { totalCount } }`,
        { tags: ['ok', 'lone \ud800 surrogate'] },
      ],
    ] as const) {
      let response: Response | undefined;
      const asked = await commons.countRequests(async () => {
        response = await fetch(commons.gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
      });
      const body: any = await response!.json();
      expect({
        status: response!.status,
        codes: body.errors.map((e: any) => e.extensions.code),
        asked,
      }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], asked: {} });
      expect(body.errors[0].message).toMatch(/must not contain (the NUL character|a lone UTF-16 surrogate)/);
    }
  });

  it('refuses keys of the wrong shape with BAD_USER_INPUT', async () => {
    for (const forged of [
      ['2026-01-01T00:00:00Z', 42],
      ['yesterday', 'klamath-soil:item-1'],
      ['2026-01-01T00:00:00Z'],
      {},
      'text',
      null,
    ]) {
      const result = await commons.query(PAGE, { after: cursorOf(forged) });
      expect({ forged, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({
        forged,
        codes: ['BAD_USER_INPUT'],
      });
    }
  });
});

describe('paging when one node of many holds the newest work', () => {
  let commons: TestCommons;
  const slugs = ['busy-circle', ...Array.from({ length: 7 }, (_, i) => `quiet-circle-${i}`)];
  beforeAll(async () => {
    commons = await startTestCommons(slugs);
    const base = Date.UTC(2026, 0, 1);
    // The busy node published the 40 newest artifacts; the quiet ones a few older ones each.
    await Promise.all(
      slugs.map((slug, n) =>
        seed(
          commons.nodes[slug].database.url,
          slug,
          Array.from(
            { length: n === 0 ? 40 : 4 },
            (_, i) => new Date(base - (n === 0 ? i : 100 + i * 8 + n) * 3_600_000),
          ),
        ),
      ),
    );
  });
  afterAll(() => commons?.stop());

  it('asks each node for a share of the page, and the busy node again for the rest', async () => {
    const counts = await commons.countRequests(async () => {
      const { artifacts } = await commons.queryOk(
        `{ artifacts(first: 20) { edges { node { community { slug } } } } }`,
      );
      expect(artifacts.edges.every((e: any) => e.node.community.slug === 'busy-circle')).toBe(true);
    });
    expect(counts).toEqual(Object.fromEntries(slugs.map((slug) => [slug, slug === 'busy-circle' ? 2 : 1])));
  });

  it.each([1, 7, 20, 100])(
    'still visits every artifact exactly once in order with pages of %i',
    async (first) => {
      const { seen, total } = await pageThrough(commons, first);
      expect(total).toBe(40 + 7 * 4);
      expectEveryArtifactOnceInOrder(seen, total);
    },
  );
});
