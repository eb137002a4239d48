import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readNodeContract } from '@commons-graph/schema';
import { nodeCost, nodeCostTables } from './node-cost';
import { scaling, scalingTable } from './scaling';
import { setNodeSdl } from './stubs';

/** `npm run bench [-- --quick] [-- --out FILE]`: measures and rewrites BENCHMARKS.md. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } } });
  const quick = values.quick!;
  const out = values.out ?? join(__dirname, '..', '..', 'BENCHMARKS.md');
  setNodeSdl(readNodeContract());
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = Date.now();

  log('node cost…');
  const cost = await nodeCost(quick ? 1 : 10, process.env.DATABASE_URL || undefined);
  log('scaling with nodes…');
  const counts = quick ? [1, 10] : [1, 10, 50, 100, 200];
  const scale = await scaling(counts, quick ? 5 : 30, false);
  const straggler = await scaling([10], quick ? 3 : 10, true);

  const versions = (name: string) => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(`${name}/package.json`).version as string;
    } catch {
      return '?';
    }
  };
  const doc = `# Benchmarks

Written by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${((Date.now() - started) / 1000).toFixed(0)} s.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.
Versions: graphql ${versions('graphql')}, @mikro-orm/core ${versions('@mikro-orm/core')}, undici ${versions('undici')}.
${quick ? '\n**Quick run**: few repetitions, small N; numbers are indicative only.\n' : ''}
## Node cost: SQL statements are independent of list size

${nodeCostTables(cost)}

## Scaling with the number of nodes

\`artifacts(first: 50) { adoptions feedback }\` through the gateway (in-process here) over stub nodes
that answer after 5 ms (every twentieth after 25 ms). Medians and p95 over ${quick ? 5 : 30} sequential runs after one warm-up;
"ready" is the time for the registry to probe every node and serve.

${scalingTable(scale)}

With a straggler (a node that never answers within the 2 s timeout) among 10:

${scalingTable(straggler)}

## Not measured yet

- Gateway cost against \`@apollo/gateway\` on one node (requests/s at 50 connections, CPU per request,
  RSS, event-loop delay) and end-to-end ratios: the harness for it is the next step (issue 6).
`;
  writeFileSync(out, doc);
  log(`wrote ${out}`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
