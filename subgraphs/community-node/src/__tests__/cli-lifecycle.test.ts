import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql, ok } from '../../../../test/support/graphql';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const ADMIN_TOKEN = 'bootstrap-admin-token-for-the-lifecycle-test';

interface Started {
  child: ChildProcess;
  publicUrl: string;
  adminUrl: string;
  exited: Promise<number | null>;
}

/** Runs `community-node start` as a user would: embedded PostgreSQL under DATA_DIR, no DATABASE_URL. */
function start(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, COMMUNITY_SLUG: 'lifecycle-circle', COMMUNITY_NAME: 'Lifecycle Circle', PORT: '0', DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [CLI, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`node did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('community node ready')) continue;
        const { url, admin } = JSON.parse(line) as { url: string; admin: string };
        clearTimeout(timer);
        resolve({ child, publicUrl: url, adminUrl: admin, exited });
        return;
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`node exited with ${code}:\n${output}`)));
  });
}

describe('`community-node start` on its embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commons-node-'));
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves, shuts down cleanly on SIGTERM, and keeps everything across a restart', async () => {
    const first = await start(dataDir);
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const created = await ok(first.adminUrl, `mutation { createArtifact(input: { kind: PRINCIPLE, title: "Soil is alive", licence: "CC0-1.0", attribution: "Lifecycle Circle", authors: ["Ana"] }) { id } }`, {}, auth);
    const id = created.createArtifact.id;
    await ok(first.adminUrl, `mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id }, auth);
    await ok(first.adminUrl, `mutation($id: ID!) { publishArtifact(id: $id) { id } }`, { id }, auth);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await start(dataDir);
    try {
      const { data } = await graphql(second.publicUrl, `query($id: ID!) { artifact(id: $id) { title licence { spdx } } community { name } }`, { id });
      expect(data).toEqual({ artifact: { title: 'Soil is alive', licence: { spdx: 'CC0-1.0' } }, community: { name: 'Lifecycle Circle' } });
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  });

  it('refuses to start with a clear message when the slug is missing', async () => {
    const child = spawn(process.execPath, [CLI, 'start'], { env: { ...process.env, COMMUNITY_SLUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/COMMUNITY_SLUG must be set/);
  });
});
