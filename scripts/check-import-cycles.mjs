// Fails when any package's source has an import cycle (type-only imports count: they couple
// modules just the same). One documented exclusion: MikroORM entities that name each other in
// their relations (Artifact <-> ArtifactVersion, ...) must import each other; the ORM resolves
// them lazily through `() => Entity`, so such a cycle is the relation, not a design fault. Only
// cycles made wholly of entity modules are excused; a cycle that passes through anything else fails.
import madge from 'madge';

const SOURCES = [
  'schema/src',
  'postgres/src',
  'subgraphs/community-node/src',
  'gateway/src',
  'cli/src',
  'demo/src',
  'bench/src',
  'testing/src',
];
const ENTITY_MODULE = /^subgraphs\/community-node\/src\/entities\/[^/]+\.ts$/;

// tsconfig.test.json maps @commons-graph/* to each package's src, so cycles across packages show too.
const graph = await madge(SOURCES, { fileExtensions: ['ts'], tsConfig: 'tsconfig.test.json' });
const cycles = graph.circular();
const excused = cycles.filter((cycle) => cycle.every((file) => ENTITY_MODULE.test(file)));
const faults = cycles.filter((cycle) => !excused.includes(cycle));

for (const cycle of excused) console.log(`excused (entity relation): ${cycle.join(' > ')}`);
for (const cycle of faults) console.error(`import cycle: ${cycle.join(' > ')}`);
console.log(
  `${Object.keys(graph.obj()).length} modules, ${faults.length} import cycle(s), ${excused.length} entity relation cycle(s) excused`,
);
if (faults.length > 0) process.exitCode = 1;
