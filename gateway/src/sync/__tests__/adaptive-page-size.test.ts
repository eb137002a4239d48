import {
  change,
  startFeedNode,
  startIndexedGateway,
  type IndexedGateway,
  type ScriptedChange,
  type ScriptedFeedNode,
} from '@commons-graph/testing';
import { GROW_AFTER, MIN_PAGE_SIZE } from '../page-size';

/** An artifact whose body is `bytes` long. */
function large(slug: string, local: string, bytes: number): ScriptedChange {
  const made = change('ARTIFACT', slug, local);
  return { ...made, member: { ...made.member, body: `${local} `.padEnd(bytes, 'x') } };
}

const LIMIT = 256 * 1024;
/** About 13 kB an event: 15 fit in the limit, 30 do not. */
const EVENT_BYTES = 12_000;

describe('a feed whose pages of 1000 are too large to read', () => {
  let feed: ScriptedFeedNode;
  let indexed: IndexedGateway;
  afterEach(async () => {
    await indexed?.stop();
    await feed?.stop();
  });

  it('is asked for smaller pages, halving down to what fits, then growing back, and syncs whole', async () => {
    feed = await startFeedNode('big-circle', [change('COMMUNITY', 'big-circle', '')]);
    feed.append(...Array.from({ length: 300 }, (_, i) => large('big-circle', `a${i}`, EVENT_BYTES)));
    // The gateway's first pass pulls the whole feed.
    indexed = await startIndexedGateway(
      [{ slug: 'big-circle', url: feed.url }],
      {},
      { nodeMaxResponseBytes: LIMIT },
    );

    expect(await indexed.entities()).toEqual(feed.latest());
    const firsts = feed.asks.map((ask) => ask.first);
    // 1000 down to 31 events are more bytes than the limit, each asked from 0 again; 15 fit.
    expect(firsts.slice(0, 6)).toEqual([1000, 500, 250, 125, 62, 31]);
    expect(feed.asks.slice(0, 7).every((ask) => ask.after === 0)).toBe(true);
    // After GROW_AFTER pages read at 15 it asks for 30 (too large: back to 15).
    expect(firsts.slice(6, 6 + GROW_AFTER + 2)).toEqual([...Array<number>(GROW_AFTER).fill(15), 30, 15]);
    expect(firsts.every((first) => first >= MIN_PAGE_SIZE)).toBe(true);
    const state = await indexed.gateway.index!.state('big-circle');
    expect(state).toMatchObject({ cursor: 301, head: 301, failures: 0, lastError: null });
  });

  it('fails as before (and backs off) when even the smallest page is too large', async () => {
    feed = await startFeedNode('huge-circle', [change('COMMUNITY', 'huge-circle', '')]);
    feed.append(...Array.from({ length: 20 }, (_, i) => large('huge-circle', `a${i}`, LIMIT / 4)));
    indexed = await startIndexedGateway(
      [{ slug: 'huge-circle', url: feed.url }],
      {},
      { nodeMaxResponseBytes: LIMIT },
    );

    expect(feed.asks.map((ask) => ask.first)).toEqual([1000, 500, 250, 125, 62, 31, 15, MIN_PAGE_SIZE]);
    const state = await indexed.gateway.index!.state('huge-circle');
    expect(state).toMatchObject({ cursor: 0, failures: 1 });
    expect(state!.lastError).toMatch(new RegExp(`more than the ${LIMIT}`));
  });
});
