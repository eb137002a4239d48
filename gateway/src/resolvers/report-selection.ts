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

/** The fields only a report's lists fill, by the type they are on: the signs' evidence, the response times. */
const LIST_FIELDS: Readonly<Record<string, string>> = {
  VitalityMetric: 'evidence',
  CommonsReport: 'responseTimes',
};

/**
 * Whether the operation selects any of them anywhere (fragments included): a report without them
 * reads no list, only counts. Directives are not evaluated: a field under `@skip` still has its
 * lists read, which costs time, not correctness.
 */
function collect(info: GraphQLResolveInfo): ReportShows {
  const typeInfo = new TypeInfo(info.schema);
  let lists = false;
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = getNamedType(typeInfo.getParentType())?.name;
      if (parent && Object.hasOwn(LIST_FIELDS, parent) && LIST_FIELDS[parent] === node.name.value)
        lists = true;
    },
  });
  const definitions: ASTNode[] = [info.operation, ...Object.values(info.fragments)];
  for (const definition of definitions) visit(definition, visitor);
  return { lists };
}

// Keyed by the parsed operation, which Apollo Server's document cache keeps across requests.
const byOperation = new WeakMap<OperationDefinitionNode, ReportShows>();

export function reportShows(info: GraphQLResolveInfo): ReportShows {
  let shows = byOperation.get(info.operation);
  if (!shows) byOperation.set(info.operation, (shows = collect(info)));
  return shows;
}
