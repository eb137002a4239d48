import {
  change,
  startFeedNode,
  startIndexedGateway,
  type IndexedGateway,
  type ScriptedFeedNode,
  waitUntil,
} from '@commons-graph/testing';

describe("the period's pass", () => {
  let feed: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeAll(async () => {
    feed = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    // No timer (period 0): the test ticks itself.
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
  });
  afterAll(async () => {
    await indexed?.stop();
    await feed?.stop();
  });

  it('runs once more right after a pass that a tick found running, so a change is not left for the next tick', async () => {
    const sync = indexed.gateway.sync!;
    let answer!: () => void;
    feed.behave(() => new Promise<undefined>((resolve) => (answer = () => resolve(undefined))));
    const asked = feed.asks.length;
    const running = sync.pass();
    await waitUntil(() => feed.asks.length > asked); // the pass's pull is held at the node

    sync.periodic(); // the period comes round during the pass
    feed.behave(null);
    feed.append(change('ADOPTION', 'klamath-soil', 'a1')); // after the held pull read the feed
    answer();
    await running;
    await sync.settled();

    expect(feed.asks.slice(asked)).toEqual([
      { after: 1, first: 1000 },
      { after: 1, first: 1000 },
    ]);
    expect(await indexed.entities()).toEqual(feed.latest());
  });

  it('starts a pass when none is running', async () => {
    const asked = feed.asks.length;
    indexed.gateway.sync!.periodic();
    await indexed.gateway.sync!.settled();
    expect(feed.asks.length).toBe(asked + 1);
  });
});
