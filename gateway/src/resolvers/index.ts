import { DateTimeResolver } from 'graphql-scalars';
import { adminMutations } from './admin';
import { artifactResolvers } from './artifact';
import { communityResolvers } from './community';
import { linkResolvers } from './links';
import { nodeSync } from './node-sync';
import { queryResolvers } from './query';
import { vitalityResolvers } from './reports';

/** The Commons schema's resolvers, one module per type (or family of link types). */
export function createResolvers(adminToken: string | undefined) {
  return {
    DateTime: DateTimeResolver,
    Query: queryResolvers,
    Mutation: adminMutations(adminToken),
    Community: communityResolvers,
    Artifact: artifactResolvers,
    Vitality: vitalityResolvers,
    CommunityNode: { sync: nodeSync },
    ...linkResolvers,
  };
}
