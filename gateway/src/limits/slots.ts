/**
 * At most `capacity` holders at once; others queue in order and give up after a bounded wait, so a
 * burst (from however many clients) waits its turn or is refused, and never piles up work.
 */
export class Slots {
  private running = 0;
  private readonly queue: Array<(granted: boolean) => void> = [];

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.running;
  }

  /** Resolves to a release function, or to null when no slot freed within `waitMs`. */
  acquire(waitMs: number): Promise<(() => void) | null> {
    if (this.running < this.capacity) return Promise.resolve(this.grant());
    if (waitMs <= 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = (granted: boolean) => {
        clearTimeout(timer);
        resolve(granted ? this.grant() : null);
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        waiter(false);
      }, waitMs);
      this.queue.push(waiter);
    });
  }

  private grant(): () => void {
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.queue.shift()?.(true);
    };
  }
}
