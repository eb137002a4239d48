import { createServer } from 'node:http';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { collectWhenIdle, fullCollection, IdleCollection, type IdleLook } from '../idle-collection';

const MB = 2 ** 20;

/**
 * An IdleCollection over a pretend heap (a collection leaves 10 MB in the old generation), past the
 * collections that follow its start unless `fresh`.
 */
function pretend({ busy = (): boolean => false, fresh = false } = {}) {
  const heap = { old: 10 * MB, collections: 0 };
  const idle = new IdleCollection({
    collect: () => {
      heap.collections++;
      heap.old = 10 * MB;
    },
    oldGenerationBytes: () => heap.old,
    busy,
    growthBytes: 8 * MB,
    quietLooks: 2,
    settleLooks: 4,
  });
  const looks = (amount: number): IdleLook[] => Array.from({ length: amount }, () => idle.look());
  if (!fresh) {
    looks(2 + 4);
    heap.collections = 0;
  }
  return { heap, idle, looks };
}

describe('collecting once idle after heavy work', () => {
  it('counts starting as heavy work', () => {
    const { looks } = pretend({ fresh: true });
    expect(looks(8)).toEqual(['quiet', 'collected', 'quiet', 'quiet', 'quiet', 'settled', 'quiet', 'quiet']);
  });

  it('collects after the old generation grew, once two looks in a row found nothing running', () => {
    const { heap, looks } = pretend();
    heap.old += 20 * MB;
    expect(looks(2)).toEqual(['quiet', 'collected']);
    expect(heap.collections).toBe(1);
  });

  it('never collects without heavy work, however long it is idle', () => {
    const { heap, looks } = pretend();
    heap.old += 4 * MB;
    expect(looks(20).every((look) => look === 'quiet')).toBe(true);
    expect(heap.collections).toBe(0);
  });

  it('measures the growth from the least the old generation held, which V8 lowers when it collects', () => {
    const { heap, looks } = pretend();
    heap.old = 15 * MB;
    expect(looks(2)).toEqual(['quiet', 'quiet']);
    heap.old = 6 * MB; // V8 collected by itself
    looks(1);
    heap.old = 15 * MB;
    expect(looks(1)).toEqual(['collected']);
  });

  it('waits while a request is in flight, and for two quiet looks after it ends', () => {
    const { heap, idle, looks } = pretend();
    heap.old += 20 * MB;
    const ended = idle.began();
    expect(looks(3)).toEqual(['busy', 'busy', 'busy']);
    ended();
    ended(); // ending twice counts once
    expect(looks(3)).toEqual(['busy', 'quiet', 'collected']);
  });

  it('counts a request that came and went between two looks as work', () => {
    const { heap, idle, looks } = pretend();
    heap.old += 20 * MB;
    expect(looks(1)).toEqual(['quiet']);
    idle.began()();
    expect(looks(3)).toEqual(['busy', 'quiet', 'collected']);
  });

  it('waits while other work (sync pulls) runs', () => {
    let pulling = true;
    const { heap, looks } = pretend({ busy: () => pulling });
    heap.old += 20 * MB;
    expect(looks(3)).toEqual(['busy', 'busy', 'busy']);
    pulling = false;
    expect(looks(2)).toEqual(['quiet', 'collected']);
  });

  it('collects once more after a quiet while (V8 shrinks its young generation then), and then no more', () => {
    const { heap, looks } = pretend();
    heap.old += 20 * MB;
    expect(looks(2 + 4 + 10)).toEqual([
      'quiet',
      'collected',
      'quiet',
      'quiet',
      'quiet',
      'settled',
      ...Array(10).fill('quiet'),
    ]);
    expect(heap.collections).toBe(2);
  });

  it('puts the second collection off while work comes in, and collects anew after more heavy work', () => {
    const { heap, idle, looks } = pretend();
    heap.old += 20 * MB;
    looks(2);
    expect(looks(2)).toEqual(['quiet', 'quiet']);
    idle.began()();
    expect(looks(5)).toEqual(['busy', 'quiet', 'quiet', 'quiet', 'settled']);
    heap.old += 9 * MB;
    expect(looks(2)).toEqual(['quiet', 'collected']);
  });
});

describe('the full collection', () => {
  it('collects what is unreachable without --expose-gc, and leaves no gc global behind', async () => {
    const ref = (() => new WeakRef({ held: 'nothing' }))();
    // A WeakRef's target lives until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    fullCollection()();
    expect(ref.deref()).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('runs for real in a server left quiet after it starts', async () => {
    const server = createServer();
    const collected: unknown[] = [];
    const idle = collectWhenIdle(server, 20, () => false, {
      debug: (...args: unknown[]) => collected.push(args),
    });
    while (!collected.length) await new Promise((resolve) => setTimeout(resolve, 10));
    idle?.stop();
    expect(collected[0]).toEqual([
      expect.objectContaining({ cpuMs: expect.any(Number) }),
      'collected garbage once idle',
    ]);
  });

  it('is off when the quiet time is 0, and stops looking when stopped', () => {
    const server = createServer();
    expect(collectWhenIdle(server, 0, () => false, pino({ level: 'silent' }))).toBeUndefined();
    expect(server.listenerCount('request')).toBe(0);
    const idle = collectWhenIdle(server, 1000, () => false, pino({ level: 'silent' }));
    expect(server.listenerCount('request')).toBe(1);
    idle?.stop();
  });
});
