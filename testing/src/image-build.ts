import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import ignore from '@balena/dockerignore';

/**
 * Rebuilds a Dockerfile's image file system in a folder, without a container engine: the build
 * context filtered by .dockerignore, then each stage's WORKDIR, ENV, COPY (also --from an earlier
 * stage) and RUN in order, as root, with the host's Node standing in for the base image's.
 * What it proves is that the image's own steps work on the files the image would see.
 */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

export interface BuiltImage {
  /** The final stage's root folder; image paths are read below it. */
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  cmd: string[] | null;
}

/** Instructions of a Dockerfile, by stage (continuation lines joined, comments dropped). */
export function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (op.toUpperCase() === 'FROM') {
      const [from, , name] = args.split(/\s+/);
      stages.push({ name: name ?? String(stages.length), from, instructions: [] });
    } else {
      if (!stages.length) throw new Error(`${op} before FROM`);
      stages[stages.length - 1].instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** Every file and folder of the build context that .dockerignore lets through, relative to it. */
export async function buildContext(contextDir: string): Promise<string[]> {
  const rules = await readFile(join(contextDir, '.dockerignore'), 'utf8').catch(() => '');
  const filter = ignore().add(rules.split(/\r?\n/));
  const kept: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(join(contextDir, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      // A folder is entered even when ignored: .dockerignore may let a path below it back in.
      if (entry.isDirectory()) await walk(path);
      else if (!filter.ignores(path)) kept.push(path);
    }
  };
  await walk('');
  return kept;
}

/** Runs a command to its end, failing with the tail of its output; `uid` runs it as that user. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; uid?: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

const jsonArray = (args: string): string[] | null =>
  args.startsWith('[') ? (JSON.parse(args) as string[]) : null;

/** Builds every stage of the Dockerfile below `into` (one folder per stage) and describes the last. */
export async function buildImage(contextDir: string, into: string): Promise<BuiltImage> {
  const stages = parseDockerfile(await readFile(join(contextDir, 'Dockerfile'), 'utf8'));
  const context = await buildContext(contextDir);
  const roots = new Map<string, string>();
  let image: BuiltImage | undefined;
  for (const [index, stage] of stages.entries()) {
    const root = join(into, `stage-${index}`);
    await mkdir(root, { recursive: true });
    roots.set(stage.name, root);
    const state: BuiltImage = { root, workdir: '/', env: {}, user: null, cmd: null };
    const inImage = (path: string) => join(root, path.startsWith('/') ? path : join(state.workdir, path));
    for (const { op, args } of stage.instructions) {
      if (op === 'WORKDIR') {
        state.workdir = args.startsWith('/') ? args : join(state.workdir, args);
        await mkdir(inImage(state.workdir), { recursive: true });
      } else if (op === 'ENV') {
        const [key, ...value] = args.split(/[= ]/);
        state.env[key] = value.join('=');
      } else if (op === 'USER') {
        state.user = args;
      } else if (op === 'CMD') {
        state.cmd = jsonArray(args) ?? ['/bin/sh', '-c', args];
      } else if (op === 'RUN') {
        await run('/bin/sh', ['-c', args], {
          cwd: inImage(state.workdir),
          env: { ...process.env, ...state.env } as Record<string, string>,
        });
      } else if (op === 'COPY') {
        const words = args.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const [sources, destination] = ((rest) => [rest.slice(0, -1), rest[rest.length - 1]])(
          words.filter((w) => !w.startsWith('--')),
        );
        const target = inImage(destination);
        for (const source of sources) {
          if (from) {
            await cp(join(roots.get(from)!, source), target, { recursive: true, verbatimSymlinks: true });
            continue;
          }
          const files = context.filter((file) => file === source || file.startsWith(`${source}/`));
          if (!files.length)
            throw new Error(`COPY ${source}: not in the build context (.dockerignore or missing)`);
          for (const file of files) {
            // A folder's contents go into the destination; files into a destination ending in '/'.
            const to =
              file === source
                ? destination.endsWith('/')
                  ? join(target, file)
                  : target
                : join(target, relative(source, file));
            await mkdir(dirname(to), { recursive: true });
            await cp(join(contextDir, file), to);
          }
        }
      } else if (op !== 'EXPOSE') {
        throw new Error(`Dockerfile instruction ${op} is not rebuilt by this harness`);
      }
    }
    image = state;
  }
  // Every folder on the way must be traversable by the image's unprivileged user.
  for (let dir = image!.root; dir.startsWith(into) && dir !== dirname(into); dir = dirname(dir))
    await chmod(dir, 0o755);
  await stat(join(image!.root, image!.workdir));
  return image!;
}
