import { buildSubgraphSchema } from '@apollo/subgraph';
import { isValidSlug, parseGlobalId, readNodeContract } from '@commons-graph/schema';
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { SPOKEN_FOR, type AskedRule, type NodeField } from './fields';

/**
 * Every node answer is untrusted input. A field's answer is checked against what the gateway
 * asked before anything reads it: the shape and scalar types its selection has in the node
 * contract (schema/node.graphql), ids only of the answering node's own community (SPOKEN_FOR),
 * the rules relating it to the arguments (NodeField.answers), and bounds on lists and strings.
 */
export const ANSWER_LIMITS = { listLength: 10_000, stringLength: 1_000_000, jsonDepth: 64 } as const;

/** What the node was asked: its slug (unknown while a probe learns it) and the field's variables. */
export interface Asked {
  slug?: string;
  variables: Readonly<Record<string, unknown>>;
}

/** The reason an answer is refused, naming the path and what the node sent. */
class Refused {
  constructor(readonly reason: string) {}
}
type Check = (value: unknown, path: string, asked: Asked) => void;

let contract: GraphQLSchema | undefined;
/** The node contract as a subgraph schema (with `_service` and `_entities`), built once. */
export function nodeContractSchema(): GraphQLSchema {
  return (contract ??= buildSubgraphSchema(parse(readNodeContract())));
}

/** A value as a reason shows it: short, and never more than a few dozen characters of the node's text. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const refuse = (reason: string): never => {
  throw new Refused(reason);
};
const wrong = (path: string, value: unknown, expected: string): never =>
  refuse(`answered ${path} with ${shown(value)}, not ${expected}`);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(path: string, value: unknown, expected = 'a string'): string {
  if (typeof value !== 'string') return wrong(path, value, expected);
  if (value.length > ANSWER_LIMITS.stringLength) {
    refuse(
      `answered ${path} with a string of ${value.length} characters (at most ${ANSWER_LIMITS.stringLength})`,
    );
  }
  return value;
}

const SCALARS: Readonly<Record<string, Check>> = {
  String: (v, p) => void text(p, v),
  ID: (v, p) => void text(p, v, 'an id'),
  Boolean: (v, p) => void (typeof v === 'boolean' || wrong(p, v, 'a boolean')),
  Int: (v, p) =>
    void ((Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31) || wrong(p, v, 'an integer')),
  Float: (v, p) => void ((typeof v === 'number' && Number.isFinite(v)) || wrong(p, v, 'a number')),
  DateTime: (v, p) =>
    void (
      (DATE_TIME.test(text(p, v)) && !Number.isNaN(Date.parse(v as string))) ||
      wrong(p, v, 'a date-time')
    ),
  LocalDate: (v, p) => void (LOCAL_DATE.test(text(p, v)) || wrong(p, v, 'a date')),
};

/** The rules of SPOKEN_FOR for one type, as one check of an object already known to have the keys. */
function ownership(
  typeName: string,
  keys: Set<string>,
): ((object: Record<string, unknown>, path: string, asked: Asked) => void) | null {
  const rules = SPOKEN_FOR[typeName];
  if (!rules) return null;
  const pick = (list?: readonly string[]) => (list ?? []).filter((key) => keys.has(key));
  const own = pick(rules.own);
  const ownLists = pick(rules.ownLists);
  const slugs = pick(rules.slug);
  const globals = pick(rules.global);
  if (!own.length && !ownLists.length && !slugs.length && !globals.length) return null;
  const ownId = (value: unknown, path: string, slug: string | undefined) => {
    if (value === null) return;
    const id = parseGlobalId(value as string);
    if (!id) wrong(path, value, 'a global id');
    else if (slug !== undefined && id.community !== slug)
      refuse(`answered ${path} with ${shown(value)}, an id of another community`);
  };
  return (object, path, { slug }) => {
    for (const key of own) ownId(object[key], `${path}.${key}`, slug);
    for (const key of ownLists)
      (object[key] as unknown[]).forEach((value, i) => ownId(value, `${path}.${key}[${i}]`, slug));
    for (const key of globals)
      if (object[key] !== null && !parseGlobalId(object[key] as string))
        wrong(`${path}.${key}`, object[key], 'a global id');
    for (const key of slugs) {
      const value = object[key];
      if (slug === undefined ? !isValidSlug(value as string) : value !== slug) {
        refuse(`answered ${path}.${key} with ${shown(value)}, not its own community "${slug ?? '<a slug>'}"`);
      }
    }
  };
}

/** The fields a selection asks of an object type, with inline fragments on that type (or on none) merged in. */
function selectedFields(
  selectionSet: SelectionSetNode,
  typeName: string,
): Array<{ key: string; name: string; selectionSet?: SelectionSetNode }> {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      return [
        {
          key: selection.alias?.value ?? selection.name.value,
          name: selection.name.value,
          selectionSet: selection.selectionSet,
        },
      ];
    }
    if (
      selection.kind === Kind.INLINE_FRAGMENT &&
      (!selection.typeCondition || selection.typeCondition.name.value === typeName)
    ) {
      return selectedFields(selection.selectionSet, typeName);
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) return [];
    throw new Error('Node selections use no named fragments');
  });
}

/** The one object type a selection asks of an abstract type (`_entities` asks `... on Artifact`). */
function concreteType(schema: GraphQLSchema, typeName: string, selectionSet: SelectionSetNode): string {
  const type = schema.getType(typeName);
  if (isObjectType(type)) return typeName;
  const conditions = selectionSet.selections.flatMap((s) =>
    s.kind === Kind.INLINE_FRAGMENT && s.typeCondition ? [s.typeCondition.name.value] : [],
  );
  if (conditions.length !== 1)
    throw new Error(`A node selection on ${typeName} must ask for exactly one type`);
  return conditions[0];
}

function compileObject(schema: GraphQLSchema, typeName: string, selectionSet: SelectionSetNode): Check {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the node contract`);
  const contractFields = type.getFields();
  const fields = selectedFields(selectionSet, typeName).map(({ key, name, selectionSet: sub }) => {
    const field = contractFields[name];
    if (!field) throw new Error(`${typeName}.${name} is not in the node contract`);
    return { key, check: compileType(schema, field.type, sub) };
  });
  const keys = new Set(fields.map((f) => f.key));
  const spokenFor = ownership(typeName, keys);
  return (value, path, asked) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return wrong(path, value, `an object (${typeName})`);
    const object = value as Record<string, unknown>;
    for (const { key, check } of fields) {
      if (!Object.hasOwn(object, key)) refuse(`left ${path}.${key} out of its answer`);
      check(object[key], `${path}.${key}`, asked);
    }
    const sent = Object.keys(object);
    if (sent.length !== fields.length)
      refuse(
        `answered ${path} with a field it was not asked for (${shown(sent.find((key) => !keys.has(key)))})`,
      );
    spokenFor?.(object, path, asked);
  };
}

function compileType(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
): Check {
  if (isNonNullType(type)) {
    const inner = compileNullable(schema, type.ofType, selectionSet);
    return (value, path, asked) => {
      if (value === null || value === undefined)
        refuse(`answered ${path} with null, which the contract says is never null`);
      inner(value, path, asked);
    };
  }
  const inner = compileNullable(schema, type, selectionSet);
  return (value, path, asked) => {
    if (value !== null) inner(value, path, asked);
  };
}

function compileNullable(
  schema: GraphQLSchema,
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode | undefined,
): Check {
  if (isListType(type)) {
    const item = compileType(schema, type.ofType, selectionSet);
    return (value, path, asked) => {
      if (!Array.isArray(value)) return wrong(path, value, 'a list');
      if (value.length > ANSWER_LIMITS.listLength)
        refuse(`answered ${path} with a list of ${value.length} (at most ${ANSWER_LIMITS.listLength})`);
      const ids = new Set<unknown>();
      value.forEach((entry, i) => {
        item(entry, `${path}[${i}]`, asked);
        // The same thing twice in one list is a node making itself count double.
        const id = (entry as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          if (ids.has(id)) refuse(`answered ${path}[${i}].id with ${shown(id)} twice`);
          ids.add(id);
        }
      });
    };
  }
  if (isNonNullType(type)) return compileType(schema, type, selectionSet);
  if (isEnumType(type)) {
    const values = new Set(type.getValues().map((v) => v.name));
    return (value, path) => void (values.has(value as string) || wrong(path, value, `a ${type.name}`));
  }
  if (isScalarType(type)) {
    const check = SCALARS[type.name];
    if (!check) throw new Error(`No answer check for the scalar ${type.name}`);
    return check;
  }
  if (!selectionSet) throw new Error(`${getNamedType(type).name} needs a selection`);
  return compileObject(schema, concreteType(schema, getNamedType(type).name, selectionSet), selectionSet);
}

const itemsOf = (answer: unknown): Array<Record<string, unknown>> => answer as Array<Record<string, unknown>>;

/** The NodeField.answers rules: how the answer relates to the arguments it was asked with. */
function compileAsked(field: NodeField): Check {
  const checks: Check[] = (field.answers ?? []).map((rule: AskedRule): Check => {
    if ('entitiesOf' in rule) {
      return (answer, path, asked) => {
        const representations = asked.variables[rule.entitiesOf] as Array<{ id: string }>;
        const entries = itemsOf(answer);
        if (entries.length !== representations.length) {
          refuse(
            `answered ${path} with ${entries.length} entries for ${representations.length} representations`,
          );
        }
        entries.forEach((entry, i) => {
          if (entry !== null && entry.id !== representations[i].id) {
            refuse(
              `answered ${path}[${i}] with the artifact ${shown(entry.id)} when asked for ${shown(representations[i].id)}`,
            );
          }
        });
      };
    }
    if ('atMost' in rule) {
      return (answer, path, asked) => {
        const list = (answer as Record<string, unknown[]>)[rule.list];
        const most = asked.variables[rule.atMost] as number;
        if (list.length > most)
          refuse(`answered ${path}.${rule.list} with ${list.length} items when asked for at most ${most}`);
      };
    }
    if ('oneOf' in rule) {
      return (answer, path, asked) => {
        const allowed = new Set(asked.variables[rule.oneOf] as unknown[]);
        itemsOf(answer).forEach((item, i) => {
          if (!allowed.has(item[rule.each]))
            refuse(
              `answered ${path}[${i}].${rule.each} with ${shown(item[rule.each])}, which was not asked about`,
            );
        });
      };
    }
    if ('ofCommunity' in rule) {
      return (answer, path, asked) => {
        const community = asked.variables[rule.ofCommunity];
        itemsOf(answer).forEach((item, i) => {
          if (parseGlobalId(item[rule.each] as string)?.community !== community) {
            refuse(
              `answered ${path}[${i}].${rule.each} with ${shown(item[rule.each])}, not an id of "${String(community)}"`,
            );
          }
        });
      };
    }
    return (answer, path, asked) => {
      const wanted = asked.variables[rule.equals];
      if (wanted === null || wanted === undefined) return;
      itemsOf(answer).forEach((item, i) => {
        if (item[rule.each] !== wanted)
          refuse(
            `answered ${path}[${i}].${rule.each} with ${shown(item[rule.each])} when asked for ${shown(wanted)}`,
          );
      });
    };
  });
  return (answer, path, asked) => checks.forEach((check) => check(answer, path, asked));
}

function compile(field: NodeField, schema = nodeContractSchema()): Check {
  const root = schema.getQueryType()!.getFields()[field.name];
  if (!root) throw new Error(`Query.${field.name} is not in the node contract`);
  const document = parse(`{ ${field.name} ${field.selection} }`, { noLocation: true });
  const [selection] = (document.definitions[0] as { selectionSet: SelectionSetNode }).selectionSet.selections;
  const shape = compileType(
    schema,
    root.type,
    selection.kind === Kind.FIELD ? selection.selectionSet : undefined,
  );
  const asked = compileAsked(field);
  return (answer, path, context) => {
    shape(answer, path, context);
    asked(answer, path, context);
  };
}

// Fields built per client selection come and go; the bound keeps odd clients from growing it.
const compiled = new LRUCache<string, Check>({ max: 2_000 });
const byField = new WeakMap<NodeField, Check>();

function checkOf(field: NodeField): Check {
  let check = byField.get(field);
  if (check) return check;
  const key = `${field.name} ${field.selection} ${JSON.stringify(field.answers ?? [])}`;
  check = compiled.get(key);
  if (!check) compiled.set(key, (check = compile(field)));
  byField.set(field, check);
  return check;
}

/**
 * Checks one field's answer: null when the gateway may read it, else the reason it may not,
 * e.g. `answered adoptionsOf[3].id with "other:x", an id of another community`.
 */
export function answerProblem(
  field: NodeField,
  answer: unknown,
  asked: Asked,
  path = field.name,
): string | null {
  return verdict(checkOf(field), answer, asked, path);
}

function verdict(check: Check, answer: unknown, asked: Asked, path: string): string | null {
  try {
    check(answer, path, asked);
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    // Checking is pure reading of parsed JSON; anything else thrown here is still the answer's doing.
    return `answered ${path} with data the gateway could not read (${(error as Error).message})`;
  }
}

/**
 * answerProblem for a field of a schema that extends the node contract (the change feed, while
 * schema/node.graphql does not carry it yet), compiled once here: the caller keeps the result.
 */
export function answerCheckIn(
  schema: GraphQLSchema,
  field: NodeField,
): (answer: unknown, asked: Asked, path?: string) => string | null {
  const check = compile(field, schema);
  return (answer, asked, path = field.name) => verdict(check, answer, asked, path);
}
