/**
 * The PostgreSQL server process behind a data folder, found from its `postmaster.pid`: whether it is
 * alive, who started it, and how to stop one whose node is gone.
 */
import { execFile } from 'node:child_process';
import { readFile, realpath, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

export interface Postmaster {
  pid: number;
  port: number;
  /** The process that started it; once that process dies, the system's reaper. */
  parentPid: number;
}

interface ProcessInfo {
  parentPid: number;
  args: string[];
  zombie: boolean;
}

const run = promisify(execFile);

/** What the system knows of a process, or null when there is none (or it is gone but unreaped). */
export async function processInfo(pid: number): Promise<ProcessInfo | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parentPid: Number(ppid), args: cmdline.split('\0').filter(Boolean), zombie: state === 'Z' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (process.platform === 'linux') return null;
  }
  // No /proc (macOS): ask ps. Arguments are split on spaces, enough to recognise a postmaster.
  try {
    const { stdout } = await run('ps', ['-o', 'ppid=', '-o', 'stat=', '-o', 'args=', '-p', String(pid)]);
    const [ppid, state, ...args] = stdout.trim().split(/\s+/);
    return { parentPid: Number(ppid), args, zombie: state.startsWith('Z') };
  } catch {
    return null;
  }
}

const samePath = async (a: string, b: string) =>
  (await realpath(a).catch(() => resolve(a))) === (await realpath(b).catch(() => resolve(b)));

/** A postmaster is recognised by its program and its `-D` argument, so a recycled pid never passes. */
async function isPostmasterOf(args: string[], databaseDir: string): Promise<boolean> {
  const dataArg = args.indexOf('-D');
  return (
    basename(args[0] ?? '') === 'postgres' && dataArg >= 0 && samePath(args[dataArg + 1] ?? '', databaseDir)
  );
}

/**
 * The live postmaster serving databaseDir, or null. A `postmaster.pid` left behind by a dead server,
 * or naming a pid since reused by another program, is removed so PostgreSQL can start again.
 */
export async function findPostmaster(databaseDir: string): Promise<Postmaster | null> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = (await readFile(pidFile, 'utf8')).split('\n');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const info = Number.isInteger(pid) && pid > 0 ? await processInfo(pid) : null;
  if (
    !info ||
    info.zombie ||
    !(await samePath(lines[1] ?? '', databaseDir)) ||
    !(await isPostmasterOf(info.args, databaseDir))
  ) {
    await rm(pidFile, { force: true });
    return null;
  }
  return { pid, port, parentPid: info.parentPid };
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  for (const deadline = Date.now() + withinMs; Date.now() < deadline;) {
    const info = await processInfo(pid);
    if (!info || info.zombie) return true;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return false;
}

/**
 * Stops a postmaster we did not start, the safest way that works: smart shutdown (SIGTERM), then
 * fast (SIGINT: rolls back open transactions), then immediate (SIGQUIT: recovers from WAL on start).
 */
export async function stopPostmaster(
  pid: number,
  waitMs = { smart: 5_000, fast: 15_000, immediate: 5_000 },
): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGTERM', waitMs.smart],
    ['SIGINT', waitMs.fast],
    ['SIGQUIT', waitMs.immediate],
  ];
  for (const [signal, withinMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw error;
    }
    if (await exited(pid, withinMs)) return;
  }
  throw new Error(
    `the PostgreSQL server left running (pid ${pid}) did not stop; stop it by hand (kill -QUIT ${pid}) and start again`,
  );
}
