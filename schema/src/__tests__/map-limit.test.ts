import { mapLimit } from '../collections';

describe('mapLimit, as the report gathers nodes', () => {
  it('keeps exactly `limit` at work while items remain, and answers in the items’ order', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    // Each item finishes only once the next turn comes, so every worker is busy at once.
    const results = await mapLimit(items, 32, async (item) => {
      started.push(item);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return item * 2;
    });
    expect(most).toBe(32);
    expect(started).toEqual(items);
    expect(results).toEqual(items.map((i) => i * 2));
  });

  it('handles fewer items than the limit, and none', async () => {
    expect(await mapLimit([1, 2], 32, async (n) => n + 1)).toEqual([2, 3]);
    expect(await mapLimit([], 32, async (n: number) => n)).toEqual([]);
  });
});
