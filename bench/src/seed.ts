import { withClient } from './database';

/**
 * Published artifacts written straight into a node's database (after its migrations ran): handles
 * `bench-1…count`, ids `<slug>:bench-<n>`, each with a derivation and an adoption, newest first.
 */
export function seedArtifacts(url: string, count: number): Promise<void> {
  return withClient(url, async (client) => {
    await client.query(`insert into artifact (id, handle, status, created_by, created_at, first_published_at)
      select gen_random_uuid(), 'bench-' || n, 'PUBLISHED', 'bench', now(), now() - n * interval '1 hour' from generate_series(1, $1) n`, [count]);
    await client.query(`insert into artifact_version (id, artifact_id, number, kind, title, summary, body, tags, licence, attribution, authors, ai_assisted, published_by, published_at)
      select gen_random_uuid(), a.id, 1, 'PLAYBOOK', 'Bench ' || a.handle, 'summary', 'body', '{bench}', 'CC-BY-4.0', 'bench', '{Someone}', false, 'bench', now() from artifact a`);
    await client.query(`update artifact set latest_version_id = v.id from artifact_version v where v.artifact_id = artifact.id`);
    await client.query(`insert into derivation (id, artifact_id, source_id, relation, asserted_at)
      select gen_random_uuid(), a.id, 'other:' || a.handle, 'ADAPTS', now() from artifact a`);
    await client.query(`insert into adoption (id, artifact_id, status, context, recorded_at, updated_at)
      select gen_random_uuid(), 'other:bench-' || n, 'ADOPTED', 'used', now(), now() from generate_series(1, $1) n`, [count]);
  });
}

/**
 * Node `slugs[index]` of a linked Commons: `count` artifacts (`a1…`) published at seeded random times
 * over a year, so the global page mixes nodes; derivations from the next node's artifacts; adoptions
 * of and feedback on other nodes' artifacts.
 */
export function seedLinkedNode(url: string, slugs: string[], index: number, count: number): Promise<void> {
  const other = (offset: number) => slugs[(index + offset) % slugs.length];
  return withClient(url, async (client) => {
    await client.query(`select setseed($1::float8)`, [((index + 1) % 97) / 97]);
    await client.query(`insert into artifact (id, handle, status, created_by, created_at, first_published_at)
      select gen_random_uuid(), 'a' || n, 'PUBLISHED', 'bench', now(), now() - random() * interval '365 days' from generate_series(1, $1) n`, [count]);
    await client.query(`insert into artifact_version (id, artifact_id, number, kind, title, summary, body, tags, licence, attribution, authors, ai_assisted, published_by, published_at)
      select gen_random_uuid(), a.id, 1, 'PLAYBOOK', 'Artifact ' || a.handle || ' of ' || $1::text, 'summary', 'body', '{bench}', 'CC-BY-4.0', $1::text, '{Someone}', false, 'bench', a.first_published_at from artifact a`, [slugs[index]]);
    await client.query(`update artifact set latest_version_id = v.id from artifact_version v where v.artifact_id = artifact.id`);
    await client.query(`insert into derivation (id, artifact_id, source_id, relation, asserted_at)
      select gen_random_uuid(), a.id, $1::text || ':a' || (substr(a.handle, 2)::int + 1), 'ADAPTS', now() from artifact a where substr(a.handle, 2)::int <= 10`, [other(1)]);
    await client.query(`insert into adoption (id, artifact_id, status, context, recorded_at, updated_at)
      select gen_random_uuid(), (array[$2::text, $3::text, $4::text])[1 + n % 3] || ':a' || n, 'ADOPTED', 'used', now(), now() from generate_series(1, $1) n`, [count, other(1), other(2), other(3)]);
    await client.query(`insert into feedback (id, artifact_id, kind, body, given_at)
      select gen_random_uuid(), $2::text || ':a' || n, 'WORKED', 'it worked', now() from generate_series(2, $1, 2) n`, [count, other(2)]);
  });
}
