import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { graphql } from '@commons-graph/testing';
import { processInfo } from '@commons-graph/postgres';
import {
  makeDataDir,
  nodeEnv,
  publishArtifact,
  removeDataDir,
  runCli,
  startNode,
  type StartedNode,
} from './support/cli';

const postmasterPid = async (dataDir: string) =>
  Number((await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

async function titleOf(publicUrl: string, id: string) {
  const { data } = await graphql(
    publicUrl,
    `
      query ($id: ID!) {
        artifact(id: $id) {
          title
        }
      }
    `,
    { id },
  );
  return data?.artifact?.title;
}

/** A pid that named a process a moment ago and names none now. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

async function stopped(node: StartedNode) {
  node.child.kill('SIGTERM');
  return node.exited;
}

describe('a node survives its own crash', () => {
  let dataDir: string;
  // One data folder through every story, as a node's life goes.
  beforeAll(async () => {
    dataDir = await makeDataDir();
  });
  afterAll(() => removeDataDir(dataDir));

  it('starts again with all its data after SIGKILL, stopping the PostgreSQL the killed node left behind', async () => {
    const killed = await startNode(dataDir);
    const id = await publishArtifact(killed.adminUrl, 'Compost before planting');
    const orphan = await postmasterPid(dataDir);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(await processInfo(orphan)).not.toBeNull(); // the crash left its database running

    const restarted = await startNode(dataDir);
    try {
      expect(await titleOf(restarted.publicUrl, id)).toBe('Compost before planting');
      expect(await postmasterPid(dataDir)).not.toBe(orphan);
      // Gone, or a zombie where PID 1 does not reap the orphans it inherits (as in some containers).
      expect((await processInfo(orphan))?.zombie ?? true).toBe(true);
    } finally {
      expect(await stopped(restarted)).toBe(0);
    }
  });

  it('starts over a postmaster.pid whose process is gone, or whose pid now names another program', async () => {
    const first = await startNode(dataDir);
    const id = await publishArtifact(first.adminUrl, 'Mulch in autumn');
    const pidFile = await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
    expect(await stopped(first)).toBe(0);

    for (const pid of [await deadPid(), process.pid]) {
      await writeFile(join(dataDir, 'pg', 'postmaster.pid'), pidFile.replace(/^\d+/, String(pid)));
      const node = await startNode(dataDir);
      try {
        expect(await titleOf(node.publicUrl, id)).toBe('Mulch in autumn');
      } finally {
        expect(await stopped(node)).toBe(0);
      }
    }
  });

  it('refuses a second node on the same DATA_DIR, saying why, while the first keeps serving and lends its database to `token` commands', async () => {
    const serving = await startNode(dataDir);
    try {
      const id = await publishArtifact(serving.adminUrl, 'Rotate the beds');
      const second = await runCli(['start'], nodeEnv(dataDir));
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(
        /^community-node: DATA_DIR .* is in use: process \d+ runs its embedded database .*Stop that node first/m,
      );

      const created = await runCli(
        ['token', 'create', '--role', 'member', '--name', 'Ana'],
        nodeEnv(dataDir),
      );
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(/^cgn_/);
      expect(await titleOf(serving.publicUrl, id)).toBe('Rotate the beds');
    } finally {
      expect(await stopped(serving)).toBe(0);
    }
  });
});
