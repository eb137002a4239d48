import { PINGS_PER_MINUTE } from '@commons-graph/gateway';
import {
  change,
  graphql,
  startFeedNode,
  startIndexedGateway,
  type IndexedGateway,
  type ScriptedFeedNode,
} from '@commons-graph/testing';

const ping = (indexed: IndexedGateway, body: string, init: RequestInit = {}) =>
  fetch(`${indexed.gateway.url}/feed/ping`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    ...init,
  });

describe('a ping makes the syncing gateway pull that node now', () => {
  let feed: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeAll(async () => {
    feed = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
  });
  afterAll(async () => {
    await indexed?.stop();
    await feed?.stop();
  });

  it('pulls from its own cursor, whatever head the ping claims', async () => {
    feed.append(change('ADOPTION', 'klamath-soil', 'a1'));
    const asked = feed.asks.length;

    const answer = await ping(indexed, JSON.stringify({ community: 'klamath-soil', head: 999_999 }));
    expect({ status: answer.status, body: await answer.json() }).toEqual({
      status: 202,
      body: { accepted: true },
    });
    await indexed.gateway.sync!.settled();

    expect(feed.asks.slice(asked)).toEqual([{ after: 1, first: 1000 }]);
    expect(await indexed.entities()).toEqual(feed.latest());
    expect(await indexed.gateway.index!.state('klamath-soil')).toMatchObject({ cursor: 2, head: 2 });
  });

  it('ignores a ping from a community it does not follow', async () => {
    const asked = feed.asks.length;
    const answer = await ping(indexed, JSON.stringify({ community: 'nobody-here', head: 1 }));
    expect(answer.status).toBe(202);
    await indexed.gateway.sync!.settled();
    expect(feed.asks.length).toBe(asked);
  });

  it.each([
    ['not JSON', 'community=klamath-soil', 'The request body is not valid JSON'],
    ['a list', '[{"community":"klamath-soil","head":1}]', 'A ping is a JSON object { community, head }'],
    ['no head', '{"community":"klamath-soil"}', 'A ping gives its head as a whole number ≥ 0'],
    [
      'a negative head',
      '{"community":"klamath-soil","head":-1}',
      'A ping gives its head as a whole number ≥ 0',
    ],
    ['a slug that is none', '{"community":"Klamath Soil","head":1}', 'A ping names its community by slug'],
    [
      'more than a ping holds',
      '{"community":"klamath-soil","head":1,"data":"x"}',
      'A ping has only community and head, not "data"',
    ],
  ])('answers 400 to a body that is %s', async (_, body, message) => {
    const answer = await ping(indexed, body);
    expect({ status: answer.status, body: await answer.json() }).toEqual({
      status: 400,
      body: { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] },
    });
  });

  it('answers 405 to anything but POST', async () => {
    const answer = await fetch(`${indexed.gateway.url}/feed/ping`);
    expect(answer.status).toBe(405);
    expect(((await answer.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it(`refuses more than ${PINGS_PER_MINUTE} pings a minute from one community with 429`, async () => {
    const body = JSON.stringify({ community: 'valley-clinics', head: 1 });
    const statuses: number[] = [];
    for (let i = 0; i <= PINGS_PER_MINUTE; i++) statuses.push((await ping(indexed, body)).status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(PINGS_PER_MINUTE);
    const refused = await ping(indexed, body);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    // Another community is not held back by that one.
    expect((await ping(indexed, JSON.stringify({ community: 'klamath-soil', head: 1 }))).status).toBe(202);
  });
});

describe('several gateways on one index: exactly one syncs, all serve', () => {
  let feed: ScriptedFeedNode;
  let first: IndexedGateway;
  let second: IndexedGateway;
  afterAll(async () => {
    await second?.stop(); // on the first's database, which the first drops
    await first?.stop();
    await feed?.stop();
  });

  it('lets the second take over syncing when the first stops', async () => {
    feed = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    const nodes = [{ slug: 'klamath-soil', url: feed.url }];
    first = await startIndexedGateway(nodes);
    second = await startIndexedGateway(nodes, {}, {}, first.database);
    expect([first.gateway.sync!.leading, second.gateway.sync!.leading]).toEqual([true, false]);

    feed.append(change('NEED', 'klamath-soil', 'forms'));
    const asked = feed.asks.length;
    await second.gateway.sync!.pass();
    expect(await second.gateway.sync!.pinged('klamath-soil')).toBe(false);
    await second.gateway.sync!.settled();
    expect(feed.asks.length).toBe(asked);

    // The second serves what the first synced.
    await first.sync('klamath-soil');
    const { data } = await graphql<{ nodes: Array<{ sync: { syncedSeq: number } }> }>(
      second.gateway.graphqlUrl,
      `
        {
          nodes {
            sync {
              syncedSeq
            }
          }
        }
      `,
    );
    expect(data!.nodes).toEqual([{ sync: { syncedSeq: 2 } }]);

    await first.gateway.stop();
    feed.append(change('NEED', 'klamath-soil', 'translators'));
    await second.gateway.sync!.pass();
    await second.gateway.sync!.settled();
    expect(second.gateway.sync!.leading).toBe(true);
    expect(await second.entities()).toEqual(feed.latest());
  });
});
