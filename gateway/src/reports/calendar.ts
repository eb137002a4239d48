/** The dates a report reads: instants in milliseconds, calendar months and windows, all UTC. */
export const DAY = 86_400_000;

/**
 * Memoised: a report reads the same few thousand timestamps many times over (each community's
 * signs twice, and every figure); parsing them was most of a report's CPU.
 */
export function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= 50_000) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}

/** An ISO date-time in milliseconds, as the index's SQL computes it (`msOf` in reads/report-sql.ts). */
export const at = memo((iso) => Date.parse(iso));

/** The same day and time `months` later, clamped to the month's last day (Oct 31 − 6 = Apr 30). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  return target;
}

const monthsBetween = memo((bounds) => {
  const [from, to] = bounds.split(' ').map(Number);
  const months: string[] = [];
  const cursor = new Date(from);
  cursor.setUTCDate(1);
  cursor.setUTCHours(0, 0, 0, 0);
  while (cursor.getTime() <= to) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return Object.freeze(months);
});

/** Calendar months (YYYY-MM, UTC) that the window touches (computed once per window: every community reads them). */
export const monthsOf = (from: Date, to: Date): readonly string[] =>
  monthsBetween(`${from.getTime()} ${to.getTime()}`);

/** The month an artifact counts in: its date's own prefix, as the node wrote it. */
export const monthOf = (iso: string) => iso.slice(0, 7);

/** A window of a report, with the bound its "last six months" rules read. */
export interface Span {
  from: Date;
  to: Date;
}

/** The same window six months earlier: where "held for six months" looks. */
export const sixMonthsBefore = ({ from, to }: Span): Span => ({
  from: addMonths(from, -6),
  to: addMonths(to, -6),
});

export const inSpan = (ms: number, { from, to }: Span) => ms >= from.getTime() && ms <= to.getTime();
