import { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, sql, startTestNode, type TestDatabase } from '@commons-graph/testing';
import pino from 'pino';
import { ormConfig } from '../database/orm';
import { startCommunityNode, type RunningNode } from '../server';
import { changesOf, feedPage, publicData, readerAt, replay, wholeFeed } from './support/feed';

/** A node at the version before the change feed, with data of every kind, public and private. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const SECRET = 'SECRET-DRAFT-TEXT-b41c';
const DATA_FROM_BEFORE_THE_FEED = `
  insert into community_profile (slug, name, description, created_at)
    values ('openinfra-sigs', 'OpenInfra SIGs', 'Networking and storage', '2026-01-01T00:00:00Z');
  insert into artifact_draft (id, kind, title, summary, body, tags, authors, updated_at)
    values ('${id(100)}', 'PATTERN', '${SECRET}', '', '${SECRET}', '{}', '{}', '2026-03-01T00:00:00Z');
  insert into artifact (id, handle, status, draft_id, created_by, created_at, first_published_at, retired_at, retirement_reason)
    values ('${id(1)}', 'patterns', 'PUBLISHED', null, 'x', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', null, null),
      ('${id(2)}', 'old-runbook', 'RETIRED', null, 'x', '2026-01-10T00:00:00Z', '2026-01-10T00:00:00Z',
        '2026-05-01T00:00:00Z', 'Superseded'),
      ('${id(3)}', 'draft-notes', 'DRAFT', '${id(100)}', 'x', '2026-03-01T00:00:00Z', null, null, null);
  insert into artifact_version (id, artifact_id, number, kind, title, summary, body, tags, licence, attribution, authors,
      ai_assisted, published_by, published_at)
    values ('${id(11)}', '${id(1)}', 1, 'PATTERN', 'Patterns', '', 'Use them', '{}', 'CC-BY-4.0', 'SIGs', '{Ana}', false,
        'x', '2026-02-01T00:00:00Z'),
      ('${id(12)}', '${id(2)}', 1, 'PLAYBOOK', 'Old runbook', '', 'Old', '{}', 'CC-BY-4.0', 'SIGs', '{Ana}', false,
        'x', '2026-01-10T00:00:00Z');
  update artifact set latest_version_id = '${id(11)}' where id = '${id(1)}';
  update artifact set latest_version_id = '${id(12)}' where id = '${id(2)}';
  insert into derivation (id, artifact_id, source_id, relation, asserted_at)
    values ('${id(21)}', '${id(1)}', 'klamath-soil:guide', 'ADAPTS', '2026-02-01T00:00:00Z'),
      ('${id(22)}', '${id(3)}', 'klamath-soil:guide', 'QUOTES', '2026-03-01T00:00:00Z');
  insert into adoption (id, artifact_id, status, context, recorded_at, updated_at)
    values ('${id(31)}', 'klamath-soil:guide', 'ADOPTED', 'In the storage SIG', '2026-03-05T00:00:00Z',
      '2026-04-01T00:00:00Z');
  insert into feedback (id, artifact_id, kind, body, given_at)
    values ('${id(41)}', 'klamath-soil:guide', 'GAP', 'Nothing on racks', '2026-03-10T00:00:00Z');
  insert into feedback_response (id, feedback_id, artifact_id, kind, body, responded_at)
    values ('${id(51)}', 'klamath-soil:fb', '${id(1)}', 'ACKNOWLEDGED', 'Thanks', '2026-03-12T00:00:00Z');
  insert into need (id, title, body, tags, status, posted_at, closed_at)
    values ('${id(61)}', 'Rack diagrams', 'Any', '{}', 'CLOSED', '2026-01-20T00:00:00Z', '2026-06-01T00:00:00Z');
  insert into need_answer (id, need_id, artifact_id, answered_at)
    values ('${id(71)}', 'klamath-soil:need', '${id(1)}', '2026-03-15T00:00:00Z');
  insert into learning_cycle (id, cadence, starts_on, ends_on, became_clear, is_public, created_at)
    values ('${id(81)}', 'MONTHLY', '2026-02-01', '2026-02-28', 'Patterns travel', true, '2026-03-01T12:00:00Z'),
      ('${id(82)}', 'MONTHLY', '2026-03-01', '2026-03-31', '${SECRET}', false, '2026-04-01T12:00:00Z');
  insert into contribution_role (id, person_name, role, hours_per_month, starts_on)
    values ('${id(91)}', 'Rosa', 'translator', 4, '2026-01-05');`;

const start = (databaseUrl: string, slug: string) =>
  startCommunityNode(
    { slug, name: slug, host: '127.0.0.1', port: 0, databaseUrl, dataDir: '', logLevel: 'silent' },
    { logger: pino({ level: 'silent' }) },
  );
const reader = (node: RunningNode) => readerAt(node.publicUrl);

describe('an upgraded node gets its whole history from the migration', () => {
  let database: TestDatabase;
  let node: RunningNode | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('feed-backfill');
    const orm = await MikroORM.init(ormConfig({ databaseUrl: database.url, poolMax: 1 }));
    try {
      await orm.getMigrator().up({ to: 'Migration20261201000000PublicReadRole' });
    } finally {
      await orm.close(true);
    }
    await sql(database.url, DATA_FROM_BEFORE_THE_FEED);
    node = await start(database.url, 'openinfra-sigs');
  });
  afterAll(async () => {
    await node?.stop();
    await database?.drop();
  });

  it('has one event per public entity, oldest first, and none for drafts or private cycles', async () => {
    const events = await wholeFeed(reader(node!));
    const own = (n: number) => `openinfra-sigs:${id(n)}`;
    expect(changesOf(events)).toEqual([
      ['COMMUNITY', 'openinfra-sigs'],
      ['CONTRIBUTION_ROLE', own(91)],
      ['ARTIFACT', 'openinfra-sigs:patterns'],
      ['DERIVATION', own(21)],
      ['LEARNING_CYCLE', own(81)],
      ['FEEDBACK', own(41)],
      ['RESPONSE', own(51)],
      ['NEED_ANSWER', own(71)],
      ['ADOPTION', own(31)],
      ['ARTIFACT', 'openinfra-sigs:old-runbook'],
      ['NEED', own(61)],
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[1].at).toBe('2026-01-05T00:00:00.000Z');
    expect(JSON.stringify(events)).not.toContain(SECRET);
  });

  it('replays into exactly what the public API serves', async () => {
    const events = await wholeFeed(reader(node!));
    expect(replay(events)).toEqual(await publicData(reader(node!)));
  });

  it('leaves the counter at the last backfilled event, so the next change takes the next number', async () => {
    const { head } = await feedPage(reader(node!));
    const [{ seq }] = await sql<{ seq: number }>(database.url, 'select seq from feed_state');
    expect(seq).toBe(head);
    expect(head).toBe(11);
  });
});

describe('the epoch', () => {
  it('stays the same across restarts and differs between two databases', async () => {
    const first = await startTestNode('epoch-one');
    const second = await startTestNode('epoch-two');
    let restarted: RunningNode | undefined;
    try {
      const { epoch } = await feedPage(first);
      expect(epoch).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await first.node.stop();
      restarted = await start(first.database.url, 'epoch-one');
      expect((await feedPage(reader(restarted))).epoch).toBe(epoch);
      expect((await feedPage(second)).epoch).not.toBe(epoch);
    } finally {
      await restarted?.stop();
      await first.stop();
      await second.stop();
    }
  });
});
