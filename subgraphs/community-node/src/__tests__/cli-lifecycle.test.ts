import { spawn } from 'node:child_process';
import { graphql } from '@commons-graph/testing';
import { CLI, makeDataDir, nodeEnv, publishArtifact, removeDataDir, runCli, startNode } from './support/cli';

describe('`community-node start` on its embedded PostgreSQL', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await makeDataDir(); // 0700, as `mktemp -d` makes it
  });
  afterAll(() => removeDataDir(dataDir));

  it('serves, shuts down cleanly on SIGTERM, and keeps everything across a restart', async () => {
    const first = await startNode(dataDir);
    const id = await publishArtifact(first.adminUrl, 'Soil is alive');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startNode(dataDir);
    try {
      const { data } = await graphql(
        second.publicUrl,
        `
          query ($id: ID!) {
            artifact(id: $id) {
              title
              licence {
                spdx
              }
            }
            community {
              name
            }
          }
        `,
        { id },
      );
      expect(data).toEqual({
        artifact: { title: 'Soil is alive', licence: { spdx: 'CC0-1.0' } },
        community: { name: 'Lifecycle Circle' },
      });
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  });

  it('stopped during its start, finishes starting, then stops cleanly', async () => {
    const child = spawn(process.execPath, [CLI, 'start'], {
      env: nodeEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      const before = output;
      output += chunk.toString();
      // Halfway: the database is up, the APIs are not yet.
      if (!before.includes('embedded PostgreSQL started') && output.includes('embedded PostgreSQL started'))
        child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const said = output
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(said).toEqual([
      'embedded PostgreSQL started',
      'shutting down',
      'community node ready',
      'community node stopped',
    ]);
    expect(code).toBe(0);
  });

  it('refuses to start with a clear message when the slug is missing', async () => {
    const { code, stderr } = await runCli(['start'], { ...process.env, COMMUNITY_SLUG: '' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/COMMUNITY_SLUG must be set/);
  });
});
