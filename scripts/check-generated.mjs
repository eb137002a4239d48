// Fails when a committed generated file (codegen.ts: the types of schema/*.graphql and of the
// operations the gateway and the CLI send) is not what `npm run codegen` would write now. Runs
// codegen's own generate() in memory, from the working directory's codegen.ts, and writes nothing.
// A plain Node script rather than a jest module: the codegen CLI loads yargs, which is ESM only.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const cwd = process.cwd();
const { config } = await loadCodegenConfig({ configFilePath: resolve(cwd, 'codegen.ts') });
const outputs = await generate({ ...config, cwd, silent: true }, false);
const committed = (file) => readFile(resolve(cwd, file), 'utf8').catch(() => null);

const stale = [];
for (const { filename, content } of outputs) {
  if ((await committed(filename)) !== content) stale.push(filename);
}
for (const file of stale) console.error(`stale: ${file} (run npm run codegen)`);
console.log(`${outputs.length} generated file(s), ${stale.length} stale`);
if (stale.length > 0) process.exitCode = 1;
