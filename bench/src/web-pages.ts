import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startDemoCommons } from '@commons-graph/demo';
import { launchBrowser } from '@commons-graph/testing';
import pino from 'pino';
import type { SectionContext } from './context';
import { fmt, latencies, ms, type Latencies } from './stats';

/**
 * Pages for people: the explorer's first render of an artifact page of the demo Commons, in a
 * headless Chromium with an empty cache each time (a visitor following a shared link), and the
 * compressed JavaScript the explorer's first load fetches.
 */
export interface WebPagesResult {
  artifactId: string;
  runs: number;
  /** From navigation start until the artifact's title and its lineage graph are on the page. */
  firstRender: Latencies;
  explorerJsGzipBytes: number;
}

/** What the build wrote for the explorer (web/build.mjs): its script, gzipped as served. */
function explorerJsGzipBytes(): number {
  const dist = join(__dirname, '..', '..', 'web', 'dist', 'explorer');
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const scripts = Object.values(manifest).filter(
    (file): file is string => typeof file === 'string' && file.endsWith('.js'),
  );
  return scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
}

export async function webPages(ctx: SectionContext): Promise<WebPagesResult> {
  const database = await ctx.database();
  const server = new URL(await database.create('web_pages_probe'));
  server.pathname = '/postgres';
  const demo = await startDemoCommons({
    dataDir: ctx.tmp,
    databaseUrl: server.toString(),
    host: '127.0.0.1',
    basePort: 0,
    gatewayPort: 0,
    demo: true,
    logger: pino({ level: 'silent' }),
  });
  const browser = await launchBrowser();
  try {
    // The richest page: an artifact derived from another, so its lineage graph has an edge.
    const answer = (await (
      await fetch(`${demo.gatewayUrl}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ artifacts(first: 50) { edges { node { id derivedFrom { id } } } } }',
        }),
      })
    ).json()) as { data: { artifacts: { edges: Array<{ node: { id: string; derivedFrom: unknown[] } }> } } };
    const artifactId = answer.data.artifacts.edges.find(({ node }) => node.derivedFrom.length > 0)!.node.id;
    const url = new URL(`/a/${encodeURIComponent(artifactId)}`, demo.explorerUrl).toString();
    const runs = ctx.profile.quick ? 3 : 10;
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A new page that uses no cache: the headless build runs one browser context only.
      const page = await browser.newPage();
      await page.setCacheEnabled(false);
      const started = performance.now();
      await page.goto(url);
      await page.waitForSelector('svg.lineage .edge', { timeout: 30_000 });
      samples.push(performance.now() - started);
      await page.close();
    }
    ctx.log(`  first render of ${artifactId}: ${samples.map((s) => ms(s, 0)).join(', ')}`);
    return { artifactId, runs, firstRender: latencies(samples), explorerJsGzipBytes: explorerJsGzipBytes() };
  } finally {
    await browser.close();
    await demo.stop();
  }
}

export function renderWebPages(result: WebPagesResult): string {
  return [
    `The explorer's artifact page for \`${result.artifactId}\` of the demo Commons (four real nodes and the`,
    'gateway, started as `npm start` does), opened in headless Chromium with the cache off each time,',
    `${result.runs} times: from navigation start until the lineage graph has its edge.`,
    '',
    '| figure | value | target |',
    '|---|---:|---:|',
    `| first render, p50 | ${ms(result.firstRender.p50, 0)} | ≤ 1 s |`,
    `| first render, p95 | ${ms(result.firstRender.p95, 0)} | |`,
    `| explorer JavaScript, gzipped | ${fmt(result.explorerJsGzipBytes / 1000, 1)} kB | ≤ 150 kB |`,
  ].join('\n');
}
