import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Keeps the benchmark from rotting: `npm run bench -- --quick` must run and write its tables. */
describe('npm run bench -- --quick', () => {
  it('measures node cost and scaling and writes a BENCHMARKS file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commons-bench-test-'));
    try {
      const out = join(dir, 'BENCHMARKS.md');
      const env = { ...process.env };
      delete env.DATABASE_URL;
      await run(process.execPath, [join(__dirname, '..', 'bench', 'dist', 'run.js'), '--quick', '--out', out], { env, timeout: 120_000 });
      const text = await readFile(out, 'utf8');
      // Statements do not grow with list size: the same count for 1, 10 and 100.
      for (const what of ['_entities (Artifact with versions, derivedFrom)', 'adoptionsOf']) {
        const counts = [...text.matchAll(new RegExp(`\\| ${what.replace(/[()]/g, '\\$&')} \\| (\\d+) \\| (\\d+) \\|`, 'g'))].map((m) => Number(m[2]));
        expect(counts).toHaveLength(3);
        expect(new Set(counts).size).toBe(1);
      }
      // One request per node per resolution level (a page, then adoptions and feedback).
      const scaling = [...text.matchAll(/^\| (\d+) \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| -?[\d.]+ ms \| ([\d.]+) \|/gm)];
      expect(scaling.length).toBeGreaterThanOrEqual(2);
      for (const row of scaling) expect(Number(row[2])).toBe(3);
      expect(text).toMatch(/requests\/s/);
      // Both gateways answered under load, with numbers in every column.
      for (const server of ['Commons gateway', '@apollo/gateway 2.14']) {
        expect(text).toMatch(new RegExp(`^\\| ${server.replace(/[./]/g, '\\$&')} \\| \\d+ \\| [\\d.]+ ms`, 'm'));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
