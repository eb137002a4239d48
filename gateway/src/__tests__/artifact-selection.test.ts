import { isObjectType } from 'graphql';
import { NODE_FIELDS_FOR } from '../resolvers/artifact-selection';
import { mergeSorted } from '../live/artifact-page';
import { buildCommonsSchema } from '../server';
import type { NodeArtifact } from '../node-client/types';

describe('what the gateway asks nodes about artifacts', () => {
  it('knows the node fields behind every Commons Artifact field', () => {
    const artifact = buildCommonsSchema().getType('Artifact');
    if (!isObjectType(artifact)) throw new Error('Artifact is not an object type');
    expect(Object.keys(NODE_FIELDS_FOR).sort()).toEqual(Object.keys(artifact.getFields()).sort());
  });
});

describe('merging pages from many nodes', () => {
  const at = (day: number, id: string): NodeArtifact => ({
    id,
    community: id.split(':')[0],
    publishedAt: `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`,
  });

  it('keeps the shared order (newest first, then id) and only the first N', () => {
    const a = [at(9, 'a:1'), at(5, 'a:2'), at(5, 'a:3'), at(1, 'a:4')];
    const b = [at(7, 'b:1'), at(5, 'b:0'), at(2, 'b:2')];
    const c: NodeArtifact[] = [];
    const { page, more } = mergeSorted([a, b, c], 5);
    expect(page.map((x) => x.id)).toEqual(['a:1', 'b:1', 'a:2', 'a:3', 'b:0']);
    expect(more).toBe(true);
    expect(mergeSorted([a, b], 7)).toEqual({ page: expect.any(Array), more: false });
    expect(mergeSorted([a, b], 7).page.map((x) => x.id)).toEqual([
      'a:1',
      'b:1',
      'a:2',
      'a:3',
      'b:0',
      'b:2',
      'a:4',
    ]);
  });
});
