import '../graphql/enums';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { scalarsMap } from '../graphql/scalars';
import { authChecker } from './context';
import { ArtifactAdminResolver } from './resolvers/ArtifactAdminResolver';
import { LinkAdminResolver } from './resolvers/LinkAdminResolver';
import { PracticeAdminResolver } from './resolvers/PracticeAdminResolver';
import { TokenAdminResolver } from './resolvers/TokenAdminResolver';

/** The authenticated admin API: the only schema in which a draft exists. Not federated. */
export function buildAdminSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ArtifactAdminResolver, LinkAdminResolver, PracticeAdminResolver, TokenAdminResolver],
    scalarsMap,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
