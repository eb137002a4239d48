import {
  getNamedType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import type { ReportShows } from '../reports/inputs';

/** The fields only part of a report fills, by the type they are on, and which part. */
const PART_OF: Readonly<Record<string, Readonly<Record<string, keyof ReportShows>>>> = {
  // The windows' lists: the signs' evidence, the response times.
  VitalityMetric: { evidence: 'lists' },
  CommonsReport: { responseTimes: 'lists', danglingLinks: 'dangling' },
};

/**
 * Which parts the operation selects anywhere (fragments included): a report without the lists
 * reads no list, only counts; one without the dangling links does not look for them. Directives
 * are not evaluated: a field under `@skip` still has its part read, which costs time, not
 * correctness.
 */
function collect(info: GraphQLResolveInfo): ReportShows {
  const typeInfo = new TypeInfo(info.schema);
  const shows: ReportShows = { lists: false, dangling: false };
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const fields = PART_OF[getNamedType(typeInfo.getParentType())?.name ?? ''];
      if (fields && Object.hasOwn(fields, node.name.value)) shows[fields[node.name.value]] = true;
    },
  });
  const definitions: ASTNode[] = [info.operation, ...Object.values(info.fragments)];
  for (const definition of definitions) visit(definition, visitor);
  return shows;
}

// Keyed by the parsed operation, which Apollo Server's document cache keeps across requests.
const byOperation = new WeakMap<OperationDefinitionNode, ReportShows>();

export function reportShows(info: GraphQLResolveInfo): ReportShows {
  let shows = byOperation.get(info.operation);
  if (!shows) byOperation.set(info.operation, (shows = collect(info)));
  return shows;
}
