/**
 * The embedded database's password: random per data folder, kept in a file only the node's user can
 * read, and required of every connection (local socket and TCP) by `pg_hba.conf`.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Inside DATA_DIR, beside (not inside) the folder PostgreSQL owns. */
export const PASSWORD_FILE = 'pg-password';

/** Every data folder made before passwords were random used this one. */
export const LEGACY_PASSWORD = 'postgres';

/** The only method a node's pg_hba.conf uses: the password is checked without crossing the wire. */
export const AUTH_METHOD = 'scram-sha-256';

export const newPassword = () => randomBytes(32).toString('hex');

export async function readPassword(dataDir: string): Promise<string | null> {
  try {
    const password = (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    return password || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Written whole (temporary file, then rename) and with mode 0600 from its first byte. */
export async function writePassword(dataDir: string, password: string): Promise<void> {
  const target = join(dataDir, PASSWORD_FILE);
  const partial = `${target}.${process.pid}.tmp`;
  const file = await open(partial, 'w', 0o600);
  try {
    await file.writeFile(`${password}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await chmod(partial, 0o600); // in case the file already existed with a wider mode
  await rename(partial, target);
}

/**
 * Rewrites every rule of pg_hba.conf that lets a client in without the password (`trust`) or sends
 * it in clear (`password`, `md5`) to scram-sha-256. Returns whether the file changed; PostgreSQL reads
 * it at start or on reload.
 */
export async function requirePasswordRules(databaseDir: string): Promise<boolean> {
  const file = join(databaseDir, 'pg_hba.conf');
  const original = await readFile(file, 'utf8');
  const rules = original.split('\n').map((line) => {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 4) return line;
    // local DATABASE USER METHOD | host DATABASE USER ADDRESS[/MASK | MASK] METHOD
    const methodAt =
      fields[0] === 'local' ? 3 : /^[\d.]+$/.test(fields[4] ?? '') && fields.length > 5 ? 5 : 4;
    if (!['trust', 'password', 'md5'].includes(fields[methodAt])) return line;
    fields[methodAt] = AUTH_METHOD;
    return fields.join('  ');
  });
  const updated = rules.join('\n');
  if (updated === original) return false;
  await writeFile(file, updated);
  return true;
}
