import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';

/**
 * Apollo's planning cost at N homogeneous subgraphs (the same entity types, one root field each):
 * composes them, builds the planner, plans one query over every root field. Reports each step to
 * the bench as it finishes, so a step cut off by the bench's time budget still leaves the others.
 * `linked` adds an entity relation (derivedFrom), which lets the planner jump between subgraphs.
 */
function subgraph(i: number, linked: boolean): string {
  return `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])
type Query { artifacts${i}(first: Int!): [Artifact!]! }
type Artifact @key(fields: "id") {
  id: ID!
  title: String! @shareable
  licence: Licence! @shareable
  ${linked ? 'derivedFrom: [Artifact!]! @shareable' : ''}
}
type Licence @shareable { spdx: String! name: String! }`;
}

const send = (step: Record<string, unknown>) =>
  new Promise<void>((resolve) => (process.send ? process.send(step, () => resolve()) : resolve()));

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_PLAN_NODES);
  const linked = process.env.BENCH_PLAN_VARIANT === 'linked';
  let started = performance.now();
  const composed = composeServices(
    Array.from({ length: n }, (_, i) => ({
      name: `node${i}`,
      url: `http://127.0.0.1/${i}`,
      typeDefs: parse(subgraph(i, linked)),
    })),
  );
  if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join('; '));
  await send({ composeMs: performance.now() - started });
  started = performance.now();
  const supergraph = Supergraph.build(composed.supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  await send({ plannerMs: performance.now() - started });
  const selection = linked
    ? 'id title licence { spdx name } derivedFrom { id title licence { spdx } }'
    : 'id title licence { spdx name }';
  const query = `{ ${Array.from({ length: n }, (_, i) => `f${i}: artifacts${i}(first: 50) { ${selection} }`).join(' ')} }`;
  started = performance.now();
  try {
    planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
    await send({ planMs: performance.now() - started, rss: process.memoryUsage().rss });
  } catch (error) {
    await send({
      refused: (error as Error).message,
      afterMs: performance.now() - started,
      rss: process.memoryUsage().rss,
    });
  }
}

main().then(
  () => process.exit(0),
  async (error) => {
    await send({ failed: (error as Error).message });
    process.exit(1);
  },
);
