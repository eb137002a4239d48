import { getOperationAST, parse } from 'graphql';
import { clientKey } from '../limits/client-identity';
import { GATHERS_COMMONS, operationWeight } from '../limits/operation-weight';
import { Slots } from '../slots';
import { buildCommonsSchema } from '../server';

const schema = buildCommonsSchema();
const weigh = (query: string, variables: Record<string, unknown> = {}, nodes = 3) => {
  const document = parse(query);
  return operationWeight(schema, document, getOperationAST(document)!, variables, { nodes });
};
const WINDOW = `from: "2026-01-01T00:00:00Z", to: "2026-10-01T00:00:00Z"`;

describe('the weight of an operation, read from what it asks', () => {
  it('costs nothing for lookups routed to one node', () => {
    expect(
      weigh(
        `{ artifact(id: "a:b") { id title adoptions { community { slug } } derivedFrom { source { id } } } nodes { slug } }`,
      ).points,
    ).toBe(0);
  });

  it('charges one Commons gathering per operation, however many reports and vitalities it asks for', () => {
    const one = weigh(`{ commonsReport(${WINDOW}) { from } }`);
    expect(one.shared).toEqual(new Set([GATHERS_COMMONS]));
    const many = weigh(`{ a: commonsReport(${WINDOW}) { from } b: commonsReport(${WINDOW}) { from }
      communities { vitality(${WINDOW}) { replant } } }`);
    expect(many.points).toBe(one.points);
  });

  it('grows a lineage with its depth (from variables too), capped where the resolver caps it', () => {
    const lineage = (depth: string) =>
      weigh(`query($d: Int!) { artifact(id: "a:b") { lineage(maxDepth: ${depth}) { truncated } } }`, { d: 8 })
        .points;
    expect(lineage('2')).toBeLessThan(lineage('5'));
    expect(lineage('$d')).toBe(5 * 8);
    expect(lineage('10')).toBe(lineage('1000'));
    expect(weigh(`{ artifact(id: "a:b") { lineage { truncated } } }`).points).toBe(lineage('5'));
  });

  it('multiplies what a list resolves by its size: pages by first, communities by the nodes', () => {
    const perLineage = weigh(`{ artifact(id: "a:b") { lineage { truncated } } }`).points;
    const page = weigh(`{ artifacts(first: 40) { totalCount } }`).points;
    expect(weigh(`{ artifacts(first: 40) { edges { node { lineage { truncated } } } } }`).points).toBe(
      page + 40 * perLineage,
    );
    expect(weigh(`{ communities { artifacts { totalCount } } }`, {}, 7).points).toBe(
      7 * weigh(`{ artifacts { totalCount } }`).points,
    );
  });

  it('follows fragments and weighs each once, so repeated spreads cannot make weighing itself expensive', () => {
    const direct = weigh(`{ artifact(id: "a:b") { lineage(maxDepth: 3) { truncated } } }`).points;
    expect(
      weigh(
        `{ artifact(id: "a:b") { ...L } } fragment L on Artifact { ... on Artifact { lineage(maxDepth: 3) { truncated } } }`,
      ).points,
    ).toBe(direct);
    // Ten spreads at each of twelve levels: 10^12 paths, weighed in a moment by scaling each fragment once.
    const levels = Array.from(
      { length: 12 },
      (_, i) =>
        `fragment F${i} on Artifact { lineage(maxDepth: 1) { nodes { ${Array(10)
          .fill(`...F${i + 1}`)
          .join(' ')} } } }`,
    ).join('\n');
    const bomb = weigh(`{ artifact(id: "a:b") { ...F0 } } ${levels} fragment F12 on Artifact { id }`);
    expect(bomb.points).toBeGreaterThan(1e12);
  });
});

describe('who a client is', () => {
  it('is its IPv4 address, mapped or not, and its /64 for IPv6', () => {
    expect(clientKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('2001:db8:1:2::7')).toBe(clientKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(clientKey('2001:db8:1:2::7')).not.toBe(clientKey('2001:db8:1:3::7'));
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('report slots', () => {
  it('grants up to its capacity, queues the rest in order, and refuses when it may not wait', async () => {
    const slots = new Slots(1, Infinity);
    const first = (await slots.within(0))!;
    expect(await slots.within(0)).toBeNull();
    const queued = slots.within(60_000);
    first();
    first(); // releasing twice frees one slot only
    const second = await queued;
    expect(second).not.toBeNull();
    expect(slots.inFlight).toBe(1);
    second!();
    expect(slots.inFlight).toBe(0);
  });
});
