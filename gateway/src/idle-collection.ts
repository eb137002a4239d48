import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * After heavy work (a backfill, a report, a probe of every node) V8 keeps the garbage it promoted
 * until allocation makes it collect, and an idle process allocates nothing: the memory stays taken
 * (BENCHMARKS.md). This looks on a period; once `quietLooks` looks in a row found nothing running
 * nor started, and the old generation grew by more than `growthBytes` above the least it held since
 * the last collection (V8's own collections lower that mark), it
 * runs one full collection. If the gateway then stays quiet for `settleLooks` looks, it runs one
 * more: V8 shrinks its young generation (32 MB) only in a collection that follows some seconds of
 * little allocation.
 */
export interface IdleCollectionOptions {
  /** A full, blocking collection. */
  collect: () => void;
  /** Bytes the old generation holds now, live or not yet collected. */
  oldGenerationBytes: () => number;
  /** Work that runs outside requests (sync pulls): while it runs, the gateway is not idle. */
  busy: () => boolean;
  growthBytes: number;
  quietLooks: number;
  settleLooks: number;
}

export type IdleLook = 'busy' | 'quiet' | 'collected' | 'settled';

export class IdleCollection {
  private inFlight = 0;
  private active = false;
  private quietLooks = 0;
  private settling = false;
  /** The least the old generation held since the last collection; none yet: starting is heavy work. */
  private baseline = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: IdleCollectionOptions) {}

  /** Looks every `periodMs` until stopped; the timer never keeps the process alive. */
  start(periodMs: number): void {
    this.timer = setInterval(() => this.look(), periodMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A request started: the returned function ends it (once, however often it is called). */
  began(): () => void {
    this.inFlight++;
    this.active = true;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.active = true;
    };
  }

  /** One look: what it found, and whether it collected. */
  look(): IdleLook {
    const held = this.options.oldGenerationBytes();
    this.baseline = Math.min(this.baseline, held);
    if (this.active || this.inFlight > 0 || this.options.busy()) {
      this.active = false;
      this.quietLooks = 0;
      return 'busy';
    }
    this.quietLooks++;
    if (this.quietLooks >= this.options.quietLooks && held - this.baseline > this.options.growthBytes) {
      this.collect();
      this.settling = true;
      return 'collected';
    }
    if (this.settling && this.quietLooks >= this.options.settleLooks) {
      this.collect();
      this.settling = false;
      return 'settled';
    }
    return 'quiet';
  }

  private collect(): void {
    this.options.collect();
    this.baseline = this.options.oldGenerationBytes();
    this.quietLooks = 0;
  }
}

const YOUNG = new Set(['new_space', 'new_large_object_space']);

export const oldGenerationBytes = () =>
  getHeapSpaceStatistics().reduce(
    (sum, space) => (YOUNG.has(space.space_name) ? sum : sum + space.space_used_size),
    0,
  );

/**
 * V8's `gc` without `--expose-gc` on the command line: a context created while the flag is on gets
 * it, and the flag goes off again so that no other context (a test runner's) sees a `gc` global.
 */
export function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as () => void;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/** Heavy work done (the old generation grown by this much), the gateway collects once idle. */
const GROWTH_BYTES = 8 * 2 ** 20;
/**
 * Quiet time after a collection before the one that lets V8 shrink its young generation: V8 does
 * when the last ~5 s allocated little (measured: 6 s apart it shrinks, 5 s apart not).
 */
const SETTLE_MS = 7_000;

/**
 * Collects once the server and `busy` work have been quiet for `quietMs` after heavy work; every
 * request the server takes is work. Undefined when `quietMs` is 0 (never).
 */
export function collectWhenIdle(
  server: Server,
  quietMs: number,
  busy: () => boolean,
  logger: Pick<Logger, 'debug'>,
) {
  if (quietMs <= 0) return undefined;
  const gc = fullCollection();
  // Two looks in a row find it quiet: work that ran between looks is seen by one of them.
  const periodMs = quietMs / 2;
  const idle = new IdleCollection({
    collect: () => {
      const [before, started] = [oldGenerationBytes(), process.cpuUsage()];
      gc();
      const { user, system } = process.cpuUsage(started);
      logger.debug(
        { cpuMs: (user + system) / 1000, oldBefore: before, oldAfter: oldGenerationBytes() },
        'collected garbage once idle',
      );
    },
    oldGenerationBytes,
    busy,
    growthBytes: GROWTH_BYTES,
    quietLooks: 2,
    settleLooks: Math.ceil(SETTLE_MS / periodMs),
  });
  server.on('request', (_request, response) => response.once('close', idle.began()));
  idle.start(periodMs);
  return idle;
}
