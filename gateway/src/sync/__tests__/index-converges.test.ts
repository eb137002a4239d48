import fc from 'fast-check';
import {
  CHANGE_KINDS,
  change,
  startFeedNode,
  startIndexedGateway,
  type FeedReply,
  type IndexedGateway,
  type ScriptedChange,
  type ScriptedFeedNode,
} from '@commons-graph/testing';
import type { ExecutionResult } from 'graphql';

const SLUG = 'openinfra-sigs';

/** How the node answers the next pulls: honestly, or replaying what it answered before. */
type Delivery =
  'honest' | 'each event twice' | 'events reversed' | 'an old page again' | 'old events prepended';

type Step = { append: ScriptedChange[] } | { sync: Delivery };

const changes = fc.array(
  fc
    .record({
      kind: fc.constantFrom(...CHANGE_KINDS),
      local: fc.constantFrom('a', 'b', 'c'),
      version: fc.integer({ min: 1, max: 4 }),
      removed: fc.boolean(),
    })
    .map(({ kind, local, version, removed }) => change(kind, SLUG, local, version, removed)),
  { minLength: 1, maxLength: 8 },
);
const steps = fc.array(
  fc.oneof(
    changes.map((append): Step => ({ append })),
    fc
      .constantFrom<Delivery>(
        'honest',
        'each event twice',
        'events reversed',
        'an old page again',
        'old events prepended',
      )
      .map((sync): Step => ({ sync })),
  ),
  { minLength: 1, maxLength: 10 },
);

type Page = { data: { changes: { events: unknown[]; next: number } } };

/** Rewrites the node's honest pages the way `delivery` says, from the pages it answered before. */
function deliver(delivery: Delivery, answered: Page[]) {
  return (honest: ExecutionResult): FeedReply | undefined => {
    const page = structuredClone(honest) as unknown as Page;
    answered.push(structuredClone(page));
    const { events } = page.data.changes;
    const old = answered[Math.floor(answered.length / 2)];
    if (delivery === 'each event twice') page.data.changes.events = events.flatMap((e) => [e, e]);
    else if (delivery === 'events reversed') events.reverse();
    else if (delivery === 'an old page again') return { json: old };
    else if (delivery === 'old events prepended') events.unshift(...old.data.changes.events);
    else return undefined;
    return { json: page };
  };
}

describe('whatever order and however often pages arrive, the index converges on the node', () => {
  let feed: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeAll(async () => {
    feed = await startFeedNode(SLUG);
    // Pages of 3 events, so that a sync takes several pages and replays cross page boundaries.
    indexed = await startIndexedGateway([{ slug: SLUG, url: feed.url }], { syncPageSize: 3 });
  });
  afterAll(async () => {
    await indexed?.stop();
    await feed?.stop();
  });

  it('holds the latest public state of every entity, and nothing else, once the node is followed to its head', async () => {
    await fc.assert(
      fc.asyncProperty(changes, steps, async (initial, script) => {
        feed.behave(null);
        feed.reset(initial); // a new epoch per run: the index starts over
        const answered: Page[] = [];
        for (const step of script) {
          if ('append' in step) feed.append(...step.append);
          else {
            feed.behave(deliver(step.sync, answered));
            await indexed.sync(SLUG);
          }
        }
        feed.behave(null);
        await indexed.sync(SLUG);
        expect(await indexed.entities()).toEqual(feed.latest());
        expect(await indexed.gateway.index!.state(SLUG)).toMatchObject({
          cursor: feed.head,
          epoch: feed.epoch,
          lastError: null,
        });
      }),
      { seed: Number(process.env.FC_SEED ?? 20261210), numRuns: Number(process.env.FC_RUNS ?? 12) },
    );
  });
});
