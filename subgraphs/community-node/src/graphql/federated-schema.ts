import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { badInput } from '@commons-graph/schema';
import { isUnionType, parse, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/** The Federation 2 spec link every node schema declares. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A type-graphql schema turned into a Federation 2 subgraph (after type-graphql's federation example). */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: Record<string, Record<string, unknown>>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, extra] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), ...extra };
  }
  return entryByEntry(
    buildSubgraphSchema({
      typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
      resolvers: resolvers as GraphQLResolverMap<unknown>,
    }),
  );
}

function isEntityRepresentation(representation: unknown, schema: GraphQLSchema): boolean {
  if (typeof representation !== 'object' || representation === null) return false;
  const typename = (representation as { __typename?: unknown }).__typename;
  const entity = schema.getType('_Entity');
  return (
    typeof typename === 'string' &&
    isUnionType(entity) &&
    entity.getTypes().some((type) => type.name === typename)
  );
}

/**
 * `_entities` answers each representation on its own: @apollo/subgraph resolves them in one `map`,
 * so one that throws (an unknown type, an id that is not a global id) nulled the whole batch. Here
 * it fails only at its own index, with a path `["_entities", i]`; the DataLoaders still batch the rest.
 */
function entryByEntry(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
  if (!field || !resolve) return schema;
  field.resolve = (source, args: { representations: unknown[] }, context, info) =>
    args.representations.map((representation, index) => {
      if (!isEntityRepresentation(representation, info.schema)) {
        return badInput(`representation ${index} needs a __typename naming an entity type of this subgraph`);
      }
      try {
        return (resolve(source, { representations: [representation] }, context, info) as unknown[])[0];
      } catch (error) {
        return error;
      }
    });
  return schema;
}
