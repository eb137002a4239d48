/**
 * The one order of every list of links the Commons serves, on both paths: by the asserting
 * community (the prefix of the link's global id), then its time, then its id (code units). Nodes
 * order by time in microseconds, the index by the milliseconds a node serves, so a tie within one
 * millisecond would read differently; sorting the same way in the gateway makes both paths agree.
 */
const communityOf = (id: string) => id.slice(0, id.indexOf(':'));

export function inCanonicalOrder<T extends { id: string }>(items: readonly T[], time: keyof T & string): T[] {
  const keyed = items.map((item) => ({
    item,
    community: communityOf(item.id),
    at: Date.parse(item[time] as string),
  }));
  keyed.sort(
    (a, b) =>
      (a.community < b.community ? -1 : a.community > b.community ? 1 : 0) ||
      a.at - b.at ||
      (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
  return keyed.map(({ item }) => item);
}

/** Which time orders each kind of link (the SQL of the index orders by the same fields). */
export const TIME_OF = {
  adoption: 'recordedAt',
  derivation: 'assertedAt',
  feedback: 'givenAt',
  response: 'respondedAt',
  need: 'postedAt',
  needAnswer: 'answeredAt',
} as const;
