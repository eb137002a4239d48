import { sql } from '../../../../test/support/databases';
import { codesOf } from '../../../../test/support/graphql';
import { draftArtifact, publishedArtifact } from '../../../../test/support/fixtures';
import { startTestNode, type TestNode } from '../../../../test/support/nodes';

/** Counts every row the node stores, so a refused write can be shown to have written nothing. */
async function rowCounts(node: TestNode): Promise<Record<string, number>> {
  const tables = ['artifact', 'artifact_draft', 'artifact_version', 'derivation', 'adoption', 'feedback',
    'feedback_response', 'need', 'need_answer', 'learning_cycle', 'contribution_role', 'api_token'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number((await sql<{ n: string }>(node.database.url, `select count(*) as n from ${table}`))[0].n);
  }
  return counts;
}

describe('bad input gets a clear error and writes nothing', () => {
  let node: TestNode;
  let live: string;
  let retired: string;
  let draft: string;
  beforeAll(async () => {
    node = await startTestNode('openinfra-sigs');
    live = await publishedArtifact(node, { title: 'Storage SIG decision record', handle: 'storage-adr' });
    retired = await publishedArtifact(node, { title: 'Old network pattern', handle: 'old-pattern' });
    await node.adminOk(`mutation { retireArtifact(id: "openinfra-sigs:old-pattern", reason: "Replaced") { id } }`);
    draft = await draftArtifact(node, { title: 'Unfinished playbook', handle: 'unfinished' });
  });
  afterAll(() => node?.stop());

  const create = `mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { id } }`;
  const base = { kind: 'PATTERN', title: 'Fine title' };

  const cases: Array<[string, () => [string, Record<string, unknown>, ('member' | 'steward' | 'admin' | null)?], string]> = [
    ['an empty title', () => [create, { input: { ...base, title: '' } }], 'BAD_USER_INPUT'],
    ['a blank title', () => [create, { input: { ...base, title: '   ' } }], 'BAD_USER_INPUT'],
    ['an oversized title', () => [create, { input: { ...base, title: 'x'.repeat(201) } }], 'BAD_USER_INPUT'],
    ['an oversized body', () => [create, { input: { ...base, body: 'x'.repeat(100_001) } }], 'BAD_USER_INPUT'],
    ['too many tags', () => [create, { input: { ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } }], 'BAD_USER_INPUT'],
    ['an unknown kind', () => [create, { input: { ...base, kind: 'NOVEL' } }], 'BAD_USER_INPUT'],
    ['a malformed handle', () => [create, { input: { ...base, handle: 'Not A Handle' } }], 'BAD_USER_INPUT'],
    ['a taken handle', () => [create, { input: { ...base, handle: 'storage-adr' } }], 'BAD_USER_INPUT'],
    ['no token', () => [create, { input: base }, null], 'UNAUTHENTICATED'],
    ['a member publishing', () => [`mutation { publishArtifact(id: "${draft}") { id } }`, {}, 'member'], 'FORBIDDEN'],
    ['a steward creating tokens', () => [`mutation { createToken(input: { name: "x", role: ADMIN }) { token } }`, {}, 'steward'], 'FORBIDDEN'],
    ['a member recording adoption', () => [
      `mutation { recordAdoption(input: { artifactId: "klamath-soil:guide", status: ADOPTED, context: "c" }) { id } }`, {}, 'member',
    ], 'FORBIDDEN'],
    ['an unknown artifact', () => [`mutation { submitForReview(id: "openinfra-sigs:nope") { id } }`, {}], 'NOT_FOUND'],
    ['a malformed global id', () => [`mutation { submitForReview(id: "not:a:valid id") { id } }`, {}], 'BAD_USER_INPUT'],
    ['a retired artifact as link target', () => [
      `mutation($s: ID!, $a: ID!) { addDerivedFrom(input: { artifactId: $a, sourceId: $s, relation: EXTENDS }) { id } }`,
      { s: retired, a: draft },
    ], 'BAD_USER_INPUT'],
    ['a draft as link target', () => [
      `mutation($s: ID!, $a: ID!) { addDerivedFrom(input: { artifactId: $a, sourceId: $s, relation: EXTENDS }) { id } }`,
      { s: draft, a: live },
    ], 'BAD_USER_INPUT'],
    ['a draft as answer to a need', () => [
      `mutation($a: ID!) { answerNeed(input: { needId: "klamath-soil:00000000-0000-4000-8000-000000000000", artifactId: $a }) { id } }`,
      { a: draft },
    ], 'BAD_USER_INPUT'],
    ['feedback on a retired artifact', () => [
      `mutation($a: ID!) { giveFeedback(input: { artifactId: $a, kind: GAP, body: "b" }) { id } }`, { a: retired },
    ], 'BAD_USER_INPUT'],
    ['an unknown feedback kind', () => [
      `mutation($i: FeedbackInput!) { giveFeedback(input: $i) { id } }`,
      { i: { artifactId: 'klamath-soil:guide', kind: 'GREAT', body: 'b' } },
    ], 'BAD_USER_INPUT'],
    ['blank feedback', () => [
      `mutation { giveFeedback(input: { artifactId: "klamath-soil:guide", kind: GAP, body: "  " }) { id } }`, {},
    ], 'BAD_USER_INPUT'],
    ['an invalid SPDX licence at publish', () => [`mutation { publishNewVersion(id: "${'openinfra-sigs:storage-adr'}", changes: { licence: "CC-BY-4.0 OR" }, changeNote: "n") { id } }`, {}], 'BAD_USER_INPUT'],
    ['a response naming a version that does not exist', () => [
      `mutation($a: ID!) { respondToFeedback(input: { feedbackId: "klamath-soil:00000000-0000-4000-8000-000000000001", artifactId: $a, kind: INCORPORATED, body: "Thanks", resultingVersion: 9 }) { id } }`,
      { a: live },
    ], 'BAD_USER_INPUT'],
  ];

  it.each(cases)('refuses %s', async (_name, build, code) => {
    const [query, variables, role = 'admin'] = build();
    const before = await rowCounts(node);
    const result = await node.admin(query, variables, role);
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    expect(codesOf(result)).toEqual([code]);
    expect(result.errors![0].message.length).toBeGreaterThan(10);
    expect(await rowCounts(node)).toEqual(before);
  });

  it('refuses a page size over 100 and a forged cursor on the public subgraph', async () => {
    const big = await node.publicQuery(`{ artifacts(first: 101) { totalCount } }`);
    expect(codesOf(big)).toEqual(['BAD_USER_INPUT']);
    const forged = await node.publicQuery(`{ artifacts(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(codesOf(forged)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a foreign id with null and a malformed one with a clear error', async () => {
    const foreign = await node.publicQuery(`{ artifact(id: "klamath-soil:storage-adr") { id } }`);
    expect(foreign).toEqual({ data: { artifact: null } });
    const malformed = await node.publicQuery(`{ artifact(id: "storage-adr") { id } }`);
    expect(codesOf(malformed)).toEqual(['BAD_USER_INPUT']);
    const batch = await node.publicQuery(`{ adoptionsOf(artifactIds: ["ok:x", "bad id"]) { id } }`);
    expect(codesOf(batch)).toEqual(['BAD_USER_INPUT']);
  });

  it('rejects a query with more aliases than the limit', async () => {
    const deep = await node.publicQuery(
      `{ artifacts { edges { node { versions { licence { spdx } provenance { authors } } derivedFrom { id } } } } a: community { slug } }`,
    );
    expect(deep.errors).toBeUndefined();
    const nested = '{ community { slug } }'.replace('slug', 'slug ' + Array.from({ length: 60 }, (_, i) => `a${i}: slug`).join(' '));
    const aliases = await node.publicQuery(nested);
    expect(codesOf(aliases)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
