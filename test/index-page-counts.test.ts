import { CommonsIndex } from '@commons-graph/gateway';
import { migrateIndex } from '../gateway/src/commons-index/migrate';
import {
  change,
  createTestDatabase,
  graphql,
  sql,
  startFeedNode,
  startIndexedGateway,
  type IndexedGateway,
  type ScriptedChange,
  type ScriptedFeedNode,
  type TestDatabase,
} from '@commons-graph/testing';

/**
 * The page of the Commons answers its totalCount from per-community counts the index keeps in the
 * transaction of every write, and leaves out the communities a gateway does not federate without
 * naming every participant in its statements. Both must stay exactly what counting the rows gives.
 */
const TOKEN = 'index-tests-admin-token-0123456789';
const FROM_INDEX = { source: 'index' } as const;

const TOTALS = `{
  all: artifacts(first: 1) { totalCount }
  published: artifacts(first: 1, filter: { status: PUBLISHED }) { totalCount }
  retired: artifacts(first: 1, filter: { status: RETIRED }) { totalCount }
  playbooks: artifacts(first: 1, filter: { kinds: [PLAYBOOK] }) { totalCount }
}`;
const PAGE = `{ artifacts(first: 50) { totalCount edges { node { id community { slug } } } } }`;

type Totals = Record<'all' | 'published' | 'retired' | 'playbooks', { totalCount: number }>;
type Page = { artifacts: { totalCount: number; edges: Array<{ node: { id: string } }> } };

function retired(slug: string, local: string): ScriptedChange {
  const published = change('ARTIFACT', slug, local, 2);
  return {
    ...published,
    member: {
      ...published.member!,
      status: 'RETIRED',
      retiredAt: '2026-03-02T10:00:00.000Z',
      retirementReason: 'Superseded by the field guide',
    },
  };
}

const artifacts = (slug: string, ...locals: string[]) =>
  locals.map((local) => change('ARTIFACT', slug, local));

/** The counts the index keeps, and those of its rows: they must be the same. */
async function countsAndRows(url: string) {
  const [kept, counted] = await Promise.all([
    sql(url, `select community, status, n::int from artifact_count order by community, status`),
    sql(
      url,
      `select community, status, count(*)::int as n from artifact group by community, status order by community, status`,
    ),
  ]);
  return { kept, counted };
}

async function totals(indexed: IndexedGateway): Promise<Record<keyof Totals, number>> {
  const { data, errors } = await graphql<Totals>(indexed.gateway.graphqlUrl, TOTALS);
  expect(errors).toBeUndefined();
  const of = (key: keyof Totals) => data![key].totalCount;
  return { all: of('all'), published: of('published'), retired: of('retired'), playbooks: of('playbooks') };
}

async function page(indexed: IndexedGateway) {
  const result = await graphql<Page>(indexed.gateway.graphqlUrl, PAGE);
  expect(result.errors).toBeUndefined();
  const ids = result.data!.artifacts.edges.map((edge) => edge.node.id).sort();
  return { ids, totalCount: result.data!.artifacts.totalCount, extensions: result.extensions };
}

describe('the page counts what the index holds, through every kind of write', () => {
  let fields: ScriptedFeedNode;
  let clinics: ScriptedFeedNode;
  let indexed: IndexedGateway;

  beforeAll(async () => {
    fields = await startFeedNode('count-fields', artifacts('count-fields', 'a1', 'a2', 'a3'));
    clinics = await startFeedNode('count-clinics', artifacts('count-clinics', 'b1', 'b2'));
    indexed = await startIndexedGateway(
      [
        { slug: fields.slug, url: fields.url },
        { slug: clinics.slug, url: clinics.url },
      ],
      {},
      FROM_INDEX,
    );
    await indexed.sync(fields.slug);
    await indexed.sync(clinics.slug);
  });
  afterAll(async () => {
    await indexed?.stop();
    await fields?.stop();
    await clinics?.stop();
  });

  it('counts the first sync', async () => {
    expect(await totals(indexed)).toEqual({ all: 5, published: 5, retired: 0, playbooks: 5 });
    const { kept, counted } = await countsAndRows(indexed.database.url);
    expect(kept).toEqual(counted);
  });

  it('follows a retirement, a new version, a withdrawal and a publication in one page', async () => {
    fields.append(
      retired(fields.slug, 'a1'),
      change('ARTIFACT', fields.slug, 'a3', 2),
      change('ARTIFACT', fields.slug, 'a2', 1, true),
      change('ARTIFACT', fields.slug, 'a4'),
    );
    await indexed.sync(fields.slug);
    expect(await totals(indexed)).toEqual({ all: 5, published: 4, retired: 1, playbooks: 5 });
    const { kept, counted } = await countsAndRows(indexed.database.url);
    expect(kept).toEqual(counted);
  });

  it('follows a node starting over at a new epoch, and a node removed', async () => {
    clinics.reset(artifacts(clinics.slug, 'c1'));
    await indexed.sync(clinics.slug);
    expect(await totals(indexed)).toEqual({ all: 4, published: 3, retired: 1, playbooks: 4 });

    const removed = await graphql(
      indexed.gateway.graphqlUrl,
      `
        mutation ($slug: String!) {
          removeNode(slug: $slug)
        }
      `,
      { slug: clinics.slug },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(removed.errors).toBeUndefined();
    expect(await totals(indexed)).toEqual({ all: 3, published: 2, retired: 1, playbooks: 3 });
    const { kept, counted } = await countsAndRows(indexed.database.url);
    expect(kept).toEqual(counted);
    expect(kept.map((row) => row.community)).not.toContain(clinics.slug);
  });
});

describe('a replica serves every listed node that takes part, from an index it shares', () => {
  let shared: ScriptedFeedNode;
  let theirs: ScriptedFeedNode;
  let late: ScriptedFeedNode;
  let syncing: IndexedGateway;
  let replica: IndexedGateway;

  beforeAll(async () => {
    shared = await startFeedNode('rep-shared', artifacts('rep-shared', 's1', 's2'));
    theirs = await startFeedNode('rep-theirs', artifacts('rep-theirs', 't1', 't2', 't3'));
    late = await startFeedNode('rep-late', artifacts('rep-late', 'l1'));
    syncing = await startIndexedGateway(
      [
        { slug: shared.slug, url: shared.url },
        { slug: theirs.slug, url: theirs.url },
      ],
      {},
      FROM_INDEX,
    );
    // Configured with one node, it serves the index's whole list. Every answer of this one is older
    // than its freshness bound: its staleness lists the nodes it serves.
    replica = await startIndexedGateway(
      [{ slug: shared.slug, url: shared.url }],
      { freshnessMs: 1 },
      FROM_INDEX,
      syncing.database,
    );
    await syncing.sync(shared.slug);
    await syncing.sync(theirs.slug);
  });
  afterAll(async () => {
    await replica?.stop(); // on the syncing one's database, which it drops
    await syncing?.stop();
    for (const feed of [shared, theirs, late]) await feed?.stop();
  });

  const communitiesOf = (stale: Array<{ community: string }> | undefined) =>
    (stale ?? []).map((s) => s.community).sort();

  it('serves the nodes listed by another replica: its page, its count and its staleness', async () => {
    const mine = await page(replica);
    expect(mine.ids).toEqual([
      'rep-shared:s1',
      'rep-shared:s2',
      'rep-theirs:t1',
      'rep-theirs:t2',
      'rep-theirs:t3',
    ]);
    expect(mine.totalCount).toBe(5);
    expect(communitiesOf(mine.extensions?.staleCommunities)).toEqual([shared.slug, theirs.slug]);
  });

  it('leaves out a followed node that no longer speaks its protocol, while the index keeps it', async () => {
    theirs.speak('2');
    await replica.gateway.registry.probeAll();
    expect(replica.gateway.registry.get(theirs.slug)?.status).toBe('INCOMPATIBLE');
    // Twice: the first answer finds the participants changed, the next reuses what it worked out.
    for (let i = 0; i < 2; i++) {
      const mine = await page(replica);
      expect(mine.ids).toEqual(['rep-shared:s1', 'rep-shared:s2']);
      expect(mine.totalCount).toBe(2);
      expect(communitiesOf(mine.extensions?.staleCommunities)).toEqual([shared.slug]);
    }
    expect((await page(syncing)).totalCount).toBe(5);
  });

  it('notices a node followed since it last looked, and still leaves out the one that does not take part', async () => {
    const registered = await graphql(
      syncing.gateway.graphqlUrl,
      `
        mutation ($url: String!) {
          registerNode(url: $url) {
            slug
          }
        }
      `,
      { url: late.url },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(registered.errors).toBeUndefined();
    await syncing.sync(late.slug);
    for (let tries = 0; tries < 100 && !replica.gateway.registry.get(late.slug); tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));

    for (let i = 0; i < 2; i++) {
      const mine = await page(replica);
      expect(mine.ids).toEqual(['rep-late:l1', 'rep-shared:s1', 'rep-shared:s2']);
      expect(mine.totalCount).toBe(3);
      expect(communitiesOf(mine.extensions?.staleCommunities)).toEqual([late.slug, shared.slug]);
    }
  });

  it('reports a participant the index does not follow as never synced', async () => {
    // The moment between a node leaving the list and the replica hearing of it: the list's
    // notification is held back for this one removal, so the replica still serves the node. What
    // is stale it hears of on a channel of its own (kept between requests until a notice).
    const heard = new Promise<void>((resolve) => {
      const stop = replica.gateway.index!.notices.hear((notice) => {
        if (notice.slug === shared.slug) resolve(void stop());
      });
    });
    await sql(
      syncing.database.url,
      `begin;
       alter table followed_node disable trigger followed_node_listed;
       delete from followed_node where slug = '${shared.slug}';
       alter table followed_node enable trigger followed_node_listed;
       commit;`,
    );
    await heard;
    expect(replica.gateway.registry.get(shared.slug)).toBeDefined();
    for (let i = 0; i < 2; i++) {
      const mine = await page(replica);
      expect(mine.extensions?.staleCommunities).toEqual(
        expect.arrayContaining([{ community: shared.slug, syncedAt: null, lag: 0 }]),
      );
    }
  });
});

describe('an index made before the counts', () => {
  let database: TestDatabase;
  afterAll(async () => database?.drop());

  it('counts the artifacts it already holds when it is upgraded', async () => {
    database = await createTestDatabase('index-upgrade');
    const location = { databaseUrl: database.url, dataDir: 'unused: the index is on a test database' };
    let index = await CommonsIndex.open(location);
    await index.follow('up-fields', 'http://127.0.0.1:9/graphql');
    await index.restart('up-fields', 'e1', 3);
    const rows = [...artifacts('up-fields', 'a1', 'a2'), retired('up-fields', 'a3')];
    await index.apply('up-fields', {
      epoch: 'e1',
      head: rows.length,
      after: 0,
      cursor: rows.length,
      changes: rows.map((row, i) => ({ ...row, seq: i + 1 })),
    });
    await index.close();
    // Back to the index as it was before the counts (and what came after them), its rows kept:
    // written first, as today's writes name columns later migrations add.
    await migrateIndex(database.url, 'Migration20261216000000PageCounts');

    index = await CommonsIndex.open(location);
    await index.close();
    const { kept, counted } = await countsAndRows(database.url);
    expect(kept).toEqual([
      { community: 'up-fields', status: 'PUBLISHED', n: 2 },
      { community: 'up-fields', status: 'RETIRED', n: 1 },
    ]);
    expect(kept).toEqual(counted);
  });
});
