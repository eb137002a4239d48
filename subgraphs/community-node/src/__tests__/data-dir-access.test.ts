import { execFileSync } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDataDir, nodeEnv, removeDataDir, runCli, startNode } from './support/cli';

// As root the embedded PostgreSQL runs as the `postgres` user; as anyone else it runs as them and a
// private folder is simply theirs. Each story says what happens in both cases.
const asRoot = process.getuid?.() === 0;
const postgresGid = () => Number(execFileSync('id', ['-g', 'postgres']).toString());
// Each story runs initdb and a node in a child process. (Its earlier time-outs were not slowness: the
// node lost a SIGTERM sent as it said it was ready; see stopOnSignals.)
const STORY_TIMEOUT_MS = 90_000;

describe('DATA_DIR and the user that runs the embedded database', () => {
  const made: string[] = [];
  const dataDir = async (mode?: number) => {
    const folder = await makeDataDir(mode);
    made.push(folder);
    return folder;
  };
  afterAll(() => Promise.all(made.map(removeDataDir)));

  it(
    'starts in a folder made by mktemp (0700), opening it to the database’s group only',
    async () => {
      const folder = await dataDir(0o700);
      const node = await startNode(folder);
      node.child.kill('SIGTERM');
      expect(await node.exited).toBe(0);

      const after = await stat(folder);
      expect(after.mode & 0o007).toBe(0); // no one else gains anything
      if (asRoot)
        expect({ gid: after.gid, mode: after.mode & 0o777 }).toEqual({ gid: postgresGid(), mode: 0o710 });
      else expect(after.mode & 0o777).toBe(0o700);
    },
    STORY_TIMEOUT_MS,
  );

  it(
    'refuses a folder inside one the database user cannot enter, naming the command that fixes it',
    async () => {
      const parent = await dataDir(0o700);
      const inner = join(parent, 'node');
      await mkdir(inner);
      const { code, stderr } = await runCli(['token', 'list'], nodeEnv(inner));
      if (!asRoot) return expect({ code, stderr }).toEqual({ code: 0, stderr: '' }); // the database runs as us: nothing to reach
      expect(code).not.toBe(0);
      expect(stderr).toBe(
        `community-node: DATA_DIR ${inner} is not reachable by the 'postgres' user that runs the embedded database ` +
          `(${parent} has mode 700): run \`chmod o+x ${parent}\` (and any other parent it lacks), or set DATA_DIR to a folder that user can reach.\n`,
      );
    },
    STORY_TIMEOUT_MS,
  );
});
