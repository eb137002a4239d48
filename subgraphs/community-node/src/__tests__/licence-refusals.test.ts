import {
  codesOf,
  draftArtifact,
  publishedArtifact,
  startTestNode,
  type TestNode,
} from '@commons-graph/testing';

const LINK = `mutation($i: DerivedFromInput!) { addDerivedFrom(input: $i) { id } }`;

describe('licence rules at publish, for sources on the same node', () => {
  let node: TestNode;
  let shareAlike: string;
  let nonCommercialShareAlike: string;
  let noDerivatives: string;
  beforeAll(async () => {
    node = await startTestNode('klamath-soil');
    shareAlike = await publishedArtifact(node, {
      title: 'Grazing guide',
      handle: 'grazing',
      licence: 'CC-BY-SA-4.0',
    });
    nonCommercialShareAlike = await publishedArtifact(node, {
      title: 'Soil test data',
      handle: 'soil-data',
      licence: 'CC-BY-NC-SA-4.0',
    });
    noDerivatives = await publishedArtifact(node, {
      title: 'Elder interviews',
      handle: 'interviews',
      licence: 'CC-BY-ND-4.0',
    });
  });
  afterAll(() => node?.stop());

  async function derivative(handle: string, licence: string, sources: Array<[string, string]>) {
    const id = await draftArtifact(node, { title: handle, handle, licence });
    for (const [sourceId, relation] of sources)
      await node.adminOk(LINK, { i: { artifactId: id, sourceId, relation } }, 'steward');
    await node.adminOk(`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id }, 'member');
    return {
      id,
      result: await node.admin(
        `mutation($id: ID!) { publishArtifact(id: $id) { status } }`,
        { id },
        'steward',
      ),
    };
  }

  it('refuses an adaptation that drops share-alike, naming the source and the rule', async () => {
    const { id, result } = await derivative('grazing-remix', 'CC-BY-4.0', [[shareAlike, 'ADAPTS']]);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ reason: 'LICENCE_CONFLICT' });
    expect(result.errors![0].message).toContain(shareAlike);
    expect(result.errors![0].message).toContain('CC-BY-SA-4.0');
    expect((await node.publicOk(`query($id: ID!) { artifact(id: $id) { id } }`, { id })).artifact).toBeNull();
  });

  it('allows the same licence for an adaptation, and any licence for a mere reference', async () => {
    expect(
      (await derivative('grazing-translation', 'CC-BY-SA-4.0', [[shareAlike, 'TRANSLATES']])).result.errors,
    ).toBeUndefined();
    expect(
      (await derivative('grazing-citation', 'MIT', [[shareAlike, 'REFERENCES']])).result.errors,
    ).toBeUndefined();
  });

  it('refuses adaptations of a no-derivatives work', async () => {
    const { result } = await derivative('interview-edit', 'CC-BY-ND-4.0', [[noDerivatives, 'REVISES']]);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toContain(noDerivatives);
  });

  it('refuses combining sources whose allowed licences do not intersect', async () => {
    const { result } = await derivative('combined', 'CC-BY-SA-4.0', [
      [shareAlike, 'ADAPTS'],
      [nonCommercialShareAlike, 'EXTENDS'],
    ]);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toContain(nonCommercialShareAlike);
  });

  it('checks a new adaptation link on an already published artifact, and a new version’s licence', async () => {
    const id = await publishedArtifact(node, { title: 'Standalone', handle: 'standalone', licence: 'MIT' });
    const link = await node.admin(
      LINK,
      { i: { artifactId: id, sourceId: shareAlike, relation: 'ADAPTS' } },
      'steward',
    );
    expect(codesOf(link)).toEqual(['BAD_USER_INPUT']);

    const ok = await publishedArtifact(
      node,
      { title: 'Faithful', handle: 'faithful', licence: 'CC-BY-SA-4.0' },
      [{ sourceId: shareAlike, relation: 'EXTENDS' }],
    );
    const relicensed = await node.admin(
      `mutation($id: ID!) { publishNewVersion(id: $id, changes: { licence: "CC0-1.0" }, changeNote: "relicense") { version } }`,
      { id: ok },
      'steward',
    );
    expect(codesOf(relicensed)).toEqual(['BAD_USER_INPUT']);
  });
});
