import type { CommonsIndex } from '../CommonsIndex';

/**
 * Planning a page or a lookup took as long as running it (0.4–0.7 ms of PostgreSQL's CPU for 50
 * artifacts), and a fifth of a lineage's statement. The first statements sent are kept prepared on each connection, so PostgreSQL parses
 * them once and plans them as it judges best (a custom plan, or a generic one once that costs no
 * more); past those, a statement is planned each time rather than kept for good: the same few
 * operations (the explorer's, a portal's) are what comes again and again.
 */
const KEPT = 64;
const names = new Map<string, string>();

/** One read statement, prepared on its connection if it is one of the first `KEPT` texts sent. */
export function readOften<T>(index: CommonsIndex, text: string, values: readonly unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name && names.size < KEPT) names.set(text, (name = `often_${names.size}`));
  return name ? index.readPrepared<T>(name, text, values) : index.read<T>(text, values);
}
