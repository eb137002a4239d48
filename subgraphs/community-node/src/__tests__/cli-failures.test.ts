import { serverUrl } from '@commons-graph/testing';
import { freePort } from '@commons-graph/postgres';
import { makeDataDir, nodeEnv, removeDataDir, runCli } from './support/cli';

/** Every failure of the CLI: a non-zero exit and one line a person can act on. */
describe('`community-node` failing', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await makeDataDir();
  });
  afterAll(() => removeDataDir(dataDir));

  it('names a slug that is not one, and what one looks like', async () => {
    const { code, stderr } = await runCli(['start'], nodeEnv(dataDir, { COMMUNITY_SLUG: 'Not A Slug' }));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'community-node: COMMUNITY_SLUG must be set to lower-case letters, digits and dashes (e.g. "klamath-soil"), got "Not A Slug".\n',
    );
  });

  it('names the required variable that is missing', async () => {
    const env = nodeEnv(dataDir);
    delete env.COMMUNITY_SLUG;
    const { code, stderr } = await runCli(['token', 'list'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^community-node: COMMUNITY_SLUG must be set/);
  });

  it('says a DATABASE_URL nobody answers cannot be reached, without printing its password', async () => {
    const port = await freePort();
    const { code, stderr } = await runCli(
      ['start'],
      nodeEnv(dataDir, { DATABASE_URL: `postgres://postgres:hunter2-secret@127.0.0.1:${port}/commons` }),
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      `community-node: could not connect to 127.0.0.1:${port}: nothing accepts connections there. Check DATABASE_URL.\n`,
    );
  });

  it('passes on what PostgreSQL says of a wrong password', async () => {
    const url = new URL(serverUrl());
    url.password = 'not-the-password';
    const { code, stderr } = await runCli(
      ['token', 'list'],
      nodeEnv(dataDir, { DATABASE_URL: url.toString() }),
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      'community-node: the database said: password authentication failed for user "postgres" (SQLSTATE 28P01). Check DATABASE_URL.\n',
    );
  });
});
