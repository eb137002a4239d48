import fc from 'fast-check';
import { nestsDeeperThan } from '../node-client/NodeClient';

/** The reference: the depth of the parsed value (V8 parses deep JSON without recursion). */
function depthOf(value: unknown): number {
  let most = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    most = Math.max(most, depth);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return most;
}

describe('the depth guard on node answers', () => {
  it('agrees with the parsed depth on any JSON, strings full of quotes, brackets and backslashes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(nestsDeeperThan(text, max)).toBe(depthOf(JSON.parse(text)) > max);
      }),
      { seed: Number(process.env.FC_SEED ?? 20261130), numRuns: Number(process.env.FC_RUNS ?? 500) },
    );
    for (const tricky of ['{"a":"\\\\\\"[[["}', '{"a":"x\\\\"}', '["\\"",[[]]]', '"[[[[["']) {
      expect(nestsDeeperThan(tricky, 1)).toBe(depthOf(JSON.parse(tricky)) > 1);
    }
  });
});
