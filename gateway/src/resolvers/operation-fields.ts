import {
  getNamedType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Calls `field` with each field the operation selects anywhere (its fragments included) and the
 * name of the type it is selected on. Directives are not evaluated: a field under `@skip` counts,
 * which costs a resolver that reads ahead some work, never correctness.
 */
export function eachSelectedField(
  info: GraphQLResolveInfo,
  field: (parent: string | undefined, name: string) => void,
): void {
  const typeInfo = new TypeInfo(info.schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      field(getNamedType(typeInfo.getParentType())?.name, node.name.value);
    },
  });
  const definitions: ASTNode[] = [info.operation, ...Object.values(info.fragments)];
  for (const definition of definitions) visit(definition, visitor);
}

/** `read` once per operation: Apollo Server's document cache keeps the parsed operation across requests. */
export function perOperation<T>(read: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const kept = new WeakMap<OperationDefinitionNode, T>();
  return (info) => {
    let value = kept.get(info.operation);
    if (value === undefined) kept.set(info.operation, (value = read(info)));
    return value;
  };
}
