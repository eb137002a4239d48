import pino from 'pino';
import { createContext } from '../context';
import { liveSource } from '../live/source';
import { Registry } from '../registry/Registry';

/** Turns of the event loop that pass while `work` runs (its own turns included). */
async function turnsDuring(work: () => Promise<void>): Promise<number> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns += 1;
    setImmediate(count);
  };
  setImmediate(count);
  await work();
  counting = false;
  return turns;
}

/** When a response may be sent: once no request to a node is under way, nor about to be. */
describe('a request is settled', () => {
  const logger = pino({ level: 'silent' });
  let registry: Registry;

  beforeAll(async () => {
    registry = new Registry(
      { nodeTimeoutMs: 2000, probeIntervalMs: 0, breakerThreshold: 5, breakerCooldownMs: 1000 },
      logger,
    );
    // Nothing listens on the discard port: the node is kept, DOWN, and every request to it fails.
    await registry.add({ url: 'http://127.0.0.1:9/graphql', slug: 'gone' });
  });
  afterAll(() => registry.stop());

  it('after one turn of the event loop when it asked no node', async () => {
    const ctx = createContext(registry, logger, undefined, 'unknown', liveSource);
    expect(await turnsDuring(() => ctx.settled())).toBe(1);
    expect(ctx.failures.size).toBe(0);
  });

  it('only once a loader given a key just before has asked, and its node failed it', async () => {
    const ctx = createContext(registry, logger, undefined, 'unknown', liveSource);
    // A resolver still running when execution answered: its key reaches the node a tick later.
    void ctx.loaders.profile.load('gone');
    await ctx.settled();
    expect([...ctx.failures.keys()]).toEqual(['gone']);
  });

  it('only after a few quiet turns once it asked a node', async () => {
    const ctx = createContext(registry, logger, undefined, 'unknown', liveSource);
    await ctx.loaders.profile.load('gone');
    expect(await turnsDuring(() => ctx.settled())).toBe(3);
  });
});
