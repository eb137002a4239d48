import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { draftArtifact, publishedArtifact, startTestNode, type TestNode } from '@commons-graph/testing';
import { PRIVATE_COLUMN_NAMES, PRIVATE_TABLES } from './support/table-privacy';

const SECRET = 'UNPUBLISHED-SECRET-7f3a';

/** Every public root field and entity type, asked for everything it can return. */
const SWEEP = `
  query($ids: [ID!]!, $reps: [_Any!]!) {
    community {
      slug name learningCycles { id becameClear surprised failed harvestedArtifactIds }
      contributionRoles { personName }
      adoptionsGiven { id artifactId context impact adaptedAsId }
      feedbackGiven { id body } responsesGiven { id body artifactId } derivations { artifactId sourceId }
      needs { id title body } needAnswersGiven { id artifactId }
    }
    artifacts(first: 100) { edges { node { id title summary body versions { title body } derivedFrom { artifactId } } } }
    byText: artifacts(first: 100, filter: { text: "${SECRET}" }) { totalCount }
    adoptionsOf(artifactIds: $ids) { id adaptedAsId }
    derivativesOf(artifactIds: $ids) { artifactId sourceId }
    feedbackOn(artifactIds: $ids) { id }
    answersTo(needIds: $ids) { artifactId }
    needs { id }
    _entities(representations: $reps) {
      ... on Artifact { id title body summary versions { body } }
      ... on Adoption { id adaptedAsId }
    }
  }`;

describe('drafts stay private by construction', () => {
  let node: TestNode;
  let draftIds: string[];
  let published: string;
  beforeAll(async () => {
    node = await startTestNode('valley-clinics');
    published = await publishedArtifact(node, {
      title: 'Care coordination decision tree',
      handle: 'care-tree',
    });
    const plain = await draftArtifact(node, {
      title: `Draft ${SECRET}`,
      body: `Body ${SECRET}`,
      handle: 'intake-draft',
    });
    const inReview = await draftArtifact(node, {
      title: 'Reviewed draft',
      body: `Only ${SECRET}`,
      handle: 'review-draft',
    });
    await node.adminOk(`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id: inReview }, 'member');
    // A draft that derives from a published artifact, is someone's adaptedAs, answers a need, and was harvested.
    await node.adminOk(
      `mutation($i: DerivedFromInput!) { addDerivedFrom(input: $i) { id } }`,
      {
        i: { artifactId: plain, sourceId: published, relation: 'ADAPTS' },
      },
      'steward',
    );
    await node.adminOk(
      `mutation($i: AdoptionInput!) { recordAdoption(input: $i) { id } }`,
      {
        i: {
          artifactId: 'other-node:some-guide',
          status: 'ADOPTED',
          context: 'Used at intake',
          adaptedAsId: plain,
        },
      },
      'steward',
    );
    await node.adminOk(
      `mutation($i: LearningCycleInput!) { recordLearningCycle(input: $i) { id } }`,
      {
        i: {
          cadence: 'MONTHLY',
          startsOn: '2026-09-01',
          endsOn: '2026-09-30',
          becameClear: 'Triage first',
          isPublic: true,
          harvestedArtifactIds: [plain, published],
        },
      },
      'steward',
    );
    await node.adminOk(
      `mutation($i: LearningCycleInput!) { recordLearningCycle(input: $i) { id } }`,
      {
        i: {
          cadence: 'MONTHLY',
          startsOn: '2026-10-01',
          endsOn: '2026-10-31',
          becameClear: `Private ${SECRET}`,
          isPublic: false,
        },
      },
      'steward',
    );
    draftIds = [plain, inReview];
  });
  afterAll(() => node?.stop());

  it('shows no draft text, id or link through any public field or _entities, even by guessed id', async () => {
    const guessed = [
      ...draftIds,
      'valley-clinics:intake-draft',
      'valley-clinics:review-draft',
      'valley-clinics:untitled',
    ];
    const reps = [
      ...guessed.map((id) => ({ __typename: 'Artifact', id })),
      { __typename: 'Artifact', id: published },
    ];
    const result = await node.publicQuery(SWEEP, {
      ids: [...guessed, published, 'other-node:some-guide'],
      reps,
    });
    expect(result.errors).toBeUndefined();
    const text = JSON.stringify(result.data);
    expect(text).not.toContain(SECRET);
    for (const id of draftIds) expect(text).not.toContain(id);
    expect(result.data!.byText.totalCount).toBe(0);
    expect(result.data!._entities.slice(0, guessed.length)).toEqual(guessed.map(() => null));
    expect(result.data!._entities[guessed.length].id).toBe(published);
    // The adoption is public; the draft it was adapted as is not.
    expect(result.data!.community.adoptionsGiven).toEqual([expect.objectContaining({ adaptedAsId: null })]);
    expect(result.data!.community.learningCycles).toHaveLength(1);
    expect(result.data!.community.learningCycles[0].harvestedArtifactIds).toEqual([published]);
    expect(result.data!.derivativesOf).toEqual([]);
  });

  it('has no public type that could carry a draft, a token or member data', async () => {
    const { __schema } = await node.publicOk(`{ __schema { types { name fields { name } } } }`);
    const names: string[] = __schema.types.map((t: { name: string }) => t.name);
    expect(names.filter((n) => /draft|token|member|principal|secret/i.test(n))).toEqual([]);
    const fields = __schema.types.flatMap((t: { fields: { name: string }[] | null }) =>
      (t.fields ?? []).map((f) => f.name),
    );
    expect(fields.filter((n: string) => /draft|token|secret|hash|createdBy|publishedBy/i.test(n))).toEqual(
      [],
    );
  });

  const publicSources = () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    return files(join(__dirname, '..', 'public')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  };

  it('keeps the public code unable to import the draft or token entities', () => {
    const offenders = publicSources().filter(({ text }) =>
      /ArtifactDraft|ApiToken|\.draft\b|['"]draft['"]/.test(text),
    );
    expect(offenders.map(({ file }) => file)).toEqual([]);
  });

  it("keeps private tables and columns out of the public code's SQL (PostgreSQL refuses them too)", () => {
    const names = [...PRIVATE_TABLES, ...PRIVATE_COLUMN_NAMES];
    const offenders = publicSources().flatMap(({ file, text }) =>
      names.filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(text)).map((name) => `${file}: ${name}`),
    );
    expect(offenders).toEqual([]);
  });
});
