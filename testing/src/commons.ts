import {
  startGateway,
  type ClientLimitsConfig,
  type GatewayConfig,
  type GatewayOptions,
  type RunningGateway,
} from '@commons-graph/gateway';
import { createServer } from 'node:net';
import pino from 'pino';
import { graphql, ok, type GraphQLResponse } from './graphql';
import { startTestNode, type TestNode } from './nodes';

/**
 * A small Commons for integration tests: real nodes (each its own database) and the gateway over
 * HTTP, with a log of every request the gateway sends to each node.
 */
export interface TestCommons {
  nodes: Record<string, TestNode>;
  gateway: RunningGateway;
  requests: Array<{ slug: string; operation: string; query: string }>;
  query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  queryOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Requests per node sent while `work` runs. */
  countRequests(work: () => Promise<unknown>): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * A gateway on a free port over the given nodes, with the tests' defaults (no probes, silent logs).
 * Like the product, it answers from its index when given one, live without; tests say which.
 */
export async function startTestGateway(
  nodes: GatewayConfig['nodes'],
  overrides: Partial<GatewayConfig> = {},
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  // Tests start from nodes probed, as a gateway on the live path always is once it listens.
  const gateway = await startGateway(
    {
      host: '127.0.0.1',
      port: 0,
      nodes,
      nodeTimeoutMs: 2000,
      probeIntervalMs: 0,
      breakerThreshold: 5,
      breakerCooldownMs: 30_000,
      corsOrigins: '*',
      logLevel: 'silent',
      ...overrides,
    },
    { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), ...options },
  );
  await gateway.probed;
  return gateway;
}

/** A port nobody listens on right now (the OS picks it; another process could take it first, rarely). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTestCommons(
  slugs: string[],
  options: {
    nodeTimeoutMs?: number;
    adminToken?: string;
    breakerThreshold?: number;
    limits?: Partial<ClientLimitsConfig>;
    gateway?: Partial<GatewayConfig>;
    /** Give each node's desk the gateway's URL: the gateway's port is then chosen before the nodes start. */
    desks?: boolean;
  } = {},
): Promise<TestCommons> {
  const gatewayPort = options.desks ? await freePort() : 0;
  const gatewayUrl = options.desks ? `http://127.0.0.1:${gatewayPort}` : undefined;
  const nodes: Record<string, TestNode> = {};
  for (const node of await Promise.all(slugs.map((slug) => startTestNode(slug, slug, { gatewayUrl })))) {
    nodes[node.slug] = node;
  }
  const requests: TestCommons['requests'] = [];
  const gateway = await startTestGateway(
    slugs.map((slug) => ({ slug, url: nodes[slug].node.publicUrl })),
    {
      adminToken: options.adminToken,
      nodeTimeoutMs: options.nodeTimeoutMs ?? 2000,
      breakerThreshold: options.breakerThreshold ?? 5,
      limits: options.limits,
      port: gatewayPort,
      // The scatter-gather path these tests are about (request counts, batching, partial results);
      // a test of the index says so in options.gateway.
      source: 'live',
      ...options.gateway,
    },
    { onNodeRequest: (slug, operation, query) => requests.push({ slug, operation, query }) },
  );
  return {
    nodes,
    gateway,
    requests,
    query: (query, variables, headers) => graphql(gateway.graphqlUrl, query, variables, headers),
    queryOk: (query, variables) => ok(gateway.graphqlUrl, query, variables),
    async countRequests(work) {
      const before = requests.length;
      await work();
      const counts: Record<string, number> = {};
      for (const { slug } of requests.slice(before)) counts[slug] = (counts[slug] ?? 0) + 1;
      return counts;
    },
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(nodes).map((node) => node.stop().catch(() => undefined)));
    },
  };
}
