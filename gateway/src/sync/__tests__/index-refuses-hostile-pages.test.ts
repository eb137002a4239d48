import {
  change,
  startFeedNode,
  startIndexedGateway,
  type FeedReply,
  type IndexedGateway,
  type ScriptedFeedNode,
} from '@commons-graph/testing';
import type { ExecutionResult } from 'graphql';

type Event = Record<string, any>;
/** The honest page with its last event rewritten: the events before it are good, so only a whole-page refusal keeps them out. */
const lastEvent =
  (rewrite: (event: Event, events: Event[]) => void) =>
  (honest: ExecutionResult): FeedReply => {
    const json = structuredClone(honest) as { data: { changes: { events: Event[] } } };
    const { events } = json.data.changes;
    rewrite(events[events.length - 1], events);
    return { json };
  };

const HOSTILE_PAGES: Array<
  [string, (honest: ExecutionResult) => FeedReply, string | ((cursor: number) => string)]
> = [
  [
    'an event about another community’s entity',
    lastEvent((event) => {
      event.entityId = 'valley-clinics:intake-form';
    }),
    'answered changes.events[1].entityId with "valley-clinics:intake-form", not an entity of its own community',
  ],
  [
    'a member naming another community as its own',
    lastEvent((event) => (event.adoption.community = 'valley-clinics')),
    'answered changes.events[1].adoption.community with "valley-clinics", not its own community "klamath-soil"',
  ],
  [
    'a derivation on another community’s artifact',
    lastEvent((event) => {
      event.kind = 'DERIVATION';
      event.derivation = {
        ...change('DERIVATION', 'klamath-soil', 'a2').member,
        artifactId: 'valley-clinics:intake-form',
      };
      event.adoption = null;
    }),
    'answered changes.events[1].derivation.artifactId with "valley-clinics:intake-form", an id of another community',
  ],
  [
    'a member of the wrong type',
    lastEvent((event) => (event.adoption.status = 42)),
    'answered changes.events[1].adoption.status with number 42, not a AdoptionStatus',
  ],
  [
    'a member another kind of event carries',
    lastEvent((event) => (event.artifact = change('ARTIFACT', 'klamath-soil', 'stowaway').member)),
    'answered changes.events[1].artifact on an event of kind ADOPTION, which carries only adoption',
  ],
  [
    'a member that is not the entity of its event',
    lastEvent((event) => (event.adoption.id = 'klamath-soil:someone-else')),
    'answered changes.events[1].adoption with the entity "klamath-soil:someone-else" for "klamath-soil:a2"',
  ],
  [
    'an oversized string',
    lastEvent((event) => (event.adoption.context = 'x'.repeat(1_000_001))),
    'answered changes.events[1].adoption.context with a string of 1000001 characters (at most 1000000)',
  ],
  [
    'a gap in the sequence',
    lastEvent((_, events) => events.shift()),
    (cursor) => `answered changes.events without seq ${cursor + 1}, before ${cursor + 2}`,
  ],
  [
    'JSON nested past the limit',
    () => ({ raw: `{"data":{"changes":${'['.repeat(100)}${']'.repeat(100)}}}` }),
    'answered with JSON nested deeper than 64 levels',
  ],
];

describe('a node’s hostile page is refused whole, and the other nodes stay synced', () => {
  let klamath: ScriptedFeedNode;
  let valley: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeAll(async () => {
    klamath = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    valley = await startFeedNode('valley-clinics', [change('NEED', 'valley-clinics', 'forms')]);
    indexed = await startIndexedGateway([
      { slug: 'klamath-soil', url: klamath.url },
      { slug: 'valley-clinics', url: valley.url },
    ]);
  });
  afterAll(async () => {
    await indexed?.stop();
    await Promise.all([klamath?.stop(), valley?.stop()]);
  });
  afterEach(() => klamath.behave(null));

  it.each(HOSTILE_PAGES)('refuses %s', async (_, hostile, reason) => {
    const before = await indexed.entities('klamath-soil');
    const { cursor } = (await indexed.gateway.index!.state('klamath-soil'))!;
    klamath.append(change('ADOPTION', 'klamath-soil', 'a1'), change('ADOPTION', 'klamath-soil', 'a2'));
    valley.append(change('NEED', 'valley-clinics', 'translators'));
    klamath.behave(hostile);

    await Promise.all([indexed.sync('klamath-soil'), indexed.sync('valley-clinics')]);

    expect(await indexed.entities('klamath-soil')).toEqual(before);
    const state = (await indexed.gateway.index!.state('klamath-soil'))!;
    expect(state).toMatchObject({ cursor, failures: 1 });
    expect(state.lastError).toContain(typeof reason === 'string' ? reason : reason(cursor));
    expect(await indexed.entities('valley-clinics')).toEqual(valley.latest());

    // Answering well again applies everything it refused, and clears the error.
    klamath.behave(null);
    await indexed.sync('klamath-soil');
    expect(await indexed.entities('klamath-soil')).toEqual(klamath.latest());
    expect(await indexed.gateway.index!.state('klamath-soil')).toMatchObject({
      cursor: klamath.head,
      failures: 0,
      lastError: null,
      nextAttemptAt: null,
    });
  });
});

describe('a failing node is asked again later and later, up to a cap', () => {
  let feed: ScriptedFeedNode;
  let indexed: IndexedGateway;
  afterEach(async () => {
    await indexed?.stop();
    await feed?.stop();
  });

  it('doubles the wait after each failure up to the cap, and a success resets it, without closing the node to queries', async () => {
    feed = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    indexed = await startIndexedGateway(
      [{ slug: 'klamath-soil', url: feed.url }],
      { syncBackoffMs: 100, syncBackoffCapMs: 400 },
      { breakerThreshold: 3 },
    );
    feed.behave(() => ({ raw: 'down for maintenance', status: 503, contentType: 'text/plain' }));
    const waits: number[] = [];
    for (let failure = 1; failure <= 5; failure++) {
      await indexed.sync('klamath-soil');
      const state = (await indexed.gateway.index!.state('klamath-soil'))!;
      expect(state.failures).toBe(failure);
      expect(state.lastError).toBe(
        'answered HTTP 503 with content type "text/plain", not a GraphQL response',
      );
      waits.push(state.nextAttemptAt!.getTime() - state.lastAttemptAt!.getTime());
    }
    expect(waits).toEqual([100, 200, 400, 400, 400]);
    // The follower's failures are its own to back off from: queries still ask the node.
    expect(indexed.gateway.registry.get('klamath-soil')!.client.breaker.isOpen).toBe(false);

    feed.behave(null);
    feed.append(change('ARTIFACT', 'klamath-soil', 'guide', 2));
    await indexed.sync('klamath-soil');
    expect(await indexed.gateway.index!.state('klamath-soil')).toMatchObject({
      failures: 0,
      lastError: null,
      nextAttemptAt: null,
      cursor: 2,
    });
  });

  it('leaves a node alone on its periods and pings until its wait is over', async () => {
    feed = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }], {
      syncBackoffMs: 3_600_000,
      syncBackoffCapMs: 3_600_000,
    });
    feed.behave(() => ({ raw: 'down', status: 503, contentType: 'text/plain' }));
    await indexed.sync('klamath-soil');
    const asked = feed.asks.length;

    await indexed.gateway.sync!.pass();
    expect(await indexed.gateway.sync!.pinged('klamath-soil')).toBe(false);
    await indexed.gateway.sync!.settled();

    expect(feed.asks.length).toBe(asked);
  });
});
