import {
  draftArtifact,
  link,
  publishedArtifact,
  startTestCommons,
  type TestCommons,
  type TestNode,
} from '@commons-graph/testing';

const SECRET = 'DRAFT-ONLY-9c1e';

/**
 * Three communities share work: klamath-soil publishes, openinfra-sigs and valley-clinics adopt,
 * adapt, give feedback; the Commons graph joins what each node stores about the others.
 */
describe('adoption, lineage and feedback across three community nodes', () => {
  let commons: TestCommons;
  let A: TestNode, B: TestNode, C: TestNode;
  const id: Record<string, string> = {};
  let feedbackGap: string;

  beforeAll(async () => {
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs', 'valley-clinics']);
    ({ 'klamath-soil': A, 'openinfra-sigs': B, 'valley-clinics': C } = commons.nodes);
    // A chain a1 → b1 → c1, where c1 drops b1's share-alike licence.
    id.a1 = await publishedArtifact(A, {
      title: 'Soil guide',
      handle: 'soil-guide',
      licence: 'CC-BY-SA-4.0',
    });
    id.b1 = await publishedArtifact(
      B,
      { title: 'Soil guide for data centres', handle: 'dc-soil', licence: 'CC-BY-SA-4.0' },
      [{ sourceId: id.a1, relation: 'ADAPTS' }],
    );
    id.c1 = await publishedArtifact(
      C,
      { title: 'Clinic garden guide', handle: 'clinic-garden', licence: 'CC-BY-4.0' },
      [{ sourceId: id.b1, relation: 'ADAPTS' }],
    );
    // A diamond a2 → {b2, c2} → a3, and a citation a2 → a3 that closes a cycle.
    id.a2 = await publishedArtifact(A, {
      title: 'Field day format',
      handle: 'field-day',
      licence: 'CC-BY-4.0',
    });
    id.b2 = await publishedArtifact(
      B,
      { title: 'SIG meetup format', handle: 'meetup', licence: 'CC-BY-4.0' },
      [{ sourceId: id.a2, relation: 'EXTENDS' }],
    );
    id.c2 = await publishedArtifact(
      C,
      { title: 'Patient circle format', handle: 'circle', licence: 'CC-BY-4.0' },
      [{ sourceId: id.a2, relation: 'EXTENDS' }],
    );
    id.a3 = await publishedArtifact(
      A,
      { title: 'Gathering formats', handle: 'gatherings', licence: 'CC-BY-4.0' },
      [
        { sourceId: id.b2, relation: 'ADAPTS' },
        { sourceId: id.c2, relation: 'ADAPTS' },
      ],
    );
    await link(A, 'addDerivedFrom', { artifactId: id.a2, sourceId: id.a3, relation: 'REFERENCES' });

    await link(B, 'recordAdoption', {
      artifactId: id.a1,
      status: 'ADOPTED',
      context: 'Cooling-pond planting',
      impact: 'Halved irrigation',
      adaptedAsId: id.b1,
    });
    await link(C, 'recordAdoption', { artifactId: id.a1, status: 'TRIAL', context: 'Clinic garden pilot' });
    await link(C, 'recordAdoption', {
      artifactId: id.b1,
      status: 'ADOPTED',
      context: 'Rooftop beds',
      impact: 'Two clinics grow food',
    });
    feedbackGap = await link(C, 'giveFeedback', {
      artifactId: id.a1,
      kind: 'GAP',
      body: 'Nothing on clay soils',
    });
    await link(B, 'giveFeedback', { artifactId: id.a1, kind: 'WORKED', body: 'Worked for us' });
    await link(A, 'respondToFeedback', {
      feedbackId: feedbackGap,
      artifactId: id.a1,
      kind: 'INCORPORATED',
      body: 'Clay section added',
      resultingVersion: 1,
    });
    // B answers feedback on A's guide as if it were the origin (its node cannot see C's feedback to refuse it).
    await link(B, 'respondToFeedback', {
      feedbackId: feedbackGap,
      artifactId: id.b1,
      kind: 'DECLINED',
      body: 'Not our guide, but no',
    });
    id.need = await link(C, 'postNeed', { title: 'Shade planting', body: 'What grows in shade?' });
    await link(B, 'answerNeed', { needId: id.need, artifactId: id.b1 });

    // Drafts on every node, linked from everywhere a draft could leak.
    for (const node of [A, B, C]) {
      const draft = await draftArtifact(node, {
        title: `Draft ${SECRET}`,
        body: SECRET,
        handle: 'secret-draft',
      });
      await link(node, 'addDerivedFrom', {
        artifactId: draft,
        sourceId: node === A ? id.b1 : id.a1,
        relation: 'ADAPTS',
      });
    }
    await link(B, 'recordAdoption', {
      artifactId: id.c2,
      status: 'TRIAL',
      context: 'Trying circles',
      adaptedAsId: 'openinfra-sigs:secret-draft',
    });
  });
  afterAll(() => commons?.stop());

  it('shows every community’s adoptions of an artifact, with impact and the adapted version on another node', async () => {
    const { artifact } = await commons.queryOk(
      `query($id: ID!) {
      artifact(id: $id) { title community { slug name }
        adoptions { community { slug } status context impact adaptedAs { id title community { slug } } } } }`,
      { id: id.a1 },
    );
    expect(artifact.community).toEqual({ slug: 'klamath-soil', name: 'klamath-soil' });
    const bySlug = Object.fromEntries(artifact.adoptions.map((a: any) => [a.community.slug, a]));
    expect(Object.keys(bySlug).sort()).toEqual(['openinfra-sigs', 'valley-clinics']);
    expect(bySlug['openinfra-sigs']).toMatchObject({
      status: 'ADOPTED',
      impact: 'Halved irrigation',
      adaptedAs: { id: id.b1, community: { slug: 'openinfra-sigs' } },
    });
    expect(bySlug['valley-clinics']).toMatchObject({ status: 'TRIAL', impact: null, adaptedAs: null });

    const { community } = await commons.queryOk(`{ community(slug: "klamath-soil") {
      adoptionsReceived { community { slug } artifact { id } } feedbackReceived { community { slug } kind } } }`);
    expect(community.adoptionsReceived).toHaveLength(2);
    expect(community.feedbackReceived.map((f: any) => f.kind).sort()).toEqual(['GAP', 'WORKED']);
  });

  it('follows a chain A → B → C both ways, one hop and whole lineage', async () => {
    const down = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) {
      derivatives { relation derivative { id } assertedBy { slug } }
      lineage(direction: DOWN) { nodes { id } edges { sourceId derivativeId relation assertedBy } depth truncated } } }`,
      { id: id.a1 },
    );
    expect(down.artifact.derivatives).toEqual([
      { relation: 'ADAPTS', derivative: { id: id.b1 }, assertedBy: { slug: 'openinfra-sigs' } },
    ]);
    expect(down.artifact.lineage.nodes.map((n: any) => n.id).sort()).toEqual([id.a1, id.b1, id.c1].sort());
    expect(down.artifact.lineage.edges).toHaveLength(2);
    expect(down.artifact.lineage.truncated).toBe(false);

    const up = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) {
      derivedFrom { source { id title } }
      lineage(direction: UP) { nodes { id } edges { sourceId derivativeId } } } }`,
      { id: id.c1 },
    );
    expect(up.artifact.derivedFrom).toEqual([
      { source: { id: id.b1, title: 'Soil guide for data centres' } },
    ]);
    expect(up.artifact.lineage.nodes.map((n: any) => n.id).sort()).toEqual([id.a1, id.b1, id.c1].sort());

    const capped = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) { lineage(direction: DOWN, maxDepth: 1) { nodes { id } truncated } } }`,
      { id: id.a1 },
    );
    expect(capped.artifact.lineage).toEqual({
      nodes: expect.arrayContaining([{ id: id.a1 }, { id: id.b1 }]),
      truncated: true,
    });
  });

  it('walks a diamond across three nodes, through a cycle, without repeating anything', async () => {
    const { artifact } = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) {
      lineage(direction: BOTH) { nodes { id } edges { sourceId derivativeId relation } truncated } } }`,
      { id: id.a2 },
    );
    const ids = artifact.lineage.nodes.map((n: any) => n.id);
    expect(ids.sort()).toEqual([id.a2, id.b2, id.c2, id.a3].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(artifact.lineage.edges).toHaveLength(5);
    expect(artifact.lineage.edges).toContainEqual({
      sourceId: id.a3,
      derivativeId: id.a2,
      relation: 'REFERENCES',
    });
    expect(artifact.lineage.truncated).toBe(false);

    const up = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) { lineage(direction: UP) { nodes { id } } } }`,
      { id: id.a3 },
    );
    expect(up.artifact.lineage.nodes.map((n: any) => n.id).sort()).toEqual(
      [id.a2, id.b2, id.c2, id.a3].sort(),
    );
  });

  it('returns feedback from every community with the origin’s responses, and only the origin’s', async () => {
    const { artifact } = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) {
      feedback { community { slug } kind body responses { community { slug } kind body resultingVersion } } } }`,
      { id: id.a1 },
    );
    const gap = artifact.feedback.find((f: any) => f.kind === 'GAP');
    expect(gap).toEqual({
      community: { slug: 'valley-clinics' },
      kind: 'GAP',
      body: 'Nothing on clay soils',
      responses: [
        {
          community: { slug: 'klamath-soil' },
          kind: 'INCORPORATED',
          body: 'Clay section added',
          resultingVersion: 1,
        },
      ],
    });
    expect(artifact.feedback.find((f: any) => f.kind === 'WORKED').responses).toEqual([]);
  });

  it('finds the licence conflict along a cross-node adaptation edge', async () => {
    const { conflict, fine } = await commons.queryOk(
      `query($c: ID!, $b: ID!) {
      conflict: artifact(id: $c) { licenceCheck { sourceId sourceLicence derivativeLicence allowed rule } }
      fine: artifact(id: $b) { licenceCheck { allowed } } }`,
      { c: id.c1, b: id.b1 },
    );
    expect(conflict.licenceCheck).toEqual([
      expect.objectContaining({
        sourceId: id.b1,
        sourceLicence: 'CC-BY-SA-4.0',
        derivativeLicence: 'CC-BY-4.0',
        allowed: false,
      }),
    ]);
    expect(conflict.licenceCheck[0].rule).toMatch(/CC-BY-SA-4.0/);
    expect(fine.licenceCheck).toEqual([{ allowed: true }]);
  });

  it('lists needs across the Commons with the artifacts that answered them', async () => {
    const { needs } = await commons.queryOk(
      `{ needs { id title community { slug } answers { community { slug } artifact { id } } } }`,
    );
    expect(needs).toEqual([
      {
        id: id.need,
        title: 'Shade planting',
        community: { slug: 'valley-clinics' },
        answers: [{ community: { slug: 'openinfra-sigs' }, artifact: { id: id.b1 } }],
      },
    ]);
  });

  it('sends each node one request per resolution level, never one per artifact or per field', async () => {
    const before = commons.requests.length;
    const { artifacts } = await commons.queryOk(`{ artifacts(first: 50) { edges { node { id
      adoptions { id } derivatives { id } feedback { id responses { id } } } } } }`);
    expect(artifacts.edges).toHaveLength(7);
    const sent = commons.requests.slice(before);
    // Level 1: a page; level 2: adoptions, derivatives and feedback in one request; level 3: responses.
    for (const slug of ['klamath-soil', 'openinfra-sigs', 'valley-clinics']) {
      expect(sent.filter((r) => r.slug === slug).map((r) => r.operation)).toEqual([
        'ArtifactPage',
        'AdoptionsOf_DerivativesOf_FeedbackOn',
        'ResponsesTo',
      ]);
    }
  });

  it('asks nodes only for the artifact fields the query needs', async () => {
    const before = commons.requests.length;
    await commons.queryOk(`{ artifacts(first: 5) { edges { node { id title licence { name } } } } }`);
    const [page] = commons.requests.slice(before);
    expect(page.query).toMatch(
      /edges \{ node \{ id community publishedAt title licence \{ spdx name \} \} \}/,
    );

    const lineageAt = commons.requests.length;
    const { artifact } = await commons.queryOk(
      `query($id: ID!) { artifact(id: $id) { lineage { nodes { id } } } }`,
      { id: id.a3 },
    );
    expect(artifact.lineage.nodes.length).toBeGreaterThan(1);
    // Walking lineage up needs each artifact's derivedFrom, and nothing else.
    // Batched operations are named after every field they join (e.g. ArtifactEntities_DerivativesOf).
    const lookups = commons.requests
      .slice(lineageAt)
      .filter((r) => r.operation.split('_').includes('ArtifactEntities'));
    expect(lookups.length).toBeGreaterThanOrEqual(2); // the root, then the walk up to other nodes
    for (const request of lookups) {
      expect(request.query).toContain('derivedFrom {');
      expect(request.query).not.toMatch(/\bbody\b|\bversions\b|\blicence\b/);
    }
  });

  it('joins different root fields asked of a node in one level into one request', async () => {
    const before = commons.requests.length;
    const data = await commons.queryOk(`{ needs { id } artifacts(first: 3) { edges { node { id } } } }`);
    expect(data.needs).toHaveLength(1);
    expect(data.artifacts.edges).toHaveLength(3);
    const sent = commons.requests.slice(before);
    expect(sent).toHaveLength(3);
    for (const request of sent) expect(request.operation).toBe('Needs_ArtifactPage');
  });

  it('never asks again for an artifact a page already brought, when a link on the page names it', async () => {
    const before = commons.requests.length;
    const { artifacts } = await commons.queryOk(`{ artifacts(first: 50) { edges { node { id
      derivedFrom { source { id title } } } } } }`);
    const sources = artifacts.edges.flatMap((edge: any) =>
      edge.node.derivedFrom.map((d: any) => d.source.id),
    );
    expect(sources).toContain(id.a1);
    // Every source is on the page (with its derivedFrom and title): one page per node, no _entities.
    expect(commons.requests.slice(before).map((r) => r.operation)).toEqual([
      'ArtifactPage',
      'ArtifactPage',
      'ArtifactPage',
    ]);
  });

  it('never shows a draft, from any node, through any part of the Commons graph', async () => {
    const sweep = await commons.query(
      `query($a1: ID!, $a2: ID!, $c2: ID!) {
      artifacts(first: 100) { totalCount edges { node { id title body derivedFrom { sourceId } derivatives { derivativeId } adoptions { adaptedAs { id } } } } }
      byText: artifacts(filter: { text: "${SECRET}" }) { totalCount }
      a1: artifact(id: $a1) { derivatives { derivativeId } lineage { nodes { id title body } edges { derivativeId } } }
      a2: artifact(id: $a2) { lineage { nodes { id } } }
      c2: artifact(id: $c2) { adoptions { adaptedAs { id } } }
      guessed: artifact(id: "openinfra-sigs:secret-draft") { id }
      communities { slug adoptionsGiven { adaptedAs { id } } artifacts(first: 100) { edges { node { id } } } learningCycles { becameClear } }
    }`,
      { a1: id.a1, a2: id.a2, c2: id.c2 },
    );
    expect(sweep.errors).toBeUndefined();
    const text = JSON.stringify(sweep.data);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('secret-draft');
    expect(sweep.data!.byText.totalCount).toBe(0);
    expect(sweep.data!.guessed).toBeNull();
    expect(sweep.data!.c2.adoptions).toEqual([{ adaptedAs: null }]);
  });
});
