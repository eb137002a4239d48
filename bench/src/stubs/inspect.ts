import { parseGlobalId } from '@commons-graph/schema';
import {
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a stub node sees in one request, read from the operation itself (not its name): the root
 * fields, every global id in their arguments, and keys repeated within one list argument.
 */
export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface Inspection {
  /** Root field names (not aliases), e.g. ["adoptionsOf", "feedbackOn"]. */
  fields: string[];
  argIds: string[];
  /** Ids repeated within one root field's list argument (e.g. `artifactIds`, `representations`). */
  duplicateKeys: number;
  /** A health probe (`_service`), left out of per-query counts. */
  probe: boolean;
}

const documents = new Map<string, DocumentNode>();

export function parsed(query: string): DocumentNode {
  let document = documents.get(query);
  if (!document) {
    document = parse(query);
    if (documents.size > 1000) documents.clear();
    documents.set(query, document);
  }
  return document;
}

function operationOf(document: DocumentNode, name?: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = name ? operations.find((o) => o.name?.value === name) : operations[0];
  if (!operation) throw new Error(`no operation ${name ?? ''} in the request`);
  return operation;
}

function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments);
    const fragment = fragments.get(selection.name.value);
    return fragment ? rootFields(fragment.selectionSet, fragments) : [];
  });
}

/** Every string in `value` that is a global id. */
export function globalIds(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') {
    if (parseGlobalId(value)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) globalIds(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) globalIds(item, into);
  }
  return into;
}

const keyOf = (item: unknown) =>
  typeof item === 'string'
    ? item
    : item && typeof item === 'object' && 'id' in item
      ? String(item.id)
      : JSON.stringify(item);

export function inspect(body: GraphQLBody): Inspection {
  const document = parsed(body.query);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  const fields = rootFields(operationOf(document, body.operationName).selectionSet, fragments);
  const argIds: string[] = [];
  let duplicateKeys = 0;
  for (const field of fields) {
    for (const argument of field.arguments ?? []) {
      const value = valueFromASTUntyped(argument.value, variables);
      globalIds(value, argIds);
      if (Array.isArray(value)) {
        const keys = value.map(keyOf);
        duplicateKeys += keys.length - new Set(keys).size;
      }
    }
  }
  const names = fields.map((f) => f.name.value);
  return { fields: names, argIds, duplicateKeys, probe: names.includes('_service') };
}
