import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backdateDemo, EXAMPLE_QUERIES, startDemoCommons, type RunningDemo } from '@commons-graph/demo';
import pino from 'pino';
import { graphql, ok, serverUrl, sql } from '@commons-graph/testing';
import {
  publicData,
  readerAt,
  replay,
  wholeFeed,
} from '../subgraphs/community-node/src/__tests__/support/feed';

const DEMO_DATABASES = ['klamath-soil', 'openinfra-sigs', 'valley-clinics', 'commons-organizers'].map(
  (slug) => `commons_${slug.replace(/-/g, '_')}`,
);

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const db of DEMO_DATABASES) {
    const url = new URL(serverUrl());
    url.pathname = `/${db}`;
    const [row] = await sql<Record<string, string>>(
      url.toString(),
      `select
      (select count(*) from artifact) as artifacts, (select count(*) from adoption) as adoptions,
      (select count(*) from feedback) as feedback, (select count(*) from derivation) as derivations`,
    );
    for (const [k, v] of Object.entries(row)) result[`${db}.${k}`] = Number(v);
  }
  return result;
}

describe('the demo Commons (npm start)', () => {
  let dataDir: string;
  let demo: RunningDemo | undefined;
  const start = () =>
    startDemoCommons({
      dataDir,
      databaseUrl: serverUrl(),
      host: '127.0.0.1',
      basePort: 0,
      gatewayPort: 0,
      demo: true,
      // No periodic pull: whatever the index learns after the start, a node's ping told it.
      syncIntervalMs: 0,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commons-demo-'));
    demo = await start();
  });
  afterAll(async () => {
    await demo?.stop();
    for (const db of [...DEMO_DATABASES, 'gateway_index'])
      await sql(serverUrl(), `drop database if exists "${db}" with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every example query with seeded cross-community data and no errors', async () => {
    expect(demo!.source).toBe('index'); // the gateway's default: its index, synced before ready
    const [adoption, lineage, feedback] = await Promise.all(
      EXAMPLE_QUERIES.map((q) => ok(demo!.gatewayUrl, q.query)),
    );
    const adopters = adoption.artifact.adoptions.map((a: any) => a.community.name);
    expect(adopters).toEqual(
      expect.arrayContaining(['OpenInfra Networking & Storage SIGs', 'Valley Community Health Clinics']),
    );
    expect(adoption.artifact.adoptions.some((a: any) => a.impact && a.adaptedAs)).toBe(true);

    const communities = new Set(lineage.artifact.lineage.nodes.map((n: any) => n.community.slug));
    expect(communities.size).toBeGreaterThanOrEqual(3);

    const nodes = feedback.artifacts.edges.map((e: any) => e.node);
    const withResponse = nodes.flatMap((n: any) => n.feedback).filter((f: any) => f.responses.length > 0);
    const withoutResponse = nodes
      .flatMap((n: any) => n.feedback)
      .filter((f: any) => f.responses.length === 0);
    expect(withResponse.length).toBeGreaterThan(0);
    expect(withoutResponse.length).toBeGreaterThan(0);
    const conflicts = nodes.flatMap((n: any) => n.licenceCheck).filter((c: any) => c.allowed === false);
    expect(conflicts).toHaveLength(1);
  });

  it('shows the diamond, a retired tombstone, needs open and answered, and never a draft', async () => {
    const result = await graphql(
      demo!.gatewayUrl,
      `
        {
          diamond: artifact(id: "klamath-soil:field-day-videos") {
            lineage(direction: DOWN) {
              nodes {
                id
              }
              edges {
                sourceId
                derivativeId
              }
            }
          }
          retired: artifact(id: "klamath-soil:old-burn-protocol") {
            status
            retirementReason
          }
          ai: artifact(id: "openinfra-sigs:storage-adr-erasure") {
            provenance {
              aiAssisted
              reviewer
            }
          }
          needs {
            title
            status
            answers {
              artifact {
                id
              }
            }
          }
          artifacts(first: 100) {
            totalCount
            edges {
              node {
                id
                title
                body
              }
            }
          }
          communities {
            slug
            learningCycles {
              becameClear
            }
            contributionRoles {
              personName
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.diamond.lineage.nodes.map((n: any) => n.id)).toEqual(
      expect.arrayContaining([
        'openinfra-sigs:sig-meetup-pattern',
        'valley-clinics:patient-circle-format',
        'klamath-soil:gathering-formats',
      ]),
    );
    expect(data.retired).toEqual({
      status: 'RETIRED',
      retirementReason: 'Replaced by no-burn residue management',
    });
    expect(data.ai.provenance).toEqual({ aiAssisted: true, reviewer: 'Tom Becker' });
    expect(data.needs.filter((n: any) => n.answers.length > 0).length).toBeGreaterThan(0);
    expect(data.needs.filter((n: any) => n.answers.length === 0).length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('NEVER-PUBLIC-DEMO-DRAFT');
  });

  it("follows every demo node's feed into the gateway's index, to its head, without a refused page", async () => {
    type Sync = { slug: string; sync: { syncedSeq: number; head: number; lastError: string | null } | null };
    const read = async () =>
      (await ok<{ nodes: Sync[] }>(demo!.gatewayUrl, `{ nodes { slug sync { syncedSeq head lastError } } }`))
        .nodes;
    let nodes = await read();
    // The demo is ready once synced; a ping-triggered pull may still be under way.
    for (
      let tries = 0;
      tries < 50 && nodes.some((n) => !n.sync || n.sync.head === 0 || n.sync.syncedSeq < n.sync.head);
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      nodes = await read();
    }
    expect(nodes).toHaveLength(4);
    for (const node of nodes) {
      expect(node.sync).toMatchObject({ lastError: null });
      expect(node.sync!.head).toBeGreaterThan(0);
      expect(node.sync!.syncedSeq).toBe(node.sync!.head);
    }
  });

  it('is ready only once its index holds every node, and each change reaches the index by a ping', async () => {
    const SYNC = `{ nodes { slug sync { syncedSeq head lag failures } } }`;
    const before = await ok(demo!.gatewayUrl, SYNC);
    expect(before.nodes.map((n: any) => n.slug).sort()).toEqual(demo!.nodes.map((n) => n.slug).sort());
    for (const node of before.nodes) {
      expect(node.sync).toMatchObject({ lag: 0, failures: 0 });
      expect(node.sync.syncedSeq).toBeGreaterThan(0);
    }
    const klamath = demo!.nodes.find((n) => n.slug === 'klamath-soil')!;
    await ok(
      klamath.adminUrl,
      `mutation { postNeed(input: { title: "Ping test need", body: "Does the index hear of it?" }) { id } }`,
      {},
      { authorization: `Bearer ${klamath.adminToken}` },
    );
    const seqOf = (data: any) => data.nodes.find((n: any) => n.slug === 'klamath-soil').sync.syncedSeq;
    let after = before;
    for (let i = 0; i < 200 && seqOf(after) === seqOf(before); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await ok(demo!.gatewayUrl, SYNC);
    }
    expect(seqOf(after)).toBeGreaterThan(seqOf(before));
  });

  it('gives each node a change feed that replays into its public data, and tells of backdating', async () => {
    const readers = demo!.nodes.map((node) => readerAt(node.publicUrl));
    const before = await Promise.all(readers.map((reader) => wholeFeed(reader)));
    // Backdating again moves the links' dates (they are relative to now): a follower that synced
    // before must learn of it from the events that follow, not by starting over.
    const urls = Object.fromEntries(
      demo!.nodes.map((node) => {
        const url = new URL(serverUrl());
        url.pathname = `/commons_${node.slug.replace(/-/g, '_')}`;
        return [node.slug, url.toString()];
      }),
    );
    await backdateDemo(urls);
    for (const [i, reader] of readers.entries()) {
      const after = await wholeFeed(reader, before[i].length);
      expect(after.length).toBeGreaterThan(0);
      const index = replay([...before[i], ...after]);
      expect(index.size).toBeGreaterThan(5);
      expect(index).toEqual(await publicData(reader));
    }
  });

  it('keeps the data across a restart and adds nothing twice', async () => {
    const before = await counts();
    await demo!.stop();
    demo = await start();
    expect(demo.seeded).toBe(false);
    expect(await counts()).toEqual(before);
    const { artifacts } = await ok(demo.gatewayUrl, `{ artifacts { totalCount } }`);
    expect(artifacts.totalCount).toBe(15);
  });
});
