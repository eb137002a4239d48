import { readFileSync } from 'node:fs';
import { buildSchema, execute, parse, type GraphQLFieldResolver } from 'graphql';
import { COMMONS_SDL_PATH } from '@commons-graph/schema';
import type { ArtifactSelection } from '../node-client/fields';
import { artifactSelection } from '../resolvers/artifact-selection';

/**
 * The node fields the gateway asks for, read off real operations against the Commons schema: a
 * root resolver records the selection of its operation and answers null.
 */
const schema = buildSchema(readFileSync(COMMONS_SDL_PATH, 'utf8'));
const DERIVED_FROM = 'derivedFrom { id artifactId sourceId relation note assertedBy assertedAt }';

function selectionsOf(source: string): ArtifactSelection[] {
  const seen: ArtifactSelection[] = [];
  const recordRoot: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _context, info) => {
    if (info.parentType.name === 'Query') seen.push(artifactSelection(info));
    return null;
  };
  // A null for the non-null `artifacts` is an error in the answer; the selection is what counts.
  execute({ schema, document: parse(source), fieldResolver: recordRoot });
  expect(seen.length).toBeGreaterThan(0);
  return seen;
}
const fieldsFor = (source: string) => selectionsOf(source)[0].fields;

describe('what the gateway asks nodes about artifacts', () => {
  it('always asks for the id, community and publication time, which routing and paging need', () => {
    expect(fieldsFor('{ artifact(id: "a:b") { id } }')).toBe('id community publishedAt');
    expect(fieldsFor('{ artifact(id: "a:b") { __typename community { slug } publishedAt } }')).toBe(
      'id community publishedAt',
    );
  });

  it('asks for exactly the node fields behind each selected Commons field, once each', () => {
    const every = `{ artifact(id: "a:b") {
      id community { slug } status kind title summary body tags mediaUrl licence { spdx } attribution
      provenance { aiAssisted } version versions { number } publishedAt updatedAt retiredAt retirementReason
      adoptions { id } derivedFrom { id } derivatives { id } lineage { rootId } feedback { id } licenceCheck { allowed }
    } }`;
    expect(fieldsFor(every)).toBe(
      'id community publishedAt status kind title summary body tags mediaUrl licence { spdx } attribution provenance { aiAssisted } version ' +
        `versions { number title changeNote publishedAt licence { spdx } } updatedAt retiredAt retirementReason ${DERIVED_FROM}`,
    );
  });

  it('reads links stored on other nodes by id alone', () => {
    expect(
      fieldsFor(
        '{ artifact(id: "a:b") { adoptions { id status } derivatives { relation } feedback { kind } } }',
      ),
    ).toBe('id community publishedAt');
  });

  it('walks derivedFrom for lineage and reads both licences for the licence check', () => {
    expect(fieldsFor('{ artifact(id: "a:b") { lineage { nodes { title } } } }')).toBe(
      `id community publishedAt ${DERIVED_FROM} title`,
    );
    expect(fieldsFor('{ artifact(id: "a:b") { licenceCheck { allowed } } }')).toBe(
      `id community publishedAt licence { spdx } ${DERIVED_FROM}`,
    );
  });

  it('passes the licence and provenance subfields through, the SPDX id and the AI flag always', () => {
    expect(fieldsFor('{ artifact(id: "a:b") { licence { name url name __typename } } }')).toBe(
      'id community publishedAt licence { spdx name url }',
    );
    expect(fieldsFor('{ artifact(id: "a:b") { licence { spdx shareAlike } } }')).toBe(
      'id community publishedAt licence { spdx shareAlike }',
    );
    expect(
      fieldsFor('{ artifact(id: "a:b") { provenance { reviewer authors } licence { commercialUse } } }'),
    ).toBe(
      'id community publishedAt provenance { aiAssisted reviewer authors } licence { spdx commercialUse }',
    );
  });

  it('collects fields from fragments and from every artifact in the operation', () => {
    const source = `
      query { artifact(id: "a:b") { ... on Artifact { body } } artifacts(first: 2) { edges { node { ...Card } } } }
      fragment Card on Artifact { title licence { ...Named } }
      fragment Named on Licence { name }`;
    const [one, page] = selectionsOf(source);
    expect(one.fields).toBe('id community publishedAt body title licence { spdx name }');
    expect(page).toBe(one);
  });

  it('builds the _entities and page selections from the same fields', () => {
    const selection = selectionsOf('{ artifact(id: "a:b") { title } }')[0];
    expect(selection.entities).toMatchObject({
      name: '_entities',
      selection: '{ ... on Artifact { id community publishedAt title } }',
    });
    expect(selection.page).toMatchObject({
      name: 'artifacts',
      selection: '{ totalCount pageInfo { hasNextPage } edges { node { id community publishedAt title } } }',
    });
  });

  it('works out each operation once, and each operation for itself', () => {
    const document = parse('{ artifact(id: "a:b") { title } }');
    const seen: ArtifactSelection[] = [];
    const recordRoot: GraphQLFieldResolver<unknown, unknown> = (_s, _a, _c, info) => (
      info.parentType.name === 'Query' && seen.push(artifactSelection(info)),
      null
    );
    execute({ schema, document, fieldResolver: recordRoot });
    execute({ schema, document, fieldResolver: recordRoot });
    expect(seen[1]).toBe(seen[0]);
    expect(selectionsOf('{ artifact(id: "a:b") { title } }')[0]).not.toBe(seen[0]);
  });
});
