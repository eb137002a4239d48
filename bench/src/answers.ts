/**
 * Answers are compared before anything is timed: a path that answered less (an edge dropped, a
 * field left null) would otherwise score better. Comparison is exact and deep; nothing is dropped.
 */
export interface Difference {
  /** Where the answers part, e.g. `data.artifacts.edges[12].node.title`. */
  path: string;
  expected: unknown;
  actual: unknown;
  /** Set when the path is a list whose lengths differ. */
  lengths?: { expected: number; actual: number };
}

const MISSING = Symbol('missing');
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first place where `actual` differs from `expected`, depth first in `expected`'s order; undefined when equal. */
export function firstDifference(expected: unknown, actual: unknown, path = 'data'): Difference | undefined {
  if (Object.is(expected, actual)) return undefined;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const found = firstDifference(
        i < expected.length ? expected[i] : MISSING,
        i < actual.length ? actual[i] : MISSING,
        `${path}[${i}]`,
      );
      if (found) {
        return expected.length === actual.length
          ? found
          : { ...found, lengths: { expected: expected.length, actual: actual.length } };
      }
    }
    return undefined;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...Object.keys(expected), ...Object.keys(actual).filter((key) => !(key in expected))];
    for (const key of keys) {
      const found = firstDifference(
        key in expected ? expected[key] : MISSING,
        key in actual ? actual[key] : MISSING,
        `${path}.${key}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  return { path, expected, actual };
}

const show = (value: unknown) =>
  value === MISSING ? 'nothing' : (JSON.stringify(value) ?? String(value)).slice(0, 200);

export function describeDifference(difference: Difference): string {
  const lengths = difference.lengths
    ? ` (a list of ${difference.lengths.actual} where ${difference.lengths.expected} were expected)`
    : '';
  return `at ${difference.path}${lengths}: expected ${show(difference.expected)}, got ${show(difference.actual)}`;
}

export class AnswersDiffer extends Error {
  constructor(
    readonly query: string,
    readonly path: string,
    readonly reference: string,
    readonly difference: Difference,
  ) {
    super(
      `answers differ for "${query}": ${path} does not answer as ${reference} does, ${describeDifference(difference)}`,
    );
    this.name = 'AnswersDiffer';
  }
}

/**
 * Every path's answer to `query` must equal the first one's (the reference), or this throws naming
 * the query, the path and the first difference.
 */
export function assertSameAnswers(query: string, answers: Array<{ path: string; data: unknown }>): void {
  const [reference, ...others] = answers;
  for (const other of others) {
    const difference = firstDifference(reference.data, other.data);
    if (difference) throw new AnswersDiffer(query, other.path, reference.path, difference);
  }
}

/**
 * A node's answer as the Commons schema would give it: the ONE place where what legitimately differs
 * between the node schema (`schema/node.graphql`) and the Commons schema (`schema/commons.graphql`)
 * is mapped. The queries asked of both (a page and a lookup selecting `id title licence { spdx name }`)
 * select only fields the two schemas declare alike, and a node's page of its own artifacts is in the
 * order the gateway's global page promises (newest first, then by id), so nothing needs mapping: the
 * node's answer is compared as it is. A compared query that selected what differs, e.g. cursors (a
 * node's cursor encodes its own key, the gateway's every node's position), would have its mapping here.
 */
export function asCommonsAnswer(nodeAnswer: Record<string, unknown>): Record<string, unknown> {
  return nodeAnswer;
}
