import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The cells of every table row under `heading` (up to the next heading), header and rule left out. */
function tableUnder(text: string, heading: RegExp): string[][] {
  const start = text.search(heading);
  if (start < 0) return [];
  const rest = text.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => /^#{1,3} |^\*\*.+\*\*/.test(line));
  const lines = (end < 0 ? rest : rest.slice(0, end)).filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

const hasNumber = (cell: string) => /\d/.test(cell) && !/n\/a/.test(cell);

/**
 * Keeps the benchmark from rotting: `npm run bench -- --quick` runs every section and writes its
 * tables, and the invariants the tables show hold (not the timings, which depend on the machine).
 */
describe('npm run bench -- --quick', () => {
  let text = '';
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'commons-bench-test-'));
    const out = join(dir, 'BENCHMARKS.md');
    await run(process.execPath, [join(__dirname, '..', 'bench', 'dist', 'run.js'), '--quick', '--out', out], {
      timeout: 420_000,
    });
    text = await readFile(out, 'utf8');
  }, 440_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts the same SQL statements for lists of 1, 10 and 100', () => {
    const rows = tableUnder(text, /^## Node cost/m);
    for (const what of [
      '_entities (Artifact with versions, derivedFrom)',
      'artifacts page with versions, derivedFrom',
      'adoptionsOf',
    ]) {
      const counts = rows.filter((r) => r[0] === what).map((r) => Number(r[2]));
      expect(counts).toHaveLength(3);
      expect(new Set(counts).size).toBe(1);
    }
    expect(text).toMatch(/µs of node CPU per request/);
  });

  it('measures both gateways on both queries, with a number in every column', () => {
    const rows = tableUnder(text, /^## Gateway cost/m);
    for (const gateway of ['Commons gateway', '@apollo/gateway 2.14']) {
      const mine = rows.filter((r) => r[1] === gateway);
      expect(mine).toHaveLength(2);
      for (const row of mine) for (const cell of row.slice(2)) expect(hasNumber(cell)).toBe(true);
    }
  });

  it('measures end to end directly, through Apollo, through ours and ours from its index, with a number in every column', () => {
    const rows = tableUnder(text, /^## End to end/m);
    for (const path of [
      'direct to the node',
      '@apollo/gateway 2.14',
      'Commons gateway',
      'Commons gateway, from its index',
    ]) {
      const mine = rows.filter((r) => r[1] === path);
      expect(mine).toHaveLength(2);
      for (const row of mine) for (const cell of row.slice(2)) expect(hasNumber(cell)).toBe(true);
    }
    const target = tableUnder(text, /^## Targets/m).find((r) =>
      r[0].includes('ours from the index ÷ direct'),
    );
    expect(target && hasNumber(target[1])).toBe(true);
  });

  it('sends at most one request per touched node per level, and no key twice in a batch', () => {
    // Levels: the page (a second paging round only for nodes that may hold more), then adoptions
    // and feedback together; lineage one level per hop; the report its links and first page together.
    const bounds: Array<[string, number]> = [
      ['artifacts(first: 50) with adoptions and feedback', 3],
      ['lineage, depth 5', 6],
      ['commonsReport', 2],
    ];
    for (const [query, bound] of bounds) {
      const rows = tableUnder(text, new RegExp(`^\\*\\*${query.replace(/[()]/g, '\\$&')}\\*\\*`, 'm'));
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        const [, max] = row[5].split('/').map((n) => Number(n.trim()));
        const levels = Number(row[6]);
        expect(max).toBeGreaterThan(0);
        expect(max).toBeLessThanOrEqual(levels);
        expect(levels).toBeLessThanOrEqual(bound);
        expect(Number(row[8])).toBe(0);
        for (const cell of row.slice(1, 11)) expect(hasNumber(cell)).toBe(true);
      }
    }
  });

  it("compares every path's answers before timing, and checks each scaling answer holds what the stubs hold", () => {
    // The run fails on any difference; a passing run says so in the sections it compared.
    expect(text).toMatch(/^## Gateway cost[\s\S]*must equal\s+the real node's own answer/m);
    expect(text).toMatch(/^## End to end[\s\S]*answers of the four paths to each query must be equal/m);
    expect(text).toMatch(
      /^## Scaling with the number of nodes[\s\S]*must hold\s+exactly what the answering stubs hold/m,
    );
  });

  it("shows the straggler's cost before the breaker opens: its first timed run waits for the node timeout", () => {
    for (const query of [
      'artifacts(first: 50) with adoptions and feedback',
      'lineage, depth 5',
      'commonsReport',
    ]) {
      const rows = tableUnder(text, new RegExp(`^\\*\\*${query.replace(/[()]/g, '\\$&')}\\*\\*`, 'm'));
      for (const row of rows) {
        const [waited, runs] = row[16].split(' of ').map(Number);
        expect(runs).toBe(Number(row[12].split('/')[0]));
        // The breaker is closed when the straggler stops answering, so at least the first run waits.
        if (row[0].includes('straggler')) expect(waited).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('scales over real nodes, with at most one request per node per level for the page', () => {
    const rows = tableUnder(text, /^## Scaling with real nodes/m);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      for (const cell of row) expect(hasNumber(cell)).toBe(true);
      // Two levels, three if a node held enough of the newest work to be asked for a second page.
      expect(Number(row[5].split('/')[1])).toBeLessThanOrEqual(3);
    }
  });

  it("sets Apollo's planning cost against our time to ready", () => {
    const rows = tableUnder(text, /^## Planning cost/m);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) for (const cell of row) expect(hasNumber(cell)).toBe(true);
  });

  it("opens the explorer's artifact page in a browser until its lineage graph is drawn", () => {
    const rows = tableUnder(text, /^## Pages for people/m);
    expect(rows.map((row) => row[0])).toEqual([
      'first render, p50',
      'first render, p95',
      'explorer JavaScript, gzipped',
    ]);
    for (const row of rows) expect(hasNumber(row[1])).toBe(true);
  });

  it('ends with the targets, computed, and the hand-written findings', () => {
    const targets = tableUnder(text, /^## Targets/m);
    expect(targets.length).toBeGreaterThanOrEqual(7);
    for (const row of targets) expect(row[2]).toMatch(/^(met|missed|—)$/);
    expect(targets.filter((row) => row[2] !== '—').length).toBeGreaterThanOrEqual(7);
    // Computed from the planning section's three N, never hard-coded.
    expect(targets.find((row) => row[0].startsWith('No planning cost that grows with N'))?.[2]).toMatch(
      /^(met|missed)$/,
    );
    expect(text).toMatch(/^## Findings$/m);
  });

  /** The index section's first table: N, events served / indexed, …, node requests per indexed query. */
  const indexRows = () =>
    tableUnder(text, /^## The Commons index/m).filter((row) => /^\d+ \/ \d+$/.test(row[1] ?? ''));

  it('backfills every event the stub feeds serve into the Commons index', () => {
    const rows = indexRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [served, indexed] = row[1].split(' / ').map(Number);
      expect(served).toBeGreaterThan(0);
      expect(indexed).toBe(served);
    }
  });

  it('answers every indexed query from the index alone, asking no node', () => {
    const rows = indexRows();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Number(row[5])).toBe(0);
  });
});
