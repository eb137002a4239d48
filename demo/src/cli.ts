#!/usr/bin/env node
import 'reflect-metadata';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { reportCommand } from '@commons-graph/cli';
import { stopStartedOnSignals } from '@commons-graph/postgres';
import { keepServingOnStrayErrors } from '@commons-graph/schema';
import { readGatewayConfig } from '@commons-graph/gateway';
import pino from 'pino';
import { startDemoCommons, type RunningDemo } from './commons';
import { EXAMPLE_QUERIES } from './examples';

/** `npm start`: the whole Commons — embedded PostgreSQL, four demo community nodes, the gateway. */
function communitiesFromEnv(text: string | undefined): Array<{ slug: string; name: string }> {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [slug, name] = part.split('=');
      return { slug: slug.trim(), name: (name ?? slug).trim() };
    });
}

function banner(demo: RunningDemo): string {
  const lines = [
    '',
    'Commons Graph is running.',
    '',
    `  Commons explorer:         ${demo.explorerUrl}`,
    `  Gateway (Commons graph):  ${demo.gatewayUrl}`,
    `  Sandbox:                  open ${demo.gatewayUrl} in a browser`,
    `  Commons index:            every node synced; queries answered from ${demo.source === 'index' ? 'the index' : 'the nodes (COMMONS_SOURCE=live)'}`,
    '',
    '  Community nodes:',
    ...demo.nodes.flatMap((n) => [
      `    ${n.slug} — ${n.name}`,
      `      public  ${n.publicUrl}`,
      `      admin   ${n.adminUrl}   (Authorization: Bearer ${n.adminToken})`,
      `      desk    ${n.deskUrl}   (sign in with the admin token)`,
    ]),
    '',
    '  Try these in the sandbox:',
    ...EXAMPLE_QUERIES.flatMap((q) => ['', `  # ${q.title}`, ...q.query.split('\n').map((l) => `  ${l}`)]),
    '',
    'Ctrl-C stops everything.',
    '',
  ];
  return lines.join('\n');
}

const program = new Command('commons').description('Commons Graph: the whole Commons on one machine.');

program
  .command('start')
  .description('Start PostgreSQL, the community nodes and the gateway; seed the demo communities.')
  .option('--empty', 'start the communities in COMMONS_NODES without demo data (same as COMMONS_DEMO=0)')
  .action(async ({ empty }: { empty?: boolean }) => {
    const demoMode = !empty && process.env.COMMONS_DEMO !== '0';
    const logger = pino({ level: process.env.LOG_LEVEL || 'warn', base: undefined });
    keepServingOnStrayErrors(logger);
    const communities = communitiesFromEnv(process.env.COMMONS_NODES);
    if (!demoMode && communities.length === 0) {
      throw new Error(
        'Without demo data, name the communities to start: COMMONS_NODES="slug=Name,slug2=Name 2"',
      );
    }
    const starting = startDemoCommons({
      dataDir: resolve(process.env.DATA_DIR || './.commons-data/demo'),
      databaseUrl: process.env.DATABASE_URL || undefined,
      host: process.env.HOST || '127.0.0.1',
      basePort: Number(process.env.BASE_PORT || 4001),
      gatewayPort: Number(process.env.PORT || 4000),
      demo: demoMode,
      communities,
      // Validated as the gateway validates it.
      source: readGatewayConfig({ COMMONS_SOURCE: process.env.COMMONS_SOURCE }).source,
      logger,
    });
    // A Ctrl-C during the start stops the Commons once it is up.
    const demo = await stopStartedOnSignals(starting, () =>
      process.stdout.write('\nStopping the Commons…\n'),
    );
    process.stdout.write(banner(demo));
  });

// The steward's report is the CLI package's command; `commons report` runs it as it is.
program.addCommand(reportCommand());

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`commons: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
