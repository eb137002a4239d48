import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
} from 'graphql';
import type { ParsedGlobalId } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { LinkedArtifact } from '../node-client/types';
import type { LineageAnswer, LineageDirection } from '../reads';
import { artifactSelection } from './artifact-selection';
import { isMaxDepth } from './lineage';

interface LineageArguments {
  direction: LineageDirection;
  maxDepth: number;
}

/** A lineage walked before its root was read, kept on the root it brought back. */
const walkedFrom = new WeakMap<object, LineageArguments & { answer: Promise<LineageAnswer> }>();

/** The `lineage` field asked of an artifact field, if one is, without conditions (per operation). */
const lineageFields = new WeakMap<FieldNode, FieldNode | null>();

function lineageField(info: GraphQLResolveInfo): FieldNode | null {
  const key = info.fieldNodes[0];
  let field = lineageFields.get(key);
  if (field === undefined) {
    const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
    const found = selections.find(
      (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'lineage' && !s.directives?.length,
    );
    lineageFields.set(key, (field = found ?? null));
  }
  return field;
}

/** The lineage's arguments as its resolver will get them; none when it would refuse them. */
function lineageArguments(info: GraphQLResolveInfo): LineageArguments | undefined {
  const field = lineageField(info);
  const type = getNamedType(info.returnType);
  if (!field || !isObjectType(type)) return undefined;
  const { direction, maxDepth } = getArgumentValues(type.getFields().lineage, field, info.variableValues);
  return isMaxDepth(maxDepth as number)
    ? { direction: direction as LineageDirection, maxDepth: maxDepth as number }
    : undefined;
}

/**
 * An artifact asked for with its lineage (`artifact(id) { lineage { … } }`): the walk starts from
 * the id alone and brings the artifact back as its first node, so the index answers both in one
 * statement instead of reading the artifact first (the live walk reads it first, as the field did).
 * Not found, or not from a participant, it is not among the nodes either: null, as a load says.
 * Undefined when the operation asks for no such lineage.
 */
export function artifactWithLineage(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  id: ParsedGlobalId,
): Promise<LinkedArtifact | null> | undefined {
  const args = lineageArguments(info);
  if (!args) return undefined;
  const selection = artifactSelection(info);
  const answer = ctx.reads.lineage(selection, { id: id.id }, args.direction, args.maxDepth);
  return answer.then(({ nodes }) => {
    // As a load would have: later loads of these ids in the request find them.
    ctx.loaders.artifacts(selection).keep(nodes);
    const root = nodes[0]?.id === id.id ? nodes[0] : null;
    if (root) walkedFrom.set(root, { ...args, answer });
    return root;
  });
}

/** The lineage already walked from this artifact with these arguments, if it was. */
export function walkedLineage(
  artifact: object,
  direction: LineageDirection,
  maxDepth: number,
): Promise<LineageAnswer> | undefined {
  const walked = walkedFrom.get(artifact);
  return walked?.direction === direction && walked.maxDepth === maxDepth ? walked.answer : undefined;
}
