import { AnswersDiffer, assertSameAnswers, firstDifference } from '../answers';
import { canonical, expectedLinkedPage, expectedReportHoldings, type Holdings } from '../stubs/expected';
import { syntheticCommons } from '../stubs/synthetic';

/**
 * The bench compares every path's answers before it times them, so a path that answers less
 * cannot score better. These stories break one answer on purpose and expect the run to fail.
 */
const page = (titles: string[]) => ({
  artifacts: {
    edges: titles.map((title, i) => ({
      node: {
        id: `bench:bench-${i + 1}`,
        title,
        licence: { spdx: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0' },
      },
    })),
  },
});

describe('comparing the answers of the paths a section measures', () => {
  const direct = page(['one', 'two', 'three', 'four']);

  it('lets equal answers through', () => {
    expect(firstDifference(direct, structuredClone(direct))).toBeUndefined();
    expect(() =>
      assertSameAnswers('page of 50 with licences', [
        { path: 'direct to the node', data: direct },
        { path: 'Commons gateway', data: structuredClone(direct) },
        { path: '@apollo/gateway 2.14', data: structuredClone(direct) },
      ]),
    ).not.toThrow();
  });

  it('fails when one path drops an edge, naming the query, the path and the first difference', () => {
    const dropped = structuredClone(direct);
    dropped.artifacts.edges.splice(1, 1);
    const run = () =>
      assertSameAnswers('page of 50 with licences', [
        { path: 'direct to the node', data: direct },
        { path: '@apollo/gateway 2.14', data: structuredClone(direct) },
        { path: 'Commons gateway', data: dropped },
      ]);
    expect(run).toThrow(AnswersDiffer);
    expect(run).toThrow(
      'answers differ for "page of 50 with licences": Commons gateway does not answer as direct to the node does, ' +
        'at data.artifacts.edges[1].node.id (a list of 3 where 4 were expected): expected "bench:bench-2", got "bench:bench-3"',
    );
  });

  it('fails on a dropped last edge, a null field and an extra field alike', () => {
    const lastDropped = structuredClone(direct);
    lastDropped.artifacts.edges.pop();
    expect(firstDifference(direct, lastDropped)).toMatchObject({
      path: 'data.artifacts.edges[3]',
      actual: expect.anything(),
      lengths: { expected: 4, actual: 3 },
    });

    const nulled = structuredClone(direct) as any;
    nulled.artifacts.edges[2].node.licence = null;
    expect(firstDifference(direct, nulled)?.path).toBe('data.artifacts.edges[2].node.licence');

    const extra = structuredClone(direct) as any;
    extra.artifacts.edges[0].node.summary = 'more';
    expect(firstDifference(direct, extra)?.path).toBe('data.artifacts.edges[0].node.summary');
  });
});

describe('checking a scaling answer against what the stubs hold', () => {
  const slugs = ['node-000', 'node-001', 'node-002'];
  const commons = syntheticCommons({ slugs, artifactsPerNode: 20, seed: 7 });
  const everyone: Holdings = { commons, answering: new Set(slugs) };

  it('expects every adoption and feedback stored on any node, on the newest 50 of all nodes', () => {
    const expected = expectedLinkedPage(everyone, 50);
    expect(expected.artifacts.totalCount).toBe(60);
    expect(expected.artifacts.edges).toHaveLength(50);
    const ids = new Set(expected.artifacts.edges.map((e: any) => e.node.id));
    const stored = [...commons.values()].flatMap((n) => n.adoptions).filter((a) => ids.has(a.artifactId));
    expect(expected.artifacts.edges.flatMap((e: any) => e.node.adoptions)).toHaveLength(stored.length);
    expect(stored.length).toBeGreaterThan(0);
  });

  it('fails an answer that lost one adoption, whatever order the gateway listed them in', () => {
    const expected = expectedLinkedPage(everyone, 50);
    const answer = structuredClone(expected);
    for (const edge of answer.artifacts.edges) edge.node.adoptions.reverse();
    expect(firstDifference(canonical(expected), canonical(answer))).toBeUndefined();

    const edge = answer.artifacts.edges.find((e: any) => e.node.adoptions.length > 0);
    edge.node.adoptions.pop();
    expect(firstDifference(canonical(expected), canonical(answer))?.path).toMatch(
      /^data\.artifacts\.edges\[\d+\]\.node\.adoptions\[\d+\]$/,
    );
  });

  it('leaves out what a silent node holds, and names it unavailable in the report', () => {
    const withoutOne: Holdings = { commons, answering: new Set(slugs.slice(0, 2)) };
    const expected = expectedLinkedPage(withoutOne, 50);
    expect(expected.artifacts.totalCount).toBe(40);
    expect(expected.artifacts.edges.every((e: any) => !e.node.id.startsWith('node-002:'))).toBe(true);
    const report = expectedReportHoldings(withoutOne, '2025-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z');
    expect(report.communities).toEqual(['node-000', 'node-001']);
    expect(report.unavailableCommunities).toEqual(['node-002']);
    expect(report.adoptionMatrix.every((c: any) => c.adopter !== 'node-002')).toBe(true);
  });
});
