import { Agent } from 'undici';
import { F, artifactPageField } from '../gateway/src/node-client/fields';
import { NodeBatch, NodeFieldError } from '../gateway/src/node-client/NodeBatch';
import { NodeClient } from '../gateway/src/node-client/NodeClient';
import { startTestNode, type TestNode } from '@commons-graph/testing';

/** The gateway's per-node batch against a real node: one request, each field's answer or error apart. */
describe('one request per node per level', () => {
  let node: TestNode;
  let agent: Agent;
  let client: NodeClient;
  const sent: string[] = [];

  beforeAll(async () => {
    node = await startTestNode('batch-node');
    agent = new Agent();
    client = new NodeClient('batch-node', node.node.publicUrl, {
      timeoutMs: 2000,
      breakerThreshold: 5,
      breakerCooldownMs: 1000,
      agent,
      onRequest: (_slug, operation) => sent.push(operation),
    });
  });
  afterAll(async () => {
    await agent.close();
    await node.stop();
  });

  it('sends the fields asked in one turn together and gives each its own answer', async () => {
    const batch = new NodeBatch(
      (operation, query, variables) => client.send(operation, query, variables),
      'batch-node',
    );
    const [needs, adoptions, page] = await Promise.all([
      batch.ask(F.needs, { status: null }),
      batch.ask(F.adoptionsOf, { artifactIds: ['other:one', 'other:two'] }),
      batch.ask(artifactPageField('id title'), { first: 5 }),
    ]);
    expect(sent).toEqual(['Needs_AdoptionsOf_ArtifactPage']);
    expect(needs).toEqual([]);
    expect(adoptions).toEqual([]);
    expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] });
  });

  it('fails only the field the node refused, not the rest of the batch', async () => {
    const batch = new NodeBatch(
      (operation, query, variables) => client.send(operation, query, variables),
      'batch-node',
    );
    const [needs, page] = await Promise.allSettled([
      batch.ask(F.needs, { status: 'OPEN' }),
      batch.ask(artifactPageField('id'), { first: 1000 }),
    ]);
    expect(needs).toEqual({ status: 'fulfilled', value: [] });
    // The refused field nulled the whole answer, so the rest was asked again on its own.
    expect(sent.slice(-2)).toEqual(['Needs_ArtifactPage', 'Needs']);
    expect(page.status).toBe('rejected');
    expect((page as PromiseRejectedResult).reason).toBeInstanceOf(NodeFieldError);
    expect(String((page as PromiseRejectedResult).reason.message)).toMatch(/ArtifactPage/);
    expect(client.breaker.consecutiveFailures).toBe(0);
  });
});
