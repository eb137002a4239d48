import { appendChangesWith, ChangeKind, inTransaction, type Change } from '@commons-graph/community-node';
import { DEMO_COMMUNITIES } from './seed-data';

/**
 * Gives the demo a history: the admin API stamps everything "now", so after seeding, publication
 * dates move to those in the seed data and each link follows its artifact by a few weeks. Demo
 * only: it disables the immutability triggers for its own transaction, which a node never does.
 * Public data it redates is a public change: it appends an event for each entity it touched.
 */
export async function backdateDemo(databaseUrls: Record<string, string>): Promise<void> {
  for (const community of DEMO_COMMUNITIES) {
    const url = databaseUrls[community.slug];
    if (!url) continue;
    await inTransaction(url, async (client) => {
      const changes: Change[] = [];
      /** Records the change of each row an update returned (`returning id`). */
      const touched = (kind: ChangeKind) => (result: { rows: Array<{ id: string }> }) => {
        for (const row of result.rows) changes.push({ kind, entityId: `${community.slug}:${row.id}` });
      };
      await client.query('set local session_replication_role = replica');
      for (const artifact of community.artifacts) {
        if (!artifact.publishedAt) continue;
        await client
          .query(
            `with updated as (update artifact set first_published_at = $2::timestamptz, created_at = $2::timestamptz - interval '20 days',
             retired_at = case when retired_at is null then null else $2::timestamptz + interval '200 days' end
           where handle = $1 returning handle, status)
           select handle as id from updated where status in ('PUBLISHED', 'RETIRED')`,
            [artifact.handle, artifact.publishedAt],
          )
          .then(touched(ChangeKind.ARTIFACT));
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
      await client
        .query(`update adoption set updated_at = recorded_at returning id`)
        .then(touched(ChangeKind.ADOPTION));
      await client
        .query(
          `update feedback set given_at = now() - (35 + abs(hashtext(id::text)) % 20) * interval '1 day' returning id`,
        )
        .then(touched(ChangeKind.FEEDBACK));
      // Responses and answers exist only on published artifacts (the admin API refuses others).
      await client
        .query(`update feedback_response set responded_at = now() - interval '25 days' returning id`)
        .then(touched(ChangeKind.RESPONSE));
      await client
        .query(`update need set posted_at = now() - interval '50 days' returning id`)
        .then(touched(ChangeKind.NEED));
      await client
        .query(`update need_answer set answered_at = now() - interval '20 days' returning id`)
        .then(touched(ChangeKind.NEED_ANSWER));
      await client
        .query(
          `update derivation set asserted_at = a.first_published_at from artifact a
        where a.id = derivation.artifact_id and a.first_published_at is not null returning derivation.id`,
        )
        .then(touched(ChangeKind.DERIVATION));
      await appendChangesWith(client, changes);
    });
  }
}
