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
