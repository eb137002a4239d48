import { codesOf, draftArtifact, publish, startTestNode, type TestNode } from '@commons-graph/testing';

const PUBLIC_ARTIFACT = `
  query($id: ID!) {
    artifact(id: $id) {
      id community status title body version publishedAt updatedAt retiredAt retirementReason attribution
      licence { spdx name url allowsDerivatives shareAlike commercialUse attributionRequired }
      provenance { authors aiAssisted reviewer }
      versions { number title changeNote licence { spdx } }
    }
  }`;

describe('publishing an artifact on a community node', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode('klamath-soil', 'Klamath Soil Circle');
  });
  afterAll(() => node?.stop());

  it('moves a draft through review to version 1, which the public subgraph then shows', async () => {
    const id = await draftArtifact(node, {
      title: 'Seasonal soil practices guide',
      kind: 'FIELD_GUIDE',
      licence: 'CC-BY-SA-4.0',
      authors: ['Rosa Ortiz', 'Dan Whitehorse'],
    });
    expect(id).toBe('klamath-soil:seasonal-soil-practices-guide');
    expect((await node.publicOk(PUBLIC_ARTIFACT, { id })).artifact).toBeNull();

    await node.adminOk(
      `mutation($id: ID!) { updateArtifact(id: $id, input: { body: "Cover crops first." }) { id } }`,
      { id },
    );
    await publish(node, id);

    const { artifact } = await node.publicOk(PUBLIC_ARTIFACT, { id });
    expect(artifact).toMatchObject({
      id,
      community: 'klamath-soil',
      status: 'PUBLISHED',
      title: 'Seasonal soil practices guide',
      body: 'Cover crops first.',
      version: 1,
      licence: {
        spdx: 'CC-BY-SA-4.0',
        allowsDerivatives: true,
        shareAlike: true,
        commercialUse: true,
        attributionRequired: true,
      },
      provenance: { authors: ['Rosa Ortiz', 'Dan Whitehorse'], aiAssisted: false, reviewer: null },
      retiredAt: null,
    });
    expect(artifact.versions).toHaveLength(1);
  });

  it('keeps published versions immutable and adds new ones with publishNewVersion', async () => {
    const id = await draftArtifact(node, { title: 'Field day video notes', kind: 'VIDEO' });
    await publish(node, id);

    const edit = await node.admin(
      `mutation($id: ID!) { updateArtifact(id: $id, input: { title: "Changed" }) { id } }`,
      { id },
    );
    expect(codesOf(edit)).toEqual(['BAD_USER_INPUT']);
    expect(edit.errors![0].message).toMatch(/immutable.*publishNewVersion/);

    await node.adminOk(
      `mutation($id: ID!) { publishNewVersion(id: $id, changes: { title: "Field day video notes, 2026" }, changeNote: "Added the spring field day") { version } }`,
      { id },
      'steward',
    );
    const { artifact } = await node.publicOk(PUBLIC_ARTIFACT, { id });
    expect(artifact.version).toBe(2);
    expect(artifact.title).toBe('Field day video notes, 2026');
    expect(artifact.versions.map((v: { number: number; title: string }) => [v.number, v.title])).toEqual([
      [1, 'Field day video notes'],
      [2, 'Field day video notes, 2026'],
    ]);
    expect(artifact.versions[1].changeNote).toBe('Added the spring field day');

    // Even the database refuses to rewrite history.
    await expect(
      node.node.orm.em.getConnection().execute(`update artifact_version set title = 'rewritten'`),
    ).rejects.toThrow(/immutable/);
  });

  it('retires an artifact to a tombstone that still resolves and is never deleted', async () => {
    const id = await draftArtifact(node, { title: 'Old soil test protocol', kind: 'PROTOCOL' });
    await publish(node, id);
    await node.adminOk(
      `mutation($id: ID!) { retireArtifact(id: $id, reason: "Superseded by the 2026 lab method") { status } }`,
      { id },
      'steward',
    );

    const { artifact } = await node.publicOk(PUBLIC_ARTIFACT, { id });
    expect(artifact).toMatchObject({
      id,
      status: 'RETIRED',
      retirementReason: 'Superseded by the 2026 lab method',
    });
    expect(artifact.retiredAt).not.toBeNull();

    const discard = await node.admin(`mutation($id: ID!) { discardDraft(id: $id) }`, { id });
    expect(codesOf(discard)).toEqual(['BAD_USER_INPUT']);
    await expect(
      node.node.orm.em
        .getConnection()
        .execute(`delete from artifact where handle = 'old-soil-test-protocol'`),
    ).rejects.toThrow(/never deleted/);
    expect((await node.publicOk(PUBLIC_ARTIFACT, { id })).artifact.status).toBe('RETIRED');
  });

  it('requires review before publication and a named human reviewer for AI-assisted work', async () => {
    const id = await draftArtifact(node, { title: 'AI-drafted cover crop summary', aiAssisted: true });
    const early = await node.admin(
      `mutation($id: ID!) { publishArtifact(id: $id) { id } }`,
      { id },
      'steward',
    );
    expect(codesOf(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0].message).toMatch(/submitForReview/);

    await node.adminOk(`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id }, 'member');
    const unreviewed = await node.admin(
      `mutation($id: ID!) { publishArtifact(id: $id) { id } }`,
      { id },
      'steward',
    );
    expect(codesOf(unreviewed)).toEqual(['BAD_USER_INPUT']);
    expect(unreviewed.errors![0].message).toMatch(/human reviewer/);

    await node.adminOk(
      `mutation($id: ID!) { publishArtifact(id: $id, reviewer: "Rosa Ortiz") { id } }`,
      { id },
      'steward',
    );
    const { artifact } = await node.publicOk(PUBLIC_ARTIFACT, { id });
    expect(artifact.provenance).toEqual({ authors: ['A. Author'], aiAssisted: true, reviewer: 'Rosa Ortiz' });
  });

  it('publishes once when two stewards press publish at the same moment', async () => {
    const id = await draftArtifact(node, { title: 'Compost tea recipe', handle: 'compost-tea' });
    await node.adminOk(`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id }, 'member');
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        node.admin(`mutation($id: ID!) { publishArtifact(id: $id) { version } }`, { id }, 'steward'),
      ),
    );
    const published = attempts.filter((a) => !a.errors);
    expect(published.map((a) => a.data!.publishArtifact.version)).toEqual([1]);
    // The others are told why, as a user error; none is an internal error.
    for (const refused of attempts.filter((a) => a.errors))
      expect(codesOf(refused)).not.toContain('INTERNAL_SERVER_ERROR');
    const { artifact } = await node.publicOk(PUBLIC_ARTIFACT, { id });
    expect(artifact.versions.map((v: { number: number }) => v.number)).toEqual([1]);
  });

  it('numbers concurrent new versions without a gap or a repeat', async () => {
    const id = await draftArtifact(node, { title: 'Cover crop calendar', handle: 'cover-crops' });
    await publish(node, id);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        node.admin(
          `mutation($id: ID!, $body: String!) { publishNewVersion(id: $id, changes: { body: $body }, changeNote: "edit") { version } }`,
          { id, body: `Edit ${i}` },
          'steward',
        ),
      ),
    );
    // Each waits for the one before it (the artifact's row is locked), so all five land, in turn.
    expect(attempts.flatMap((a) => codesOf(a))).toEqual([]);
    expect(attempts.map((a) => a.data!.publishNewVersion.version).sort((a, b) => a - b)).toEqual([
      2, 3, 4, 5, 6,
    ]);
    const { artifact } = await node.publicOk(PUBLIC_ARTIFACT, { id });
    expect(artifact.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lists artifacts newest first with cursors that resume without gaps', async () => {
    const page = `query($after: String) { artifacts(first: 2, after: $after) { totalCount edges { cursor node { id publishedAt } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    const keys: Array<[string, string]> = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { artifacts }: any = await node.publicOk(page, { after });
      total = artifacts.totalCount;
      seen.push(...artifacts.edges.map((e: { node: { id: string } }) => e.node.id));
      keys.push(
        ...artifacts.edges.map((e: { node: { id: string; publishedAt: string } }): [string, string] => [
          e.node.publishedAt,
          e.node.id,
        ]),
      );
      after = artifacts.pageInfo.hasNextPage ? artifacts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(4);
    // Newest first publication first, ties by id: the order every node and the gateway share.
    const newestFirst = [...keys].sort(([at1, id1], [at2, id2]) =>
      at1 !== at2 ? Date.parse(at2) - Date.parse(at1) : id1 < id2 ? -1 : 1,
    );
    expect(keys).toEqual(newestFirst);
    expect(new Set(keys.map(([at]) => at)).size).toBeGreaterThan(1);
  });
});
