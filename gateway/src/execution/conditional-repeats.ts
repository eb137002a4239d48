import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';

/**
 * Does a response key occur more than once in one selection set (directly or through fragments)
 * with at least one occurrence under `@skip` or `@include`? graphql-jit places such a field where it
 * first occurs in the text even when that occurrence is skipped, while graphql-js places it where
 * it first occurs among the fields that run: the same data in another field order.
 */
export function hasConditionalRepeats(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const conditional = (selection: SelectionNode) =>
    selection.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include') ?? false;

  const check = (selections: readonly SelectionNode[]): boolean => {
    const byKey = new Map<string, { conditional: boolean; selections: SelectionNode[] }>();
    let repeatedConditionally = false;
    const collect = (list: readonly SelectionNode[], underCondition: boolean) => {
      for (const selection of list) {
        const isConditional = underCondition || conditional(selection);
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const entry = byKey.get(key);
          if (entry && (entry.conditional || isConditional)) repeatedConditionally = true;
          if (entry) entry.conditional ||= isConditional;
          else byKey.set(key, { conditional: isConditional, selections: [] });
          byKey.get(key)!.selections.push(...(selection.selectionSet?.selections ?? []));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet.selections, isConditional);
        } else {
          // A validated document has no fragment cycles; a fragment spread twice repeats its fields.
          const fragment = fragments.get(selection.name.value);
          if (fragment) collect(fragment.selectionSet.selections, isConditional);
        }
      }
    };
    collect(selections, false);
    return (
      repeatedConditionally ||
      [...byKey.values()].some((entry) => entry.selections.length > 0 && check(entry.selections))
    );
  };
  return check(operation.selectionSet.selections);
}
