import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LINEAGE_MAX_DEPTH, LINEAGE_MAX_NODES } from '../resolvers/lineage';

/**
 * What an operation will cost the gateway, in points, read from the operation alone before any
 * node is asked. Fields not in the table cost nothing: a lookup goes to one node and graphql-armor
 * bounds its size. Directives (@skip, @include) are ignored, so the weight never under-counts.
 */

type Args = Record<string, unknown>;

export interface CostRule {
  /** Points each time the field resolves. */
  points?: (args: Args) => number;
  /** How many times the field's own selections resolve for each time it does (a page's size). */
  items?: (args: Args, commons: { nodes: number }) => number;
  /** Work the whole operation shares (one gathering per request): charged once, however often asked. */
  once?: string;
}

/** The shared work behind commonsReport and vitality: every node's data, gathered once per request. */
export const GATHERS_COMMONS = 'gathers the Commons';

const REPORT_POINTS = 200;
const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : fallback;
const depth = (args: Args) => Math.min(num(args.maxDepth, 5), LINEAGE_MAX_DEPTH);
const page: CostRule = {
  points: (args) => Math.ceil(num(args.first, 20) / 20),
  items: (args) => num(args.first, 20),
};

/** The one table of what costs what: `Type.field` → rule. */
export const FIELD_COSTS: Readonly<Record<string, CostRule>> = {
  'Query.commonsReport': { points: () => REPORT_POINTS, once: GATHERS_COMMONS },
  'Community.vitality': { points: () => REPORT_POINTS, once: GATHERS_COMMONS },
  // One request per node per level, up to LINEAGE_MAX_NODES artifacts, each resolving what is selected.
  'Artifact.lineage': { points: (args) => 5 * depth(args), items: () => LINEAGE_MAX_NODES },
  'Query.artifacts': page,
  'Community.artifacts': page,
  'Query.communities': { items: (_, commons) => commons.nodes },
};

export interface OperationWeight {
  points: number;
  /** The `once` work the operation asks for (e.g. GATHERS_COMMONS). */
  shared: Set<string>;
}

interface Part {
  points: number;
  once: Map<string, number>;
}

/**
 * Weighs `operation`: the sum over its fields of each rule's points, times the items of every
 * enclosing field, plus each shared piece of work once. Linear in the document's size: a fragment
 * is weighed once and scaled wherever it is spread.
 */
export function operationWeight(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  commons: { nodes: number },
): OperationWeight {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // Variables that do not coerce fail the operation before execution: nothing will run.
  if (coerced.errors) return { points: 0, shared: new Set() };
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentParts = new Map<string, Part>();

  const add = (into: Part, part: Part, times: number) => {
    into.points += part.points * times;
    for (const [key, points] of part.once) into.once.set(key, Math.max(into.once.get(key) ?? 0, points));
  };

  function weigh(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): Part {
    const part: Part = { points: 0, once: new Map() };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) add(part, weigh(selection.selectionSet, type, visiting), 1);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue; // validation refuses both; stay safe anyway
        let weighed = fragmentParts.get(name);
        if (!weighed) {
          const type = schema.getType(fragment.typeCondition.name.value);
          if (!type || !isCompositeType(type)) continue;
          weighed = weigh(fragment.selectionSet, type, new Set([...visiting, name]));
          fragmentParts.set(name, weighed);
        }
        add(part, weighed, 1);
        continue;
      }
      // Introspection fields (__typename, __schema) are not in the type's fields and cost nothing.
      const field = 'getFields' in parent ? parent.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const rule = FIELD_COSTS[`${parent.name}.${field.name}`];
      let args: Args = {};
      if (rule) {
        try {
          args = getArgumentValues(field, selection, variables);
        } catch {
          continue; // an argument that does not coerce fails the field before it runs
        }
      }
      const own = rule?.points?.(args) ?? 0;
      if (rule?.once) part.once.set(rule.once, Math.max(part.once.get(rule.once) ?? 0, own));
      else part.points += own;
      const type = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(type)) {
        add(part, weigh(selection.selectionSet, type, visiting), rule?.items?.(args, commons) ?? 1);
      }
    }
    return part;
  }

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return { points: 0, shared: new Set() };
  const total = weigh(operation.selectionSet, root, new Set());
  let points = total.points;
  for (const shared of total.once.values()) points += shared;
  return { points, shared: new Set(total.once.keys()) };
}
