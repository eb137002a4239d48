import { publishedArtifact, startTestNode, type TestNode } from '@commons-graph/testing';
import { seedLinks, seedPublishedArtifacts } from '../database/seed';

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
    const bulk = Array.from({ length: 99 }, (_, i) => i + 1);
    const now = Date.now();
    const seeded = await seedPublishedArtifacts(
      node.database.url,
      node.slug,
      bulk.map((n) => ({
        handle: `bulk-${n}`,
        publishedAt: new Date(now - n * 3_600_000),
        title: `Bulk bulk-${n}`,
        licence: 'CC0-1.0',
        attribution: 'us',
      })),
    );
    // The origin stores its responses to others' feedback, and its answers to others' needs.
    await seedLinks(node.database.url, {
      derivations: ['cell-meetings', ...bulk.map((n) => `bulk-${n}`)].map((handle) => ({
        handle,
        sourceId: `klamath-soil:guide-${handle}`,
      })),
      adoptions: bulk.map((n) => ({ artifactId: `klamath-soil:guide-bulk-${n}` })),
      feedback: bulk.map((n) => ({ artifactId: `klamath-soil:guide-bulk-${n}`, body: 'good' })),
      responses: bulk.map((n) => ({ feedbackId: `klamath-soil:feedback-${n}`, handle: `bulk-${n}` })),
      needAnswers: bulk.map((n) => ({ needId: `klamath-soil:need-${n}`, handle: `bulk-${n}` })),
    });
    ids = [first, ...seeded];
  });
  afterAll(() => node?.stop());

  const ENTITIES = `query($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Artifact { id title licence { spdx } versions { number } derivedFrom { sourceId relation } }
    }
  }`;

  it('resolves 100 artifact representations with versions and links in 3 statements, as 1 does', async () => {
    const run = (list: string[]) => async () => {
      const result = await node.publicOk(ENTITIES, {
        reps: list.map((id) => ({ __typename: 'Artifact', id })),
      });
      expect(result._entities.filter(Boolean)).toHaveLength(list.length);
    };
    const one = await node.countStatements(run(ids.slice(0, 1)));
    const before = node.statements.length;
    const hundred = await node.countStatements(run(ids));
    expect(hundred).toBe(3);
    expect(one).toBe(hundred);
    // Counted on the public subgraph's own pool, the one that reads as the public role.
    expect(node.statements.slice(before).every((line) => line.includes("via read connection 'public'"))).toBe(
      true,
    );
  });

  it('answers each batch field for 100 ids with one statement', async () => {
    // 100 ids each, of which 99 have one link stored here.
    const keys = (prefix: string) => Array.from({ length: 100 }, (_, i) => `klamath-soil:${prefix}${i + 1}`);
    const fields: Array<[string, string, string[]]> = [
      [
        'adoptionsOf',
        `query($ids: [ID!]!) { adoptionsOf(artifactIds: $ids) { id adaptedAsId } }`,
        keys('guide-bulk-'),
      ],
      ['feedbackOn', `query($ids: [ID!]!) { feedbackOn(artifactIds: $ids) { id } }`, keys('guide-bulk-')],
      [
        'derivativesOf',
        `query($ids: [ID!]!) { derivativesOf(artifactIds: $ids) { artifactId } }`,
        keys('guide-bulk-'),
      ],
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
      past = (
        await node.publicOk(
          `query($after: String) { artifacts(first: 10, after: $after) { totalCount edges { cursor } } }`,
          {
            after: artifacts.pageInfo.endCursor,
          },
        )
      ).artifacts;
    });
    expect(past).toEqual({ totalCount: 100, edges: [] });
    expect(count).toBe(1);
  });
});
