import { sql, startTestNode, type TestNode } from '@commons-graph/testing';
import { seedLinks, seedPublishedArtifacts } from '../database/seed';

/** The helpers tests, the demo and the bench share to fill databases fast. */
describe('seeding published data straight into a node', () => {
  let node: TestNode;
  beforeAll(async () => (node = await startTestNode('seed-circle')));
  afterAll(() => node?.stop());

  it('publishes rows the public API then serves, newest first', async () => {
    const ids = await seedPublishedArtifacts(node.database.url, node.slug, [
      { handle: 'older', publishedAt: new Date('2026-01-01T00:00:00Z'), kind: 'PATTERN' },
      { handle: 'newer', publishedAt: new Date('2026-02-01T00:00:00Z'), title: 'The newer one' },
    ]);
    expect(ids).toEqual(['seed-circle:older', 'seed-circle:newer']);
    const { artifacts } = await node.publicOk(
      `{ artifacts(first: 10) { edges { node { id title kind publishedAt versions { number } } } } }`,
    );
    expect(artifacts.edges.map((e: any) => e.node)).toEqual([
      {
        id: 'seed-circle:newer',
        title: 'The newer one',
        kind: 'PLAYBOOK',
        publishedAt: '2026-02-01T00:00:00.000Z',
        versions: [{ number: 1 }],
      },
      {
        id: 'seed-circle:older',
        title: 'seed-circle older',
        kind: 'PATTERN',
        publishedAt: '2026-01-01T00:00:00.000Z',
        versions: [{ number: 1 }],
      },
    ]);
  });

  it('refuses a link naming a handle the node does not have, and records none of the batch', async () => {
    await expect(
      seedLinks(node.database.url, {
        adoptions: [{ artifactId: 'elsewhere:a1' }],
        derivations: [{ handle: 'no-such-handle', sourceId: 'elsewhere:a1' }],
      }),
    ).rejects.toThrow(/derivations name a handle with no artifact/);
    expect(await sql(node.database.url, 'select count(*)::int as n from adoption')).toEqual([{ n: 0 }]);
  });
});
