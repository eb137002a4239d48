import { ask, type Answer } from '../shared/graphql';

/** The explorer reads the gateway it is served by. */
export const GRAPHQL_URL = '/graphql';

export const askCommons = <T>(query: string, variables?: Record<string, unknown>): Promise<Answer<T>> =>
  ask<T>(GRAPHQL_URL, query, variables);

export interface CommunityRef {
  slug: string;
  name: string;
}
