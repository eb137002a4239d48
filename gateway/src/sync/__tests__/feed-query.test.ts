import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { backoffDelay } from '../backoff';
import { nodeContractSchema } from '../../node-client/answer-check';
import { memberOf } from '../feed-query';
import { CHANGES_OPERATION } from '../follow';

const schema = nodeContractSchema();
const typeOf = (name: string) => schema.getType(name) as GraphQLObjectType;

describe('what the follower asks of a node’s feed', () => {
  it('is an operation the feed contract accepts', () => {
    expect(validate(schema, parse(CHANGES_OPERATION)).map((e) => e.message)).toEqual([]);
  });

  it('selects every field of every member, so the index holds the whole public representation', () => {
    const event = typeOf('ChangeEvent');
    const members = Object.values(event.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
    const memberTypes = new Set(members.map((f) => getNamedType(f.type).name));
    const asked = selectionsOf(parse(CHANGES_OPERATION), ['changes', 'events']);
    for (const member of members) {
      const type = getNamedType(member.type) as GraphQLObjectType;
      // Other members (an artifact's derivation links, a community's adoptions) arrive as events of their own.
      const own = Object.values(type.getFields())
        .filter((field) => !memberTypes.has(getNamedType(field.type).name))
        .map((field) => field.name);
      expect({ member: member.name, fields: fieldNames(asked.get(member.name)!) }).toEqual({
        member: member.name,
        fields: own,
      });
    }
    expect(members.map((f) => f.name)).toEqual(
      [
        'ARTIFACT',
        'DERIVATION',
        'ADOPTION',
        'FEEDBACK',
        'RESPONSE',
        'NEED',
        'NEED_ANSWER',
        'COMMUNITY',
        'LEARNING_CYCLE',
        'CONTRIBUTION_ROLE',
      ].map(memberOf),
    );
    // An artifact's versions are kept whole inside its document.
    const artifact = asked
      .get('artifact')!
      .selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'versions');
    expect(fieldNames((artifact as FieldNode).selectionSet!)).toEqual(
      Object.keys(typeOf('PublishedVersion').getFields()),
    );
  });
});

const fieldNames = (set: SelectionSetNode) =>
  set.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));

/** The selection sets of the fields under `path` in an operation, by field name. */
function selectionsOf(document: DocumentNode, path: string[]): Map<string, SelectionSetNode> {
  let set = (document.definitions[0] as OperationDefinitionNode).selectionSet;
  for (const name of path)
    set = (set.selections.find((s) => s.kind === Kind.FIELD && s.name.value === name) as FieldNode)
      .selectionSet!;
  return new Map(
    set.selections.flatMap((s) =>
      s.kind === Kind.FIELD && s.selectionSet ? [[s.name.value, s.selectionSet]] : [],
    ),
  );
}

describe('backing off a failing node', () => {
  it('doubles from the base after each failure, never past the cap, and not at all before one', () => {
    expect([0, 1, 2, 3, 4, 5, 60].map((failures) => backoffDelay(failures, 1000, 10_000))).toEqual([
      0, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
});
