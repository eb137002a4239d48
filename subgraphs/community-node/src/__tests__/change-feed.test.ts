import {
  codesOf,
  draftArtifact,
  link,
  publish,
  sql,
  startTestNode,
  type TestNode,
} from '@commons-graph/testing';
import { openDatabase } from '../database/orm';
import { seedLinks, seedPublishedArtifacts } from '../database/seed';
import { ChangeKind, Need } from '../entities';
import { appendChange } from '../feed/outbox';
import { changesOf, feedPage, memberOf, publicData, replay, wholeFeed } from './support/feed';

/**
 * The change feed (docs/feed-protocol.md) as a follower reads it: one event per public change, in a
 * gap-free order, each carrying the entity as the public API shows it now, and nothing private.
 */
const CYCLE = {
  cadence: 'MONTHLY',
  startsOn: '2026-09-01',
  endsOn: '2026-09-30',
  becameClear: 'Cover crops',
};

describe('a node tells followers every public change, once, in order', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode('klamath-soil', 'Klamath Soil Circle');
  });
  afterAll(() => node?.stop());

  it('appends one event per public change kind, naming the entity it changed', async () => {
    const head = (await feedPage(node)).head;
    const guide = await draftArtifact(node, { title: 'Seasonal practices guide', handle: 'guide' });
    /** Adds a derivation link to the guide and returns the link's id. */
    const derive = async (sourceId: string, relation: string) => {
      const { addDerivedFrom } = await node.adminOk(
        `mutation($i: DerivedFromInput!) { addDerivedFrom(input: $i) { derivedFrom { id sourceId } } }`,
        { i: { artifactId: guide, sourceId, relation } },
        'steward',
      );
      return addDerivedFrom.derivedFrom.find((l: { sourceId: string }) => l.sourceId === sourceId).id;
    };
    const draftLink = await derive('valley-clinics:garden', 'ADAPTS');
    await publish(node, guide);
    const laterLink = await derive('valley-clinics:compost', 'REFERENCES');
    const adoption = await link(node, 'recordAdoption', {
      artifactId: 'valley-clinics:garden',
      status: 'TRIAL',
      context: 'Spring trial plots',
    });
    await node.adminOk(
      `mutation($id: ID!) { updateAdoption(id: $id, input: { status: ADOPTED }) { id } }`,
      { id: adoption },
      'steward',
    );
    const feedback = await link(node, 'giveFeedback', {
      artifactId: 'valley-clinics:garden',
      kind: 'GAP',
      body: 'Nothing on clay soils',
    });
    const response = await link(node, 'respondToFeedback', {
      feedbackId: 'valley-clinics:fb-1',
      artifactId: guide,
      kind: 'ACKNOWLEDGED',
      body: 'Thanks',
    });
    const need = await link(node, 'postNeed', { title: 'Soil tests in Spanish', body: 'For the co-op' });
    const answer = await link(node, 'answerNeed', { needId: need, artifactId: guide });
    await node.adminOk(`mutation($id: ID!) { closeNeed(id: $id) { id } }`, { id: need }, 'steward');
    await node.adminOk(
      `mutation { updateProfile(input: { description: "Ranches and farms" }) { slug } }`,
      {},
      'steward',
    );
    const { recordLearningCycle: cycle } = await node.adminOk(
      `mutation($i: LearningCycleInput!) { recordLearningCycle(input: $i) { id } }`,
      { i: { ...CYCLE, isPublic: true, harvestedArtifactIds: [guide] } },
      'steward',
    );
    const { addContributionRole: role } = await node.adminOk(
      `mutation { addContributionRole(input: { personName: "Rosa", role: "translator", hoursPerMonth: 6,
        startsOn: "2026-01-01" }) { id } }`,
      {},
      'steward',
    );
    await node.adminOk(
      `mutation($id: ID!) { endContributionRole(id: $id, endsOn: "2026-10-31") { id } }`,
      { id: role.id },
      'steward',
    );
    await node.adminOk(
      `mutation($id: ID!) { publishNewVersion(id: $id, changes: { body: "Cover crops, then compost." },
        changeNote: "Spring field day") { version } }`,
      { id: guide },
      'steward',
    );
    await node.adminOk(
      `mutation($id: ID!) { retireArtifact(id: $id, reason: "Superseded") { id } }`,
      { id: guide },
      'steward',
    );

    const events = await wholeFeed(node, head);
    const global = (id: string) => (id.includes(':') ? id : `klamath-soil:${id}`);
    expect(changesOf(events)).toEqual([
      ['ARTIFACT', guide],
      ['DERIVATION', global(draftLink)],
      ['DERIVATION', global(laterLink)],
      ['ADOPTION', global(adoption)],
      ['ADOPTION', global(adoption)],
      ['FEEDBACK', global(feedback)],
      ['RESPONSE', global(response)],
      ['NEED', global(need)],
      ['NEED', global(need)],
      ['NEED_ANSWER', global(answer)],
      ['NEED', global(need)],
      ['COMMUNITY', 'klamath-soil'],
      ['LEARNING_CYCLE', global(cycle.id)],
      ['CONTRIBUTION_ROLE', global(role.id)],
      ['CONTRIBUTION_ROLE', global(role.id)],
      ['ARTIFACT', guide],
      ['ARTIFACT', guide],
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => head + i + 1));
    // Each event carries exactly its kind's member, as the entity is now (the guide retired at v2).
    for (const event of events) {
      const member = memberOf(event) as { id?: string; slug?: string };
      expect(member).not.toBeNull();
      expect(global(member.id ?? member.slug!)).toBe(
        event.kind === 'COMMUNITY' ? 'klamath-soil:klamath-soil' : event.entityId,
      );
    }
    expect(events[0].artifact).toMatchObject({ status: 'RETIRED', version: 2 });
    expect(events[8].need).toMatchObject({ status: 'CLOSED' });
    expect(events[11].community).toMatchObject({ description: 'Ranches and farms' });
    expect(events[12].learningCycle).toMatchObject({ harvestedArtifactIds: [guide] });
  });

  it('starts with the community profile the node created at its first start', async () => {
    const [first] = (await feedPage(node, 0, 1)).events;
    expect(first).toMatchObject({ seq: 1, kind: 'COMMUNITY', entityId: 'klamath-soil' });
    expect(first.community).toMatchObject({ slug: 'klamath-soil', name: 'Klamath Soil Circle' });
  });

  it('tells of the links an artifact makes public when it is first published', async () => {
    const draft = await draftArtifact(node, { title: 'Spanish soil guide', handle: 'guia' });
    await link(node, 'addDerivedFrom', {
      artifactId: draft,
      sourceId: 'valley-clinics:garden',
      relation: 'TRANSLATES',
    });
    const adoption = await link(node, 'recordAdoption', {
      artifactId: 'valley-clinics:garden',
      status: 'TRIAL',
      context: 'Translated for the co-op',
      adaptedAsId: draft,
    });
    const { updateAdoption } = await node.adminOk(
      `mutation($id: ID!) { updateAdoption(id: $id, input: { status: ADOPTED }) { id status adaptedAsId } }`,
      { id: adoption },
      'steward',
    );
    expect(updateAdoption).toMatchObject({ id: adoption, status: 'ADOPTED' });
    const { recordLearningCycle: cycle } = await node.adminOk(
      `mutation($i: LearningCycleInput!) { recordLearningCycle(input: $i) { id } }`,
      { i: { ...CYCLE, isPublic: true, harvestedArtifactIds: [draft] } },
      'steward',
    );
    const head = (await feedPage(node)).head;
    await publish(node, draft);

    const events = await wholeFeed(node, head);
    expect(events.map((e) => e.kind)).toEqual(['ARTIFACT', 'DERIVATION', 'ADOPTION', 'LEARNING_CYCLE']);
    expect(events[1].derivation).toMatchObject({ artifactId: draft, relation: 'TRANSLATES' });
    expect(events[2].adoption).toMatchObject({ id: adoption, adaptedAsId: draft });
    expect(events[3].entityId).toBe(`klamath-soil:${cycle.id.split(':').pop()}`);
    expect(events[3].learningCycle).toMatchObject({ harvestedArtifactIds: [draft] });
  });

  it('says nothing of drafts, reviews, discarded drafts, private cycles or tokens', async () => {
    const head = (await feedPage(node)).head;
    const secret = 'UNPUBLISHED-DRAFT-TEXT-7f3a';
    const draft = await draftArtifact(node, { title: 'Private notes', handle: 'notes', body: secret });
    await node.adminOk(
      `mutation($id: ID!) { updateArtifact(id: $id, input: { summary: "${secret}" }) { id } }`,
      { id: draft },
      'member',
    );
    await link(node, 'addDerivedFrom', {
      artifactId: draft,
      sourceId: 'valley-clinics:x',
      relation: 'QUOTES',
    });
    const reviewed = await draftArtifact(node, { title: 'In review', handle: 'in-review', body: secret });
    await node.adminOk(`mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id: reviewed }, 'member');
    const discarded = await draftArtifact(node, { title: 'Discarded', handle: 'discarded', body: secret });
    await node.adminOk(`mutation($id: ID!) { discardDraft(id: $id) }`, { id: discarded }, 'steward');
    await node.adminOk(
      `mutation($i: LearningCycleInput!) { recordLearningCycle(input: $i) { id } }`,
      { i: { ...CYCLE, isPublic: false, becameClear: secret } },
      'steward',
    );
    const { createToken } = await node.adminOk(
      `mutation { createToken(input: { name: "Rosa", role: MEMBER }) { info { id } } }`,
    );
    await node.adminOk(`mutation($id: ID!) { revokeToken(id: $id) { id } }`, { id: createToken.info.id });

    const page = await feedPage(node, 0);
    expect(page.head).toBe(head);
    expect(JSON.stringify(page)).not.toContain(secret);
    expect(JSON.stringify(page)).not.toMatch(/notes|in-review|discarded/);
  });

  it('pages with after and first, and says where to continue', async () => {
    const all = await wholeFeed(node);
    const head = all.length;
    const first = await feedPage(node, 0, 2);
    expect(first).toMatchObject({ head, next: 2, hasMore: true });
    expect(first.events.map((e) => e.seq)).toEqual([1, 2]);
    const rest = await wholeFeed(node, 2, 3);
    expect(rest.map((e) => e.seq)).toEqual(all.slice(2).map((e) => e.seq));
    const last = await feedPage(node, head - 1, 1000);
    expect(last).toMatchObject({ next: head, hasMore: false });
    // Past the head: nothing, and `next` stays where the follower asked.
    expect(await feedPage(node, head + 5, 10)).toMatchObject({ events: [], next: head + 5, hasMore: false });
  });

  it('refuses a page size outside 1 to 1000 and a negative cursor', async () => {
    const ask = (after: number, first: number) =>
      node.publicQuery(`query($a: Int!, $f: Int!) { changes(after: $a, first: $f) { head } }`, {
        a: after,
        f: first,
      });
    for (const [after, first] of [
      [0, 1001],
      [0, 0],
      [0, -1],
      [-1, 10],
    ]) {
      const result = await ask(after, first);
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.data).toBeNull();
    }
    expect((await ask(0, 1000)).errors).toBeUndefined();
  });

  it('serves a page of 1000 events in one statement per kind on it', async () => {
    const { head } = await feedPage(node);
    const count = await node.countStatements(() => wholeFeed(node, 0, 1000));
    // The events with epoch and head, one per kind on the page (all ten appear here), and one for
    // the derivation links of the page's artifacts (selected by the feed helper): however many events.
    expect(head).toBeLessThanOrEqual(1000);
    expect(count).toBe(1 + 10 + 1);
  });

  it('has no gap and no duplicate under 20 concurrent writers', async () => {
    const { head } = await feedPage(node);
    const needs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        link(node, 'postNeed', { title: `Concurrent need ${i}`, body: 'at once' }),
      ),
    );
    const events = await wholeFeed(node, head);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => head + i + 1));
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(needs.map((id) => id)));
  });

  it('appends nothing for a write that rolls back', async () => {
    const { head } = await feedPage(node);
    const orm = await openDatabase({ databaseUrl: node.database.url, poolMax: 1 });
    try {
      const failed = orm.em.fork().transactional(async (em) => {
        em.create(Need, { title: 'Rolled back', body: 'never', tags: [] } as never);
        await appendChange(em, ChangeKind.NEED, 'klamath-soil:rolled-back');
        throw new Error('the write fails after its event was appended');
      });
      await expect(failed).rejects.toThrow('after its event was appended');
    } finally {
      await orm.close(true);
    }
    const [{ seq }] = await sql<{ seq: number }>(node.database.url, 'select seq from feed_state');
    expect(seq).toBe(head);
    expect(await feedPage(node, head - 1)).toMatchObject({ head, next: head, hasMore: false });
    // The next write takes the very next number.
    await link(node, 'postNeed', { title: 'After the rollback', body: 'next' });
    expect((await wholeFeed(node, head)).map((e) => e.seq)).toEqual([head + 1]);
  });
});

describe('the bulk seeders (demo, tests, benchmarks) append like the admin API', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode('seeded-circle');
  });
  afterAll(() => node?.stop());

  it('tells of every public row they write, and of none on a draft', async () => {
    const draft = await draftArtifact(node, { title: 'Draft', handle: 'draft' });
    const head = (await feedPage(node)).head;
    const now = Date.now();
    await seedPublishedArtifacts(node.database.url, node.slug, [
      { handle: 'newer', publishedAt: new Date(now) },
      { handle: 'older', publishedAt: new Date(now - 86_400_000) },
    ]);
    await seedLinks(node.database.url, {
      derivations: [
        { handle: 'newer', sourceId: 'other:x' },
        { handle: 'draft', sourceId: 'other:y' },
      ],
      adoptions: [{ artifactId: 'other:a' }],
      feedback: [{ artifactId: 'other:a' }],
      responses: [{ feedbackId: 'other:fb', handle: 'older' }],
      needAnswers: [{ needId: 'other:need', handle: 'newer' }],
    });
    const events = await wholeFeed(node, head);
    expect(events.map((e) => e.kind)).toEqual([
      'ARTIFACT',
      'ARTIFACT',
      'DERIVATION',
      'ADOPTION',
      'FEEDBACK',
      'RESPONSE',
      'NEED_ANSWER',
    ]);
    expect(events.slice(0, 2).map((e) => e.entityId)).toEqual(['seeded-circle:older', 'seeded-circle:newer']);
    expect(JSON.stringify(events)).not.toContain(draft);
    expect(replay(await wholeFeed(node))).toEqual(await publicData(node));
  });
});
