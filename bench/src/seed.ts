import { seedLinks, seedPublishedArtifacts } from '@commons-graph/community-node';

const range = (from: number, to: number, step = 1) =>
  Array.from({ length: Math.max(0, Math.floor((to - from) / step) + 1) }, (_, i) => from + i * step);
const HOUR = 3_600_000;

/**
 * Published artifacts written straight into a node's database (after its migrations ran): handles
 * `bench-1…count`, ids `<slug>:bench-<n>`, each with a derivation and an adoption, newest first.
 */
export async function seedArtifacts(url: string, count: number): Promise<void> {
  const now = Date.now();
  const handles = range(1, count).map((n) => `bench-${n}`);
  await seedPublishedArtifacts(
    url,
    'bench',
    handles.map((handle, i) => ({
      handle,
      publishedAt: new Date(now - (i + 1) * HOUR),
      title: `Bench ${handle}`,
      tags: ['bench'],
      attribution: 'bench',
    })),
  );
  await seedLinks(url, {
    derivations: handles.map((handle) => ({ handle, sourceId: `other:${handle}` })),
    adoptions: handles.map((handle) => ({ artifactId: `other:${handle}` })),
  });
}

/** The same pseudo-random numbers in [0, 1) on every run for the same seed (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Node `slugs[index]` of a linked Commons: `count` artifacts (`a1…`) published at seeded random times
 * over a year, so the global page mixes nodes; derivations from the next node's artifacts; adoptions
 * of and feedback on other nodes' artifacts.
 */
export async function seedLinkedNode(
  url: string,
  slugs: string[],
  index: number,
  count: number,
): Promise<void> {
  const slug = slugs[index];
  const other = (offset: number) => slugs[(index + offset) % slugs.length];
  const random = seededRandom(index + 1);
  const now = Date.now();
  await seedPublishedArtifacts(
    url,
    slug,
    range(1, count).map((n) => ({
      handle: `a${n}`,
      publishedAt: new Date(now - random() * 365 * 24 * HOUR),
      title: `Artifact a${n} of ${slug}`,
      tags: ['bench'],
    })),
  );
  await seedLinks(url, {
    derivations: range(1, Math.min(count, 10)).map((n) => ({
      handle: `a${n}`,
      sourceId: `${other(1)}:a${n + 1}`,
    })),
    adoptions: range(1, count).map((n) => ({ artifactId: `${other(1 + (n % 3))}:a${n}` })),
    feedback: range(2, count, 2).map((n) => ({ artifactId: `${other(2)}:a${n}` })),
  });
}
