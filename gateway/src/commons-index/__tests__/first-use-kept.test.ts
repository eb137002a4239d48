import { openTestIndex, type TestIndex } from '@commons-graph/testing';
import fc from 'fast-check';
import { CommonsIndex, type IndexChange } from '../CommonsIndex';
import { migrateIndex } from '../migrate';

/**
 * Each artifact's first use (its earliest adoption or derivation, and the node that stored it) is
 * kept by the index in the transaction of every write (Migration20261222000000FirstUse). Through
 * random writes it must stay what the links it summarises give: pages that add, change, replay an
 * older version of and remove links, or take over another node's link, pages of two nodes applied
 * at once, a node starting over at a new epoch, a node removed and followed again.
 */
const SEED = Number(process.env.FC_SEED ?? 20261222);
const RUNS = Number(process.env.FC_RUNS ?? 25);

const NODES = ['fu-b', 'fu-a', 'fu-c'];
/** Few targets and times, so that links share artifacts and tie on the same instant. */
const TARGETS = ['fu-a:one', 'fu-a:two', 'fu-b:three', 'fu-c:four', 'fu-gone:five', 'not-global'];
const TIMES = [
  '2026-01-01T00:00:00.000Z',
  '2026-01-01T00:00:00.000400Z', // the same millisecond as the one above
  '2026-01-01T01:00:00.000+01:00', // the same instant, written in another zone
  '2026-02-01T00:00:00.000Z',
  '2025-12-31T23:59:59.999Z',
];

/** One link of a page: put (`time` set) or removed (null), by its number in its node. */
const link = fc.record({
  derivation: fc.boolean(),
  // Now and then an id another node already serves (a hostile node's): the row moves to this one.
  claims: fc.option(fc.nat({ max: 2 }), { freq: 6 }),
  number: fc.nat({ max: 4 }),
  target: fc.nat({ max: TARGETS.length - 1 }),
  time: fc.option(fc.nat({ max: TIMES.length - 1 }), { freq: 4 }),
});
const step = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('page' as const),
      node: fc.nat({ max: 2 }),
      links: fc.array(link, { maxLength: 6 }),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('pages at once' as const),
      links: fc.array(fc.array(link, { maxLength: 6 }), { minLength: 2, maxLength: 2 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('new epoch' as const), node: fc.nat({ max: 2 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('removed' as const), node: fc.nat({ max: 2 }) }), weight: 1 },
);
type Link = typeof link extends fc.Arbitrary<infer T> ? T : never;

function changeOf(
  slug: string,
  { derivation, claims, number, target, time }: Link,
  seq: number,
): IndexChange {
  const kind = derivation ? 'DERIVATION' : 'ADOPTION';
  const id = `${claims === null ? slug : NODES[claims]}:${derivation ? 'dv' : 'ad'}-${number}`;
  if (time === null) return { kind, entityId: id, seq, member: null };
  const at = TIMES[time];
  const member = derivation
    ? { id, artifactId: `${slug}:own`, sourceId: TARGETS[target], relation: 'ADAPTS', assertedAt: at }
    : { id, artifactId: TARGETS[target], community: slug, status: 'ADOPTED', recordedAt: at };
  return { kind, entityId: id, seq, member };
}

/** What the kept rows must be: the earliest link to each artifact, ties to the lowest slug. */
const FROM_LINKS = `select distinct on (id) id, at, by from (
    select artifact_id as id, recorded_at as at, community as by from adoption
    union all select source_id, asserted_at, community from derivation
  ) u order by id, at, by collate "C"`;

describe('the first use of each artifact, kept at every write', () => {
  let opened: TestIndex;
  beforeAll(async () => {
    opened = await openTestIndex('first_use');
  });
  afterAll(() => opened?.close());

  it(`equals the links' earliest through ${RUNS} random runs of writes`, async () => {
    const { index } = opened;
    const cursors = new Map<string, number>();
    let epoch = 0;
    let seq = 0;
    async function restart(slug: string) {
      await index.restart(slug, `epoch-${++epoch}`, 0);
      cursors.set(slug, 0);
    }
    async function page(slug: string, links: Link[]) {
      // A page carries each entity's latest state once: the last of its changes.
      const latest = new Map(links.map((l) => [changeOf(slug, l, 0).entityId, l]));
      const changes = [...latest.values()].map((l) => changeOf(slug, l, ++seq));
      const after = cursors.get(slug)!;
      cursors.set(slug, after + changes.length);
      const [state] = await index.read<{ epoch: string }>('select epoch from followed_node where slug = $1', [
        slug,
      ]);
      await index.apply(slug, {
        epoch: state.epoch,
        head: after + changes.length,
        after,
        cursor: after + changes.length,
        changes,
      });
    }
    const kept = () =>
      index.read(`select artifact_id as id, at, used_by as by from artifact_first_use order by artifact_id`);
    const expected = () => index.read(`select * from (${FROM_LINKS}) x order by id`);

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const slug of NODES) {
          await index.forget(slug);
          await index.follow(slug, `http://127.0.0.1:9/${slug}`);
          await restart(slug);
        }
        expect(await kept()).toEqual([]);
        for (const s of steps) {
          if (s.op === 'page') await page(NODES[s.node], s.links);
          else if (s.op === 'pages at once')
            await Promise.all(s.links.map((links, i) => page(NODES[i], links)));
          else if (s.op === 'new epoch') await restart(NODES[s.node]);
          else {
            expect(await index.forget(NODES[s.node])).toBe(true);
            await index.follow(NODES[s.node], `http://127.0.0.1:9/${NODES[s.node]}`);
            await restart(NODES[s.node]);
          }
          expect(await kept()).toEqual(await expected());
        }
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        endOnFailure: true,
        // Always: a node serving, as it was, a link another node stored first (only its node changes).
        examples: [
          [
            [
              {
                op: 'page',
                node: 1,
                links: [{ derivation: false, claims: null, number: 0, target: 0, time: 0 }],
              },
              {
                op: 'page',
                node: 0,
                links: [{ derivation: false, claims: 1, number: 0, target: 0, time: 0 }],
              },
            ],
          ],
        ],
      },
    );
  }, 240_000);
});

describe('an index made before the first uses were kept', () => {
  let opened: TestIndex;
  afterAll(() => opened?.close());

  it('takes them, and each adopter, from the links it already holds when it is upgraded', async () => {
    opened = await openTestIndex('first_use_upgrade');
    const { index, url } = opened;
    const links = [
      { derivation: false, claims: null, number: 0, target: 0, time: 3 },
      { derivation: false, claims: null, number: 1, target: 0, time: 1 },
      { derivation: true, claims: null, number: 0, target: 0, time: 0 },
      { derivation: true, claims: null, number: 1, target: 4, time: 2 },
    ];
    for (const slug of ['fu-b', 'fu-a']) {
      await index.follow(slug, `http://127.0.0.1:9/${slug}`);
      await index.restart(slug, 'e1', links.length);
      const changes = links.map((l, i) => changeOf(slug, l, i + 1));
      await index.apply(slug, {
        epoch: 'e1',
        head: changes.length,
        after: 0,
        cursor: changes.length,
        changes,
      });
    }
    await migrateIndex(url, 'Migration20261222000000FirstUse');
    expect(await index.read(`select to_regclass('artifact_first_use') as kept`)).toEqual([{ kept: null }]);

    const upgraded = await CommonsIndex.open({
      databaseUrl: url,
      dataDir: 'unused: the index is on a test database',
    });
    try {
      const kept = await upgraded.read(
        `select artifact_id as id, at, used_by as by from artifact_first_use order by 1`,
      );
      expect(kept).toEqual(await upgraded.read(`select * from (${FROM_LINKS}) x order by id`));
      expect(kept.map((row) => (row as { by: string }).by)).toEqual(['fu-a', 'fu-a']);
      expect(
        await upgraded.read(
          `select count(*)::int as n from adoption where adopter is distinct from doc->>'community'`,
        ),
      ).toEqual([{ n: 0 }]);
    } finally {
      await upgraded.close();
    }
  });
});
