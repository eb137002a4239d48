import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import config from '../codegen';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CHECK = join(ROOT, 'scripts', 'check-generated.mjs');

/** Runs the staleness check (codegen's generate() in memory) in a folder; never throws. */
async function check(cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    return { code: 0, ...(await run(process.execPath, [CHECK], { cwd })) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Every file codegen reads or writes, per codegen.ts. */
function codegenFiles(): string[] {
  const files = new Set(['codegen.ts']);
  for (const [output, target] of Object.entries(config.generates)) {
    files.add(output);
    const { schema, documents } = target as { schema?: unknown; documents?: unknown };
    for (const input of [schema, documents]) if (typeof input === 'string') files.add(input);
  }
  return [...files];
}

/**
 * The TypeScript the gateway and the CLI read answers with is generated from the printed SDL and
 * from the operations they send: a schema or an operation changed without `npm run codegen` fails.
 */
describe('generated types', () => {
  let copy: string;
  beforeAll(async () => {
    // Inside the repository's node_modules, so codegen finds its plugins from the copy too.
    const cache = join(ROOT, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    copy = await mkdtemp(join(cache, 'codegen-check-'));
  });
  afterAll(async () => {
    await rm(copy, { recursive: true, force: true });
  });

  it('are what npm run codegen makes of the schemas and operations as they are now', async () => {
    const { code, stdout, stderr } = await check(ROOT);
    expect({ stderr, code }).toEqual({ stderr: '', code: 0 });
    expect(stdout).toMatch(
      new RegExp(`^${Object.keys(config.generates).length} generated file\\(s\\), 0 stale`),
    );
  });

  it('name each stale file when the node contract and an operation change and nobody regenerates', async () => {
    for (const file of codegenFiles()) await cp(join(ROOT, file), join(copy, file), { recursive: true });
    expect((await check(copy)).code).toBe(0);

    await appendFile(join(copy, 'schema/node.graphql'), '\nextend type Adoption { popularity: Int }\n');
    const operations = join(copy, 'cli/src/report/operations.ts');
    await writeFile(operations, (await readFile(operations, 'utf8')).replace(/^\s*reciprocity\n/m, ''));
    const { code, stderr } = await check(copy);
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: [
        'stale: schema/src/generated/node-contract.ts (run npm run codegen)',
        'stale: cli/src/generated/report-operations.ts (run npm run codegen)',
        '',
      ].join('\n'),
    });
  });
});
