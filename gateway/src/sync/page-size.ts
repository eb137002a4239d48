/** The fewest events the follower asks for; a node that cannot send this many within the limits fails. */
export const MIN_PAGE_SIZE = 10;

/** Pages read in a row at one size before the follower asks for twice as many again. */
export const GROW_AFTER = 4;

/**
 * How many events to ask a node's feed for: `max`, halved (down to MIN_PAGE_SIZE) each time a page
 * was too large or too slow to read, and doubled back after GROW_AFTER pages read in a row. A node
 * with large events then syncs in smaller pages instead of failing on the same page forever.
 */
export class PageSize {
  private size: number;
  private read = 0;

  constructor(readonly max: number) {
    this.size = max;
  }

  get current(): number {
    return this.size;
  }

  /** A page was too much; whether a smaller one may be asked for. */
  shrink(): boolean {
    const floor = Math.min(MIN_PAGE_SIZE, this.max);
    if (this.size <= floor) return false;
    this.size = Math.max(floor, Math.floor(this.size / 2));
    this.read = 0;
    return true;
  }

  /** A page was read whole. */
  fitted(): void {
    if (this.size >= this.max || ++this.read < GROW_AFTER) return;
    this.size = Math.min(this.max, this.size * 2);
    this.read = 0;
  }
}
