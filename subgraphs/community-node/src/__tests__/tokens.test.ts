import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { codesOf, graphql, sql, startTestNode, type TestNode } from '@commons-graph/testing';
import { hashToken } from '../auth/tokens';
import { readNodeConfig } from '../config';
import { runCli } from './support/cli';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('admin tokens', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode('token-circle');
  });
  afterAll(() => node?.stop());

  it('stores only a SHA-256 hash of each token, never the token', async () => {
    const rows = await sql<{ secret_hash: string; prefix: string }>(
      node.database.url,
      'select secret_hash, prefix from api_token',
    );
    const dump = JSON.stringify(rows);
    for (const token of Object.values(node.tokens)) {
      expect(dump).not.toContain(token);
      expect(rows.map((r) => r.secret_hash)).toContain(hashToken(token));
    }
  });

  it('creates a token through the API that works once and can be revoked', async () => {
    const created = await node.adminOk(
      `mutation { createToken(input: { name: "Maria (steward)", role: STEWARD }) { token info { id role prefix } } }`,
    );
    const { token, info } = created.createToken;
    expect(token).toMatch(/^cgn_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(info.prefix)).toBe(true);
    const me = await graphql(
      node.node.adminUrl,
      `
        {
          me {
            name
            role
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(me.data).toEqual({ me: { name: 'Maria (steward)', role: 'STEWARD' } });

    const list = await node.adminOk(`{ tokens { id name revokedAt } }`);
    expect(JSON.stringify(list)).not.toContain(token);

    await node.adminOk(`mutation($id: ID!) { revokeToken(id: $id) { revokedAt } }`, { id: info.id });
    const after = await graphql(
      node.node.adminUrl,
      `
        {
          me {
            name
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(codesOf(after)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a wrong or missing token and a weaker role, on every kind of operation', async () => {
    expect(
      codesOf(
        await graphql(
          node.node.adminUrl,
          `
            {
              managedArtifacts {
                id
              }
            }
          `,
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      codesOf(
        await graphql(
          node.node.adminUrl,
          `
            {
              managedArtifacts {
                id
              }
            }
          `,
          {},
          { authorization: 'Bearer cgn_guess' },
        ),
      ),
    ).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(await node.admin(`{ tokens { id } }`, {}, 'steward'))).toEqual(['FORBIDDEN']);
    expect(
      codesOf(
        await node.admin(`mutation { postNeed(input: { title: "t", body: "b" }) { id } }`, {}, 'member'),
      ),
    ).toEqual(['FORBIDDEN']);
    expect((await node.admin(`{ managedArtifacts { id } }`, {}, 'member')).errors).toBeUndefined();
  });

  it('guards every admin query and mutation with a role', async () => {
    const { __schema } = await node.adminOk(
      `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`,
    );
    const fields: string[] = [...__schema.queryType.fields, ...__schema.mutationType.fields].map(
      (f: { name: string }) => f.name,
    );
    const { getMetadataStorage } = await import('type-graphql');
    const authorized = new Set(getMetadataStorage().authorizedFields.map((f) => f.fieldName));
    expect(fields.filter((f) => !authorized.has(f))).toEqual([]);
  });

  it('creates a working token from the command line against the same database', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [CLI, 'token', 'create', '--role', 'member', '--name', 'CLI member'],
      {
        env: {
          ...process.env,
          COMMUNITY_SLUG: 'token-circle',
          DATABASE_URL: node.database.url,
          LOG_LEVEL: 'silent',
        },
      },
    );
    const token = stdout.trim();
    expect(stderr).toMatch(/shown only once/);
    const me = await graphql(
      node.node.adminUrl,
      `
        {
          me {
            name
            role
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(me.data).toEqual({ me: { name: 'CLI member', role: 'MEMBER' } });
    const env = {
      ...process.env,
      COMMUNITY_SLUG: 'token-circle',
      DATABASE_URL: node.database.url,
      LOG_LEVEL: 'silent',
    };
    const bad = await runCli(['token', 'create', '--role', 'owner', '--name', 'x'], env);
    expect(bad.code).toBeGreaterThan(0);
    expect(bad.stderr).toMatch(/owner/);

    // `token list` shows it (never the token itself); `token revoke` ends it at once.
    const listed = await runCli(['token', 'list'], env);
    expect(listed.code).toBe(0);
    const line = listed.stdout.split('\n').find((l) => l.includes('CLI member'));
    expect(line).toMatch(/member/i);
    expect(listed.stdout).not.toContain(token);
    const id = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(line!)![0];
    expect((await runCli(['token', 'revoke', id], env)).code).toBe(0);
    const after = await graphql(
      node.node.adminUrl,
      `
        {
          me {
            name
          }
        }
      `,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(codesOf(after)).toEqual(['UNAUTHENTICATED']);
    const unknown = await runCli(['token', 'revoke', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBeGreaterThan(0);
    expect(unknown.stderr.length).toBeGreaterThan(10);
  });
});

describe('the bootstrap ADMIN_TOKEN', () => {
  it('must be long enough to resist guessing', () => {
    expect(() => readNodeConfig({ COMMUNITY_SLUG: 'token-circle', ADMIN_TOKEN: 'x'.repeat(23) })).toThrow(
      /at least 24 characters/,
    );
    expect(readNodeConfig({ COMMUNITY_SLUG: 'token-circle', ADMIN_TOKEN: 'x'.repeat(24) }).adminToken).toBe(
      'x'.repeat(24),
    );
  });
});
