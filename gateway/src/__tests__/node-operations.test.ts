import { isObjectType, parse, validate, type GraphQLSchema } from 'graphql';
import { nodeContractSchema } from '../node-client/answer-check';
import { batchDocument } from '../node-client/NodeBatch';
import { NODE_FIELDS, type NodeField } from '../node-client/fields';
import { PROBE } from '../registry/Registry';
import { REPORT_FIELDS } from '../reports/gather';
import { NODE_FIELDS_FOR, selectionOf } from '../resolvers/artifact-selection';
import { buildCommonsSchema } from '../server';

/** The problems graphql-js finds in an operation against the node contract (schema/node.graphql). */
function problems(schema: GraphQLSchema, query: string): string[] {
  return validate(schema, parse(query)).map((error) => error.message);
}

/** The selection a client asking every Commons Artifact field (and every subfield of those passed through) makes. */
function richestArtifactSelection() {
  const commons = buildCommonsSchema();
  const subfields = new Map(
    ['Licence', 'Provenance'].map((name) => {
      const type = commons.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type in the Commons schema`);
      return [name, new Set(Object.keys(type.getFields()))];
    }),
  );
  return selectionOf(Object.values(NODE_FIELDS_FOR).flat(), subfields);
}

/** Every operation the gateway and the report gatherer send to nodes is one the node contract accepts. */
describe('operations sent to nodes', () => {
  const contract = nodeContractSchema();
  const richest = richestArtifactSelection();
  const sent: Record<string, NodeField> = {
    ...NODE_FIELDS,
    artifactEntities: richest.entities,
    artifactPage: richest.page,
    ...Object.fromEntries(REPORT_FIELDS.map((field) => [field.label, field])),
  };

  it.each(Object.entries(sent))('asks %s as the node contract allows', (_name, field) => {
    expect(problems(contract, batchDocument([field]).query)).toEqual([]);
  });

  it('asks every field at once in one valid batch', () => {
    expect(problems(contract, batchDocument(Object.values(sent)).query)).toEqual([]);
  });

  it('probes nodes with a valid operation', () => {
    expect(problems(contract, PROBE)).toEqual([]);
  });

  it('would notice a field, an argument or a variable type the contract does not have', () => {
    const unknownField = { ...NODE_FIELDS.adoptionsOf, selection: `{ id popularity }` };
    const unknownArgument = { ...NODE_FIELDS.needs, args: { status: 'NeedStatus', region: 'String' } };
    // Own label: batchDocument's cache keys a field by label, name, argument names and selection.
    const wrongType = { ...NODE_FIELDS.adoptionsOf, label: 'WrongType', args: { artifactIds: 'Int' } };
    for (const field of [unknownField, unknownArgument, wrongType]) {
      expect(problems(contract, batchDocument([field]).query)).not.toEqual([]);
    }
  });
});
