import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ArtifactSelection } from '../../node-client/fields';

/**
 * A jsonb expression keeping of the doc `expression` only the fields a selection set names
 * (objects projected in turn), so a read from the index returns exactly what the same selection
 * would bring from a node, and no more bytes.
 */
export function projectionOf(selection: SelectionSetNode, expression: string): string {
  return projected(selection, (name) => `${expression}->'${name}'`);
}

/**
 * The same, opening the doc once: an artifact's doc is stored compressed, and each `->` on it
 * decompressed the whole doc again (most of a lineage statement's time went there). The fields
 * come out of one `jsonb_to_record`, which takes a JSON null as SQL NULL: the same null in the
 * built object.
 */
export function projectionOfStored(selection: SelectionSetNode, expression: string): string {
  const names = [...new Set(fieldsOf(selection).map((node) => node.name.value))];
  const columns = names.map((name) => `"${name}" jsonb`).join(', ');
  return `(select ${projected(selection, (name) => `r."${name}"`)} from jsonb_to_record(${expression}) r(${columns}))`;
}

/** What the index reads of each artifact for a node selection. */
export interface ArtifactProjection {
  /** The stored fields the selection names, as a jsonb expression of the artifact row `a`. */
  stored: string;
  /** Whether it names `derivedFrom`: links kept in a table of their own, not in the doc. */
  derivedFrom: boolean;
}

const byArtifactSelection = new WeakMap<ArtifactSelection, ArtifactProjection>();

/**
 * An artifact as a node selection asks for it, as a node answers it: just those fields (an
 * operation's selection is kept with its parsed document, so this is built once per operation).
 */
export function artifactProjection(selection: ArtifactSelection): ArtifactProjection {
  let projection = byArtifactSelection.get(selection);
  if (!projection) {
    const set = (parse(`{ ${selection.fields} }`).definitions[0] as OperationDefinitionNode).selectionSet;
    const isLinks = (node: SelectionSetNode['selections'][number]) =>
      node.kind === Kind.FIELD && node.name.value === 'derivedFrom';
    projection = {
      stored: projectionOfStored({ ...set, selections: set.selections.filter((s) => !isLinks(s)) }, 'a.doc'),
      derivedFrom: set.selections.some(isLinks),
    };
    byArtifactSelection.set(selection, projection);
  }
  return projection;
}

function fieldsOf(selection: SelectionSetNode): FieldNode[] {
  return selection.selections.map((node) => {
    if (node.kind !== Kind.FIELD) throw new Error('A projection names fields only');
    return node;
  });
}

function projected(selection: SelectionSetNode, valueOf: (name: string) => string): string {
  const pairs = fieldsOf(selection).map((node) => {
    const name = node.name.value;
    const value = valueOf(name);
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
