import { Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * A jsonb expression keeping of the doc `expression` only the fields a selection set names
 * (objects projected in turn), so a read from the index returns exactly what the same selection
 * would bring from a node, and no more bytes.
 */
export function projectionOf(selection: SelectionSetNode, expression: string): string {
  const pairs = selection.selections.map((node) => {
    if (node.kind !== Kind.FIELD) throw new Error('A projection names fields only');
    const name = node.name.value;
    const value = `${expression}->'${name}'`;
    if (!node.selectionSet) return `'${name}', ${value}`;
    return `'${name}', case when jsonb_typeof(${value}) = 'object' then ${projectionOf(node.selectionSet, value)} else ${value} end`;
  });
  return `jsonb_build_object(${pairs.join(', ')})`;
}

/** The selection set of a fragment's field at `path` (e.g. edges > node), parsed from its text. */
export function fragmentSelection(fragment: string, path: readonly string[] = []): SelectionSetNode {
  const definition = parse(fragment).definitions[0] as FragmentDefinitionNode;
  let set = definition.selectionSet;
  for (const name of path) {
    const field = set.selections.find((s) => s.kind === Kind.FIELD && s.name.value === name);
    if (!field || field.kind !== Kind.FIELD || !field.selectionSet)
      throw new Error(`No field ${name} to project`);
    set = field.selectionSet;
  }
  return set;
}
