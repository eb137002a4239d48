import {
  getNamedType,
  isNonNullType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { NodeField } from '../node-client/fields';

/** The ChangeEvent field carrying a kind's member: ARTIFACT → artifact, NEED_ANSWER → needAnswer. */
export const memberOf = (kind: string) =>
  kind.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const objectType = (schema: GraphQLSchema, name: string): GraphQLObjectType => {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type of the feed contract`);
  return type;
};

/**
 * Every field of `type` a node can answer without arguments, objects expanded: except the types in
 * `leaveOut` (members of the feed, which arrive as events of their own), and types with a selection
 * given in `given`.
 */
function everyField(
  type: GraphQLObjectType,
  leaveOut: ReadonlySet<string>,
  given: ReadonlyMap<string, string>,
  path: string[] = [],
): string {
  if (path.includes(type.name))
    throw new Error(`The feed selection loops: ${[...path, type.name].join(' > ')}`);
  const parts = Object.values(type.getFields()).flatMap((field) => {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) return [];
    const named = getNamedType(field.type);
    if (!isObjectType(named)) return [field.name];
    if (given.has(named.name)) return [`${field.name} ${given.get(named.name)}`];
    if (leaveOut.has(named.name)) return [];
    return [`${field.name} ${everyField(named, leaveOut, given, [...path, type.name])}`];
  });
  return `{ ${parts.join(' ')} }`;
}

/**
 * `changes` with every field of every member, derived from the contract so that a field added to a
 * member type is indexed without touching this code.
 */
export function changesField(schema: GraphQLSchema): NodeField {
  const event = objectType(schema, 'ChangeEvent');
  const memberTypes = new Set(
    Object.values(event.getFields())
      .map((field) => getNamedType(field.type))
      .filter(isObjectType)
      .map((type) => type.name),
  );
  const eventParts = Object.values(event.getFields()).map((field) => {
    const named = getNamedType(field.type);
    return isObjectType(named) ? `${field.name} ${everyField(named, memberTypes, new Map())}` : field.name;
  });
  const selection = everyField(
    objectType(schema, 'ChangeFeed'),
    memberTypes,
    new Map([['ChangeEvent', `{ ${eventParts.join(' ')} }`]]),
  );
  return {
    label: 'FeedChanges',
    name: 'changes',
    args: { after: 'Int!', first: 'Int!' },
    selection,
    answers: [{ list: 'events', atMost: 'first' }],
  };
}

/** The operation a follower sends for one page. */
export const changesOperation = (field: NodeField) =>
  `query ${field.label}($after: Int!, $first: Int!) { ${field.name}(after: $after, first: $first) ${field.selection} }`;
