import type { PostgreSqlConnection } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import {
  draftArtifact,
  ok,
  publishedArtifact,
  serverUrl,
  sql,
  startTestNode,
  type TestNode,
} from '@commons-graph/testing';
import { openPublicConnection } from '../database/public-connection';
import { startCommunityNode } from '../server';
import pino from 'pino';
import { PRIVATE_COLUMNS, PRIVATE_TABLES, PUBLIC_TABLES } from './support/table-privacy';

const SECRET = 'PRIVATE-CYCLE-91c2';

/** Runs one statement on the public role's connection; resolves to the PostgreSQL error code if refused. */
async function attempt(
  connection: PostgreSqlConnection,
  statement: string,
): Promise<string | Record<string, unknown>[]> {
  try {
    return await connection.execute<Record<string, unknown>[]>(statement);
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';
/** How the query log names the public pool (see openPublicConnection). */
const PUBLIC_POOL = "via read connection 'public'";

describe('PostgreSQL refuses to the public path whatever is not public', () => {
  let node: TestNode;
  let reader: PostgreSqlConnection;
  let draft: string;
  let published: string;
  beforeAll(async () => {
    node = await startTestNode('valley-clinics');
    published = await publishedArtifact(node, {
      title: 'Care coordination decision tree',
      handle: 'care-tree',
    });
    draft = await draftArtifact(node, { title: 'Intake draft', handle: 'intake-draft' });
    await node.adminOk(
      `mutation($i: DerivedFromInput!) { addDerivedFrom(input: $i) { id } }`,
      {
        i: { artifactId: draft, sourceId: published, relation: 'ADAPTS' },
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
          harvestedArtifactIds: [published, draft],
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
          becameClear: SECRET,
          isPublic: false,
          harvestedArtifactIds: [published],
        },
      },
      'steward',
    );
    reader = await openPublicConnection(node.node.orm, { databaseUrl: node.database.url, poolMax: 1 });
  });
  afterAll(async () => {
    await reader?.close(true);
    await node?.stop();
  });

  it('classifies every table of the schema as public or private, and refuses each private one', async () => {
    const tables = (
      await sql<{ name: string }>(
        node.database.url,
        `
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1`,
      )
    ).map((t) => t.name);
    // A new table fails here until it is placed in support/table-privacy.ts (and, if public, granted).
    expect(tables).toEqual([...Object.keys(PUBLIC_TABLES), ...PRIVATE_TABLES].sort());

    const outcomes = await Promise.all(
      tables.map(async (table) => {
        const answer = await attempt(reader, `select * from "${table}" limit 1`);
        const columns = PRIVATE_COLUMNS[table as keyof typeof PRIVATE_COLUMNS];
        // A table with private columns answers only for its public ones.
        const publicAnswer = columns ? await attempt(reader, `select count(*) from "${table}"`) : answer;
        return { table, refused: typeof publicAnswer === 'string' ? publicAnswer : 'read' };
      }),
    );
    expect(outcomes).toEqual(
      tables.map((table) => ({
        table,
        refused: table in PUBLIC_TABLES ? 'read' : INSUFFICIENT_PRIVILEGE,
      })),
    );
  });

  it('refuses the private columns of public tables', async () => {
    for (const [table, columns] of Object.entries(PRIVATE_COLUMNS)) {
      for (const column of columns) {
        expect({
          column: `${table}.${column}`,
          answer: await attempt(reader, `select ${column} from ${table}`),
        }).toEqual({ column: `${table}.${column}`, answer: INSUFFICIENT_PRIVILEGE });
      }
      expect(await attempt(reader, `select * from ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
    }
  });

  it('shows the public role only public artifacts, their links, and public learning cycles', async () => {
    const handle = (id: string) => id.split(':')[1];
    const count = async (statement: string) =>
      Number(((await reader.execute(statement)) as { n: string }[])[0].n);
    expect(await reader.execute('select handle from artifact')).toEqual([{ handle: handle(published) }]);
    expect(await count(`select count(*) as n from derivation`)).toBe(0);
    expect(
      await reader.execute(
        'select became_clear as "becameClear", is_public as "isPublic" from learning_cycle',
      ),
    ).toEqual([{ becameClear: 'Triage first', isPublic: true }]);
    // The public cycle harvested a draft and a published artifact; only the published one shows.
    expect(
      await reader.execute(
        `select a.handle from learning_cycle_harvest h join artifact a on a.id = h.artifact_id`,
      ),
    ).toEqual([{ handle: handle(published) }]);
    expect(await count(`select count(*) as n from learning_cycle_harvest`)).toBe(1);
    // The login user, which serves the admin API, still sees everything.
    expect(await sql(node.database.url, 'select handle from artifact order by handle')).toHaveLength(2);
  });

  it('reads as a role that cannot log in and cannot write', async () => {
    const [role] = await reader.execute<{ rolname: string; rolcanlogin: boolean }[]>(
      'select rolname, rolcanlogin from pg_roles where rolname = current_user',
    );
    expect(role.rolcanlogin).toBe(false);
    expect(
      await attempt(
        reader,
        `insert into need (id, title, body, tags, posted_at)
      values (gen_random_uuid(), 'Spam', 'spam', '{}', now())`,
      ),
    ).toBe('25006'); // read-only transaction
    expect(
      await attempt(
        reader,
        `begin read write; insert into need (id, title, body, tags, posted_at)
      values (gen_random_uuid(), 'Spam', 'spam', '{}', now())`,
      ),
    ).toBe(INSUFFICIENT_PRIVILEGE);
    await attempt(reader, 'rollback');
  });

  it('serves the public subgraph through that role, and only through it', async () => {
    const before = node.statements.length;
    const { community } = await node.publicOk(`{ community { slug learningCycles { becameClear } } }`);
    expect(community.learningCycles).toEqual([{ becameClear: 'Triage first' }]);
    const statements = node.statements.slice(before);
    expect(statements.some((line) => line.includes('from learning_cycle'))).toBe(true);
    expect(statements.filter((line) => !line.includes(PUBLIC_POOL))).toEqual([]);
  });
});

describe('a node whose login owns its database but is no superuser', () => {
  const created: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const undo of created.reverse()) await undo().catch(() => undefined);
  });

  /** A login role and a database it owns, on the tests' server. */
  async function ownedDatabase(options: string) {
    const suffix = randomBytes(4).toString('hex');
    const login = `t_login_${suffix}`;
    const database = `t_owned_${suffix}`;
    const server = serverUrl();
    await sql(server, `create role ${login} login password 'pw-${suffix}' ${options}`);
    created.push(() => sql(server, `drop role if exists ${login}`));
    await sql(server, `create database ${database} owner ${login}`);
    created.push(() => sql(server, `drop database if exists ${database} with (force)`));
    const url = new URL(server);
    Object.assign(url, { username: login, password: `pw-${suffix}`, pathname: `/${database}` });
    return url.toString();
  }

  const start = (databaseUrl: string) =>
    startCommunityNode(
      {
        slug: 'klamath-soil',
        name: 'Klamath',
        host: '127.0.0.1',
        port: 0,
        databaseUrl,
        dataDir: '',
        logLevel: 'silent',
      },
      { logger: pino({ level: 'silent' }) },
    );

  it('starts with CREATEROLE: it makes its public role and serves the public subgraph', async () => {
    const url = await ownedDatabase('createrole');
    const running = await start(url);
    const [{ role }] = await sql<{ role: string }>(url, 'select public_read_role() as role');
    created.push(() => sql(serverUrl(), `drop role if exists "${role}"`));
    try {
      const data = await ok(running.publicUrl, `{ community { slug } artifacts(first: 5) { totalCount } }`);
      expect(data).toEqual({ community: { slug: 'klamath-soil' }, artifacts: { totalCount: 0 } });
    } finally {
      await running.stop();
    }
  });

  it('without CREATEROLE, stops at start and says what to grant; once granted, starts', async () => {
    const url = await ownedDatabase('nocreaterole');
    const failure = await start(url).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const advice = (failure as Error).message;
    expect(advice).toMatch(
      /^Cannot migrate the database: The public subgraph reads as role "\w+", which does not exist/,
    );
    expect(advice).toMatch(/ALTER ROLE t_login_\w+ CREATEROLE/);
    // Doing what the message says as a superuser is enough.
    const [, superuserFix] = advice.split('as a superuser run: ');
    for (const statement of superuserFix
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      await sql(serverUrl(), statement);
    const role = /CREATE ROLE (\w+)/.exec(superuserFix)![1];
    created.push(() => sql(serverUrl(), `drop role if exists "${role}"`));
    const running = await start(url);
    try {
      expect(await ok(running.publicUrl, '{ community { slug } }')).toEqual({
        community: { slug: 'klamath-soil' },
      });
    } finally {
      await running.stop();
    }

    // Membership taken away later: the node refuses to start rather than read as the login user.
    const login = new URL(url).username;
    await sql(serverUrl(), `revoke "${role}" from "${login}"`);
    await expect(start(url)).rejects.toThrow(`cannot switch to it`);
    await expect(start(url)).rejects.toThrow(`As a superuser run: GRANT "${role}" TO "${login}";`);
  });
});
