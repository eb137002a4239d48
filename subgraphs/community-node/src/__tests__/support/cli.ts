/** Runs the `community-node` CLI as a user would: a child process, configured by its environment. */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostmaster, stopPostmaster } from '@commons-graph/postgres';
import { ok } from '@commons-graph/testing';

export const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
export const ADMIN_TOKEN = 'bootstrap-admin-token-for-the-cli-tests';
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface StartedNode {
  child: ChildProcess;
  publicUrl: string;
  adminUrl: string;
  exited: Promise<number | null>;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a node on its embedded PostgreSQL under dataDir (no DATABASE_URL). */
export function nodeEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMMUNITY_SLUG: 'lifecycle-circle',
    COMMUNITY_NAME: 'Lifecycle Circle',
    PORT: '0',
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    LOG_LEVEL: 'info',
    ...extra,
  };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  return env;
}

/** `community-node start`, resolved once the node says it is ready. */
export function startNode(dataDir: string): Promise<StartedNode> {
  const child = spawn(process.execPath, [CLI, 'start'], {
    env: nodeEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a node that never said ready must not outlive the test
      reject(new Error(`node did not start:\n${output}`));
    }, 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.includes('community node ready')) continue;
        const { url, admin } = JSON.parse(line) as { url: string; admin: string };
        clearTimeout(timer);
        resolve({ child, publicUrl: url, adminUrl: admin, exited });
        return;
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`node exited with ${code}:\n${output}`)));
  });
}

/** Any CLI command run to its end. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** A published artifact, its id returned. */
export async function publishArtifact(adminUrl: string, title: string): Promise<string> {
  const created = await ok(
    adminUrl,
    `mutation($title: String!) { createArtifact(input: { kind: PRINCIPLE, title: $title, licence: "CC0-1.0", attribution: "Lifecycle Circle", authors: ["Ana"] }) { id } }`,
    { title },
    ADMIN,
  );
  const id = created.createArtifact.id as string;
  await ok(adminUrl, `mutation($id: ID!) { submitForReview(id: $id) { id } }`, { id }, ADMIN);
  await ok(adminUrl, `mutation($id: ID!) { publishArtifact(id: $id) { id } }`, { id }, ADMIN);
  return id;
}

/** A data folder the way `mktemp -d` makes it (mode 0700), or opened to others when asked. */
export async function makeDataDir(mode = 0o700): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commons-node-'));
  await chmod(dataDir, mode);
  return dataDir;
}

/** Removes a data folder, first stopping any PostgreSQL a failed test left running on it. */
export async function removeDataDir(dataDir: string): Promise<void> {
  const left = await findPostmaster(join(dataDir, 'pg')).catch(() => null);
  if (left) await stopPostmaster(left.pid);
  await rm(dataDir, { recursive: true, force: true });
}
