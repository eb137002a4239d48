/**
 * At most `max` holders at once; more wait in order in a bounded queue, and past it fail at once.
 * A slow node then holds a few sockets and a short queue, not the gateway's memory; a burst of
 * reports waits its turn or is refused instead of piling up work.
 */
export class Slots {
  private active = 0;
  private readonly waiting: Array<(release: () => void) => void> = [];

  constructor(
    readonly max: number,
    readonly maxQueue: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with a release function once a slot is free. Throws QueueFullError when the queue is
   * full, and the signal's reason if it aborts while waiting.
   */
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (this.active < this.max) {
      this.active += 1;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxQueue) throw new QueueFullError(this.max, this.waiting.length);
    signal.throwIfAborted();
    return new Promise<() => void>((resolve, reject) => {
      const start = (release: () => void) => {
        signal.removeEventListener('abort', abandon);
        resolve(release);
      };
      const abandon = () => {
        const at = this.waiting.indexOf(start);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason);
      };
      this.waiting.push(start);
      signal.addEventListener('abort', abandon, { once: true });
    });
  }

  /** A release function, or null when no slot freed within `waitMs` (0: only if one is free now). */
  within(waitMs: number): Promise<(() => void) | null> {
    return this.acquire(waitMs > 0 ? AbortSignal.timeout(waitMs) : AbortSignal.abort()).catch(() => null);
  }

  /** A slot given back passes straight to the first waiter, so none is taken twice. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next(this.releaser());
      else this.active -= 1;
    };
  }
}

export class QueueFullError extends Error {
  constructor(max: number, queued: number) {
    super(`${max} requests in flight and ${queued} waiting, the most it may have`);
  }
}
