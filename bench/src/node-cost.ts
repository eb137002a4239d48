import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startCommunityNode, startEmbeddedPostgres } from '@commons-graph/community-node';
import { Client } from 'pg';
import pino from 'pino';
import { fmt } from './stats';

const STATEMENT = /\b(select|insert|update|delete)\b/i;

/** Publishes `count` artifacts (with a derivation and an adoption each) straight into a node's database. */
export async function seed(url: string, count: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`insert into artifact (id, handle, status, created_by, created_at, first_published_at)
      select gen_random_uuid(), 'bench-' || n, 'PUBLISHED', 'bench', now(), now() - n * interval '1 hour' from generate_series(1, $1) n`, [count]);
    await client.query(`insert into artifact_version (id, artifact_id, number, kind, title, summary, body, tags, licence, attribution, authors, ai_assisted, published_by, published_at)
      select gen_random_uuid(), a.id, 1, 'PLAYBOOK', 'Bench ' || a.handle, 'summary', 'body', '{bench}', 'CC-BY-4.0', 'bench', '{Someone}', false, 'bench', now() from artifact a`);
    await client.query(`update artifact set latest_version_id = v.id from artifact_version v where v.artifact_id = artifact.id`);
    await client.query(`insert into derivation (id, artifact_id, source_id, relation, asserted_at)
      select gen_random_uuid(), a.id, 'other:' || a.handle, 'ADAPTS', now() from artifact a`);
    await client.query(`insert into adoption (id, artifact_id, status, context, recorded_at, updated_at)
      select gen_random_uuid(), 'other:bench-' || n, 'ADOPTED', 'used', now(), now() from generate_series(1, $1) n`, [count]);
  } finally {
    await client.end();
  }
}

export interface NodeCost {
  statements: Array<{ what: string; size: number; statements: number }>;
  pageRps: number;
  pageP50: number;
  pageP99: number;
}

/** SQL statements per request and per `_entities` batch, and a node's requests/s for a page. */
export async function nodeCost(seconds: number, databaseUrl?: string): Promise<NodeCost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commons-bench-'));
  await chmod(dataDir, 0o755);
  const database = databaseUrl ? { url: databaseUrl, stop: async () => undefined } : await startEmbeddedPostgres(dataDir, 'bench');
  const statements: string[] = [];
  const node = await startCommunityNode(
    { slug: 'bench', name: 'Bench', host: '127.0.0.1', port: 0, databaseUrl: database.url, dataDir, logLevel: 'silent', maxPageSize: 100 },
    { logger: pino({ level: 'silent' }), onQuery: (sql) => statements.push(sql) },
  );
  try {
    await seed(database.url, 100);
    const ask = async (query: string, variables: Record<string, unknown> = {}) => {
      const before = statements.length;
      const response = await fetch(node.publicUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return statements.slice(before).filter((s) => STATEMENT.test(s)).length;
    };
    const rows: NodeCost['statements'] = [];
    for (const size of [1, 10, 100]) {
      const reps = Array.from({ length: size }, (_, i) => ({ __typename: 'Artifact', id: `bench:bench-${i + 1}` }));
      rows.push({ what: '_entities (Artifact with versions, derivedFrom)', size, statements: await ask(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Artifact { id title versions { number } derivedFrom { sourceId } } } }`, { r: reps }) });
      rows.push({ what: 'artifacts page with versions, derivedFrom', size, statements: await ask(`query($n: Int!) { artifacts(first: $n) { totalCount edges { node { id versions { number } derivedFrom { sourceId } } } } }`, { n: size }) });
      const ids = Array.from({ length: size }, (_, i) => `other:bench-${i + 1}`);
      rows.push({ what: 'adoptionsOf', size, statements: await ask(`query($ids: [ID!]!) { adoptionsOf(artifactIds: $ids) { id } }`, { ids }) });
    }
    const result = await autocannon({
      url: node.publicUrl,
      method: 'POST',
      connections: 10,
      duration: seconds,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ artifacts(first: 50) { edges { node { id title licence { spdx name } } } } }' }),
    });
    return { statements: rows, pageRps: result.requests.average, pageP50: result.latency.p50, pageP99: result.latency.p99 };
  } finally {
    await node.stop();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function nodeCostTables(cost: NodeCost): string {
  return [
    '| request | list size | SQL statements |',
    '|---|---:|---:|',
    ...cost.statements.map((r) => `| ${r.what} | ${r.size} | ${r.statements} |`),
    '',
    `A page of 50 artifacts with licences, 10 connections: **${fmt(cost.pageRps, 0)} requests/s**, p50 ${fmt(cost.pageP50)} ms, p99 ${fmt(cost.pageP99)} ms.`,
  ].join('\n');
}
