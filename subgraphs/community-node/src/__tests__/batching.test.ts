import { publishedArtifact } from '../../../../test/support/fixtures';
import { sql } from '../../../../test/support/databases';
import { startTestNode, type TestNode } from '../../../../test/support/nodes';

/**
 * The batching contract: a batch of 100 ids costs a small constant number of SQL statements,
 * the same as a batch of 1 (MikroORM's query log counts them, as its own tests do).
 */
describe('batch fields and _entities answer 100 ids with constant SQL', () => {
  let node: TestNode;
  let ids: string[];
  beforeAll(async () => {
    node = await startTestNode('commons-organizers');
    const first = await publishedArtifact(node, { title: 'Cell meeting playbook', handle: 'cell-meetings' });
    // Fill the rest straight into the database: 100 published artifacts through the API would be slow.
    await sql(node.database.url, `
      insert into artifact (id, handle, status, created_by, created_at, first_published_at)
      select gen_random_uuid(), 'bulk-' || n, 'PUBLISHED', 'seed', now(), now() - n * interval '1 hour'
      from generate_series(1, 99) n`);
    await sql(node.database.url, `
      insert into artifact_version (id, artifact_id, number, kind, title, summary, body, tags, licence, attribution,
        authors, ai_assisted, reviewer, published_by, published_at)
      select gen_random_uuid(), a.id, 1, 'PLAYBOOK', 'Bulk ' || a.handle, '', 'text', '{}', 'CC0-1.0', 'us',
        '{Someone}', false, null, 'seed', now() from artifact a where a.handle like 'bulk-%'`);
    await sql(node.database.url, `
      update artifact set latest_version_id = v.id from artifact_version v
      where artifact.id = v.artifact_id and artifact.handle like 'bulk-%'`);
    await sql(node.database.url, `
      insert into derivation (id, artifact_id, source_id, relation, asserted_at)
      select gen_random_uuid(), a.id, 'klamath-soil:guide-' || a.handle, 'ADAPTS', now() from artifact a`);
    await sql(node.database.url, `
      insert into adoption (id, artifact_id, status, context, recorded_at, updated_at)
      select gen_random_uuid(), 'klamath-soil:guide-bulk-' || n, 'ADOPTED', 'used', now(), now() from generate_series(1, 99) n`);
    await sql(node.database.url, `
      insert into feedback (id, artifact_id, kind, body, given_at)
      select gen_random_uuid(), 'klamath-soil:guide-bulk-' || n, 'WORKED', 'good', now() from generate_series(1, 99) n`);
    // The origin stores its responses to others' feedback, and its answers to others' needs.
    await sql(node.database.url, `
      insert into feedback_response (id, feedback_id, artifact_id, kind, body, responded_at)
      select gen_random_uuid(), 'klamath-soil:feedback-' || n, a.id, 'ACKNOWLEDGED', 'thanks', now()
      from generate_series(1, 99) n join artifact a on a.handle = 'bulk-' || n`);
    await sql(node.database.url, `
      insert into need_answer (id, need_id, artifact_id, note, answered_at)
      select gen_random_uuid(), 'klamath-soil:need-' || n, a.id, null, now()
      from generate_series(1, 99) n join artifact a on a.handle = 'bulk-' || n`);
    ids = [first, ...Array.from({ length: 99 }, (_, i) => `commons-organizers:bulk-${i + 1}`)];
  });
  afterAll(() => node?.stop());

  const ENTITIES = `query($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Artifact { id title licence { spdx } versions { number } derivedFrom { sourceId relation } }
    }
  }`;

  it('resolves 100 artifact representations with versions and links in 3 statements, as 1 does', async () => {
    const run = (list: string[]) => async () => {
      const result = await node.publicOk(ENTITIES, { reps: list.map((id) => ({ __typename: 'Artifact', id })) });
      expect(result._entities.filter(Boolean)).toHaveLength(list.length);
    };
    const one = await node.countStatements(run(ids.slice(0, 1)));
    const before = node.statements.length;
    const hundred = await node.countStatements(run(ids));
    expect(hundred).toBe(3);
    expect(one).toBe(hundred);
    // Counted on the public subgraph's own pool, the one that reads as the public role.
    expect(node.statements.slice(before).every((line) => line.includes("via read connection 'public'"))).toBe(true);
  });

  it('answers each batch field for 100 ids with one statement', async () => {
    // 100 ids each, of which 99 have one link stored here.
    const keys = (prefix: string) => Array.from({ length: 100 }, (_, i) => `klamath-soil:${prefix}${i + 1}`);
    const fields: Array<[string, string, string[]]> = [
      ['adoptionsOf', `query($ids: [ID!]!) { adoptionsOf(artifactIds: $ids) { id adaptedAsId } }`, keys('guide-bulk-')],
      ['feedbackOn', `query($ids: [ID!]!) { feedbackOn(artifactIds: $ids) { id } }`, keys('guide-bulk-')],
      ['derivativesOf', `query($ids: [ID!]!) { derivativesOf(artifactIds: $ids) { artifactId } }`, keys('guide-bulk-')],
      ['responsesTo', `query($ids: [ID!]!) { responsesTo(feedbackIds: $ids) { id } }`, keys('feedback-')],
      ['answersTo', `query($ids: [ID!]!) { answersTo(needIds: $ids) { id } }`, keys('need-')],
    ];
    for (const [field, query, ids] of fields) {
      let answered = 0;
      const count = await node.countStatements(async () => {
        answered = (await node.publicOk(query, { ids }))[field].length;
      });
      expect({ field, count, answered }).toEqual({ field, count: 1, answered: 99 });
    }
  });

  it('pages 100 artifacts with their count, versions and links in 3 statements', async () => {
    const count = await node.countStatements(async () => {
      const { artifacts } = await node.publicOk(
        `{ artifacts(first: 100) { totalCount edges { node { id versions { number } derivedFrom { sourceId } } } } }`,
      );
      expect(artifacts.edges).toHaveLength(100);
    });
    expect(count).toBe(3);
  });

  it('still counts every artifact on a page past the last one, in the same single statement', async () => {
    const { artifacts } = await node.publicOk(`{ artifacts(first: 100) { pageInfo { endCursor } } }`);
    let past: unknown;
    const count = await node.countStatements(async () => {
      past = (await node.publicOk(`query($after: String) { artifacts(first: 10, after: $after) { totalCount edges { cursor } } }`, {
        after: artifacts.pageInfo.endCursor,
      })).artifacts;
    });
    expect(past).toEqual({ totalCount: 100, edges: [] });
    expect(count).toBe(1);
  });
});
