import { inTransaction } from '@commons-graph/community-node';
import { DEMO_COMMUNITIES } from './seed-data';

/**
 * Gives the demo a history: the admin API stamps everything "now", so after seeding, publication
 * dates move to those in the seed data and each link follows its artifact by a few weeks. Demo
 * only: it disables the immutability triggers for its own transaction, which a node never does.
 */
export async function backdateDemo(databaseUrls: Record<string, string>): Promise<void> {
  for (const community of DEMO_COMMUNITIES) {
    const url = databaseUrls[community.slug];
    if (!url) continue;
    await inTransaction(url, async (client) => {
      await client.query('set local session_replication_role = replica');
      for (const artifact of community.artifacts) {
        if (!artifact.publishedAt) continue;
        await client.query(
          `update artifact set first_published_at = $2::timestamptz, created_at = $2::timestamptz - interval '20 days',
             retired_at = case when retired_at is null then null else $2::timestamptz + interval '200 days' end
           where handle = $1`,
          [artifact.handle, artifact.publishedAt],
        );
        await client.query(
          `update artifact_version set published_at = a.first_published_at from artifact a
           where a.id = artifact_version.artifact_id and a.handle = $1`,
          [artifact.handle],
        );
      }
      // Links get fixed ages (hashtext is deterministic): adoptions over the last five months,
      // feedback five to eight weeks ago and answered within about two weeks, derivations when published.
      await client.query(
        `update adoption set recorded_at = now() - (30 + abs(hashtext(id::text)) % 120) * interval '1 day'`,
      );
      await client.query(`update adoption set updated_at = recorded_at`);
      await client.query(
        `update feedback set given_at = now() - (35 + abs(hashtext(id::text)) % 20) * interval '1 day'`,
      );
      await client.query(`update feedback_response set responded_at = now() - interval '25 days'`);
      await client.query(`update need set posted_at = now() - interval '50 days'`);
      await client.query(`update need_answer set answered_at = now() - interval '20 days'`);
      await client.query(`update derivation set asserted_at = a.first_published_at from artifact a
        where a.id = derivation.artifact_id and a.first_published_at is not null`);
    });
  }
}
