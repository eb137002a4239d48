import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientLimitsConfig, RunningGateway } from '@commons-graph/gateway';
import {
  publishedArtifact,
  startTestCommons,
  startTestGateway,
  startTestNode,
  type TestCommons,
  type TestNode,
} from '@commons-graph/testing';

/** One GraphQL request over HTTP as client `ip` (the gateway trusts one proxy: X-Forwarded-For). */
async function ask(url: string, ip: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: any;
    errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    ...body,
    codes: (body.errors ?? []).map((e) => e.extensions?.code),
  };
}

const REPORT = `{ commonsReport(from: "2026-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { communities { community { slug } } unavailableCommunities } }`;
const LOOKUP = `query($id: ID!) { artifact(id: $id) { id title } }`;
/** What the gateway asks each node when it gathers the Commons for a report. */
const isGathering = (operation: string) => operation.includes('ReportLinks');

describe('a client asking for expensive work again and again', () => {
  let commons: TestCommons;
  const ids: Record<string, string> = {};
  // 1000 points an hour: five reports (200 points each), and the window never ends during the test.
  const limits: Partial<ClientLimitsConfig> = {
    points: 1000,
    windowSeconds: 3600,
    trustProxy: 1,
    maxConcurrentReports: 2,
    reportWaitMs: 60_000,
  };
  beforeAll(async () => {
    // A node slowed by a busy machine must not pass for a refused one: only limits may refuse here.
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs'], { limits, nodeTimeoutMs: 60_000 });
    for (const node of Object.values(commons.nodes))
      ids[node.slug] = await publishedArtifact(node, { title: `${node.slug} guide`, handle: 'guide' });
  });
  afterAll(() => commons?.stop());

  it('is refused with RATE_LIMITED, 429 and Retry-After once its budget is spent, while lookups keep answering for it and for others', async () => {
    const before = commons.requests.length;
    const burst = Array.from({ length: 8 }, () => ask(commons.gateway.graphqlUrl, '203.0.113.1', REPORT));
    const lookups = ['203.0.113.1', '198.51.100.9'].flatMap((ip) =>
      Object.entries(ids).map(async ([slug, id]) => ({
        slug,
        answer: await ask(commons.gateway.graphqlUrl, ip, LOOKUP, { id }),
      })),
    );
    const [reports, looked] = await Promise.all([Promise.all(burst), Promise.all(lookups)]);

    const answered = reports.filter((r) => r.status === 200);
    const refused = reports.filter((r) => r.status === 429);
    expect(answered).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const report of answered) {
      expect(report.errors).toBeUndefined();
      expect(report.data.commonsReport.communities.map((c: any) => c.community.slug).sort()).toEqual([
        'klamath-soil',
        'openinfra-sigs',
      ]);
    }
    for (const report of refused) {
      expect(report.codes).toEqual(['RATE_LIMITED']);
      expect(report.data).toBeUndefined();
      const { retryAfterSeconds } = report.errors![0].extensions!;
      expect(retryAfterSeconds).toBeGreaterThan(0);
      expect(report.retryAfter).toBe(String(retryAfterSeconds));
    }
    for (const { slug, answer } of looked) {
      expect(answer.status).toBe(200);
      expect(answer.data.artifact).toEqual({ id: ids[slug], title: `${slug} guide` });
    }
    // Only the five answered reports gathered: one request to each node each, none for the refused.
    const gatherings = commons.requests.slice(before).filter((r) => isGathering(r.operation));
    expect(gatherings).toHaveLength(5 * 2);
  });

  it('sends no request to any node for a refused report', async () => {
    const counts = await commons.countRequests(async () => {
      const refused = await ask(commons.gateway.graphqlUrl, '203.0.113.1', REPORT);
      expect(refused.status).toBe(429);
      expect(refused.codes).toEqual(['RATE_LIMITED']);
    });
    expect(counts).toEqual({});
  });

  it('counts each client apart: another address still gets its report', async () => {
    const other = await ask(commons.gateway.graphqlUrl, '198.51.100.9', REPORT);
    expect(other.status).toBe(200);
    expect(other.data.commonsReport.unavailableCommunities).toEqual([]);
    // An IPv6 client is one /64: rotating the low bits does not buy a new budget.
    for (let i = 1; i <= 5; i++)
      expect((await ask(commons.gateway.graphqlUrl, `2001:db8:1:2::${i}`, REPORT)).status).toBe(200);
    expect((await ask(commons.gateway.graphqlUrl, '2001:db8:1:2:ffff::7', REPORT)).codes).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it('charges nothing for a refused operation: what is left still pays for smaller work', async () => {
    const url = commons.gateway.graphqlUrl;
    for (let i = 0; i < 4; i++) expect((await ask(url, '192.0.2.50', REPORT)).status).toBe(200);
    // 200 points left; after a depth-5 lineage (25) a report (200) no longer fits, another lineage does.
    const lineage = `query($id: ID!) { artifact(id: $id) { lineage(maxDepth: 5) { nodes { id } } } }`;
    expect((await ask(url, '192.0.2.50', lineage, { id: ids['klamath-soil'] })).status).toBe(200);
    expect((await ask(url, '192.0.2.50', REPORT)).codes).toEqual(['RATE_LIMITED']);
    const after = await ask(url, '192.0.2.50', lineage, { id: ids['klamath-soil'] });
    expect(after.errors).toBeUndefined();
    expect(after.data.artifact.lineage.nodes.map((n: any) => n.id)).toEqual([ids['klamath-soil']]);
  });

  it('believes X-Forwarded-For only as far as the trusted proxy: entries the client wrote do not change who it is', async () => {
    // With one trusted proxy, the client is the rightmost entry; a forged one further left is ignored.
    const forged = await ask(commons.gateway.graphqlUrl, '192.0.2.77, 203.0.113.1', REPORT);
    expect(forged.codes).toEqual(['RATE_LIMITED']);
  });

  it('refuses outright an operation that costs more than a whole budget, before asking any node', async () => {
    const counts = await commons.countRequests(async () => {
      const huge = await ask(
        commons.gateway.graphqlUrl,
        '192.0.2.1',
        `{ artifacts(first: 100) { edges { node { lineage(maxDepth: 10) { nodes { id } } } } } }`,
      );
      expect(huge.status).toBe(400);
      expect(huge.codes).toEqual(['BAD_USER_INPUT']);
      expect(huge.errors![0].extensions).toMatchObject({ reason: 'TOO_EXPENSIVE', budget: 1000 });
      expect(huge.errors![0].extensions!.weight).toBeGreaterThan(1000);
    });
    expect(counts).toEqual({});
  });
});

/**
 * A proxy in front of a real node that holds every report gathering until the test lets one go,
 * counting how many it holds or forwards at once: the gatherings running in the gateway.
 */
async function startGate(target: string) {
  const waiting: Array<() => void> = [];
  const gate = { waiting, inFlight: 0, maxInFlight: 0, server: undefined as unknown as Server, url: '' };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => resolve(body));
    });
  gate.server = createServer(async (req, res) => {
    const body = await read(req);
    const held = isGathering(body);
    if (held) {
      gate.inFlight++;
      gate.maxInFlight = Math.max(gate.maxInFlight, gate.inFlight);
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(await answer.text());
    if (held) gate.inFlight--;
  });
  await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
  gate.url = `http://127.0.0.1:${(gate.server.address() as AddressInfo).port}/graphql`;
  return gate;
}

/** Polls `condition` (the jest timeout bounds the wait; nothing here measures time). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('many clients asking for reports at once', () => {
  let clinics: TestNode;
  let treeId: string;
  let gate: Awaited<ReturnType<typeof startGate>>;
  const gateways: RunningGateway[] = [];
  const requests: string[] = [];

  const gatewayOver = async (limits: Partial<ClientLimitsConfig>) => {
    const gateway = await startTestGateway(
      [{ slug: 'valley-clinics', url: gate.url }],
      { nodeTimeoutMs: 60_000, limits: { trustProxy: 1, ...limits }, source: 'live' },
      { onNodeRequest: (_slug, operation) => requests.push(operation) },
    );
    gateways.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    clinics = await startTestNode('valley-clinics');
    treeId = await publishedArtifact(clinics, {
      title: 'Care-coordination decision tree',
      handle: 'decision-tree',
    });
    gate = await startGate(clinics.node.publicUrl);
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    gate?.server.close();
    await clinics?.stop();
  });

  it('gathers at most MAX_CONCURRENT_REPORTS at once; the others wait their turn and all answer', async () => {
    const gateway = await gatewayOver({ maxConcurrentReports: 2, reportWaitMs: 60_000 });
    const reports = Promise.all(
      Array.from({ length: 5 }, (_, i) => ask(gateway.graphqlUrl, `203.0.113.${10 + i}`, REPORT)),
    );
    for (let released = 0; released < 5; released++) {
      await until(() => gate.waiting.length >= Math.min(2, 5 - released));
      gate.waiting.shift()!();
    }
    for (const report of await reports) {
      expect(report.status).toBe(200);
      expect(report.data.commonsReport.communities.map((c: any) => c.community.slug)).toEqual([
        'valley-clinics',
      ]);
    }
    expect(gate.maxInFlight).toBe(2);
  });

  it('refuses a report that finds every slot busy, without asking the node, when it may not wait', async () => {
    const gateway = await gatewayOver({ maxConcurrentReports: 2, reportWaitMs: 0 });
    gate.maxInFlight = 0;
    const running = [1, 2].map((i) => ask(gateway.graphqlUrl, `198.51.100.${i}`, REPORT));
    await until(() => gate.waiting.length === 2);
    const before = requests.length;
    const refused = await ask(gateway.graphqlUrl, '198.51.100.3', REPORT);
    expect(refused.status).toBe(429);
    expect(refused.codes).toEqual(['RATE_LIMITED']);
    expect(refused.retryAfter).toBe(String(refused.errors![0].extensions!.retryAfterSeconds));
    expect(requests.slice(before)).toEqual([]);
    // A lookup does not need a slot.
    const lookup = await ask(gateway.graphqlUrl, '198.51.100.3', LOOKUP, { id: treeId });
    expect(lookup.data.artifact.title).toBe('Care-coordination decision tree');

    for (const release of gate.waiting.splice(0)) release();
    for (const report of await Promise.all(running)) expect(report.status).toBe(200);
    // The slots are free again: the refused client now gets its report.
    const later = ask(gateway.graphqlUrl, '198.51.100.3', REPORT);
    await until(() => gate.waiting.length === 1);
    gate.waiting.shift()!();
    expect((await later).status).toBe(200);
    expect(gate.maxInFlight).toBe(2);
  });
});
