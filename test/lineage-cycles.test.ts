import { link, publishedArtifact, startTestCommons, type TestCommons } from '@commons-graph/testing';

type Edge = { sourceId: string; derivativeId: string; relation: string; assertedBy: string };
type Lineage = { nodes: Array<{ id: string }>; edges: Edge[]; depth: number; truncated: boolean };

/**
 * Derivations that go round in a circle across three communities: klamath-soil's guide adapts
 * openinfra-sigs' playbook, valley-clinics adapts the guide, openinfra-sigs revises its playbook from
 * the clinics' version, and klamath-soil translates the playbook. Asked for both directions, the
 * gateway must find everything it finds going up plus everything it finds going down.
 */
describe('lineage through a cycle across three community nodes', () => {
  let commons: TestCommons;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs', 'valley-clinics']);
    const { 'klamath-soil': A, 'openinfra-sigs': B, 'valley-clinics': C } = commons.nodes;
    id.playbook = await publishedArtifact(B, { title: 'Incident playbook', handle: 'playbook' });
    id.guide = await publishedArtifact(A, { title: 'Field incident guide', handle: 'guide' }, [
      { sourceId: id.playbook, relation: 'ADAPTS' },
    ]);
    id.clinic = await publishedArtifact(C, { title: 'Clinic incident guide', handle: 'clinic' }, [
      { sourceId: id.guide, relation: 'ADAPTS' },
    ]);
    await link(B, 'addDerivedFrom', { artifactId: id.playbook, sourceId: id.clinic, relation: 'REVISES' });
    id.translation = await publishedArtifact(A, { title: 'Guía de incidentes', handle: 'translation' }, [
      { sourceId: id.playbook, relation: 'TRANSLATES' },
    ]);
  });
  afterAll(() => commons?.stop());

  const lineageOf = async (root: string, direction: string, maxDepth: number): Promise<Lineage> =>
    (
      await commons.queryOk(
        `query($id: ID!, $direction: LineageDirection!, $maxDepth: Int!) { artifact(id: $id) {
      lineage(direction: $direction, maxDepth: $maxDepth) { nodes { id } edges { sourceId derivativeId relation assertedBy } depth truncated } } }`,
        { id: root, direction, maxDepth },
      )
    ).artifact.lineage;
  const nodeIds = (l: Lineage) => new Set(l.nodes.map((n) => n.id));
  const edgeKeys = (l: Lineage) =>
    new Set(l.edges.map((e) => `${e.sourceId} → ${e.derivativeId} ${e.relation} by ${e.assertedBy}`));

  it('goes down past an artifact it first met going up', async () => {
    const both = await lineageOf(id.guide, 'BOTH', 5);
    expect(nodeIds(both)).toEqual(new Set([id.guide, id.playbook, id.clinic, id.translation]));
    expect(edgeKeys(both)).toEqual(
      new Set([
        `${id.playbook} → ${id.guide} ADAPTS by klamath-soil`,
        `${id.guide} → ${id.clinic} ADAPTS by valley-clinics`,
        `${id.clinic} → ${id.playbook} REVISES by openinfra-sigs`,
        `${id.playbook} → ${id.translation} TRANSLATES by klamath-soil`,
      ]),
    );
    // Down: guide → clinic → playbook → translation.
    expect(both).toMatchObject({ depth: 3, truncated: false });
  });

  it('answers BOTH with UP ∪ DOWN from every artifact and every depth', async () => {
    for (const root of Object.values(id)) {
      for (const maxDepth of [1, 2, 5]) {
        const [up, down, both] = await Promise.all(
          ['UP', 'DOWN', 'BOTH'].map((d) => lineageOf(root, d, maxDepth)),
        );
        expect(nodeIds(both)).toEqual(new Set([...nodeIds(up), ...nodeIds(down)]));
        expect(edgeKeys(both)).toEqual(new Set([...edgeKeys(up), ...edgeKeys(down)]));
        expect(both.depth).toBe(Math.max(up.depth, down.depth));
        expect(both.truncated).toBe(up.truncated || down.truncated);
        expect(both.nodes).toHaveLength(nodeIds(both).size);
      }
    }
  });

  it('says truncated only when maxDepth leaves an artifact out', async () => {
    // Up from the translation: playbook (1), clinic (2), guide (3), then back to the playbook.
    expect(await lineageOf(id.translation, 'UP', 3)).toMatchObject({ depth: 3, truncated: false });
    expect(await lineageOf(id.translation, 'UP', 2)).toMatchObject({ depth: 2, truncated: true });
    expect(await lineageOf(id.translation, 'DOWN', 1)).toMatchObject({
      nodes: [{ id: id.translation }],
      edges: [],
      depth: 0,
      truncated: false,
    });
  });
});
