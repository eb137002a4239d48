// Bundles the explorer and the desk for the browser: one content-hashed JS and CSS file per page
// app under dist/<app>/, and a manifest the servers read to write the HTML shell. Prints each
// app's gzipped JavaScript size against the explorer's 150 kB budget (issue 13).
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = dirname(fileURLToPath(import.meta.url));
const BUDGET_BYTES = 150 * 1024;

async function bundle(app) {
  const outdir = join(root, 'dist', app);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: { [app]: join(root, 'src', app, 'main.tsx') },
    bundle: true,
    format: 'esm',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    outdir,
    metafile: true,
    logLevel: 'warning',
  });
  const files = Object.keys(result.metafile.outputs).map((file) => basename(file));
  const script = files.find((file) => file.endsWith('.js'));
  const style = files.find((file) => file.endsWith('.css'));
  await writeFile(join(outdir, 'manifest.json'), JSON.stringify({ script, style }, null, 2) + '\n');
  const gzipped = gzipSync(await readFile(join(outdir, script))).length;
  return { app, script, style, gzipped };
}

const reports = await Promise.all(['explorer', 'desk'].map(bundle));
for (const { app, script, gzipped } of reports) {
  console.log(`web: ${app} ${script} ${(gzipped / 1024).toFixed(1)} kB gzipped`);
}
const explorer = reports.find((report) => report.app === 'explorer');
if (explorer.gzipped > BUDGET_BYTES) {
  console.error(`web: the explorer's JavaScript is over its ${BUDGET_BYTES / 1024} kB budget`);
  process.exitCode = 1;
}
