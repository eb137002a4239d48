import { Agent } from 'undici';
import { NODE_FIELDS, artifactPageField } from '../gateway/src/node-client/fields';
import { NodeBatch, NodeFieldError, type NodeHealth } from '../gateway/src/node-client/NodeBatch';
import { NodeAnswerError, NodeClient, NodeUnavailableError } from '../gateway/src/node-client/NodeClient';
import { startHostileNode, startTestNode, type TestNode } from '@commons-graph/testing';

/** Health as the registry would hear it, in order. */
function heardHealth(): NodeHealth & { heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    markAnswered: (slug) => heard.push(`${slug} answered`),
    markFailed: (slug, reason) => heard.push(`${slug} failed: ${reason}`),
  };
}

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
    const health = heardHealth();
    const batch = new NodeBatch(client, health);
    const [needs, adoptions, page] = await Promise.all([
      batch.ask(NODE_FIELDS.needs, { status: null }),
      batch.ask(NODE_FIELDS.adoptionsOf, { artifactIds: ['other:one', 'other:two'] }),
      batch.ask(artifactPageField('id title'), { first: 5 }),
    ]);
    expect(sent).toEqual(['Needs_AdoptionsOf_ArtifactPage']);
    expect(needs).toEqual([]);
    expect(adoptions).toEqual([]);
    expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] });
    expect(health.heard).toEqual(['batch-node answered']);
  });

  it('fails only the field the node refused, not the rest of the batch', async () => {
    const batch = new NodeBatch(client, heardHealth());
    const [needs, page] = await Promise.allSettled([
      batch.ask(NODE_FIELDS.needs, { status: 'OPEN' }),
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

  it("tells the node's health of a request nobody answered, and of an answer that breaks the contract", async () => {
    const hostile = await startHostileNode(node.node.publicUrl);
    const unreachable = new NodeClient('batch-node', 'http://127.0.0.1:9/graphql', {
      timeoutMs: 2000,
      breakerThreshold: 5,
      breakerCooldownMs: 1000,
      agent,
    });
    const lying = new NodeClient('batch-node', hostile.url, {
      timeoutMs: 2000,
      breakerThreshold: 5,
      breakerCooldownMs: 1000,
      agent,
    });
    try {
      const down = heardHealth();
      const refused = await new NodeBatch(unreachable, down)
        .ask(NODE_FIELDS.needs, { status: null })
        .catch((e) => e);
      expect(refused).toBeInstanceOf(NodeUnavailableError);
      expect(down.heard).toEqual([`batch-node failed: ${(refused as NodeUnavailableError).reason}`]);

      // Needs of another status than the one asked for: answered, but not what was asked.
      hostile.behave(() => ({
        json: {
          data: {
            f0: [
              {
                id: 'batch-node:n',
                community: 'batch-node',
                title: 't',
                body: 'b',
                tags: [],
                status: 'CLOSED',
                postedAt: '2026-01-01T00:00:00.000Z',
                closedAt: null,
              },
            ],
          },
        },
      }));
      const broken = heardHealth();
      const lie = await new NodeBatch(lying, broken)
        .ask(NODE_FIELDS.needs, { status: 'OPEN' })
        .catch((e) => e);
      expect(lie).toBeInstanceOf(NodeAnswerError);
      expect(broken.heard).toEqual([
        'batch-node answered',
        `batch-node failed: ${(lie as NodeAnswerError).reason}`,
      ]);
    } finally {
      await hostile.stop();
    }
  });
});
