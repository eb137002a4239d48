import '../graphql/enums';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../graphql/federated-schema';
import { scalarsMap } from '../graphql/scalars';
import { referenceResolvers } from './references';
import { ArtifactResolver } from './resolvers/ArtifactResolver';
import { CommunityResolver } from './resolvers/CommunityResolver';
import { LinksResolver } from './resolvers/LinksResolver';
// Imported last: type-graphql prints types in the order their classes load, so the feed's types
// follow the rest of the contract in schema/node.graphql.
import { ChangeFeedResolver } from './resolvers/ChangeFeedResolver';

/** The public subgraph: published artifacts and asserted links, and nothing that can hold a draft. */
export function buildPublicSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [ArtifactResolver, CommunityResolver, LinksResolver, ChangeFeedResolver],
      scalarsMap,
      validate: false,
      emitSchemaFile: false,
      // type-graphql keeps @Authorized metadata globally (the admin API's); nothing public uses it.
      authChecker: () => false,
    },
    referenceResolvers,
  );
}

/** The SDL checked in as schema/node.graphql: what `_service { sdl }` returns. */
export function printPublicSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
