import { ask, type Answer } from '../shared/graphql';

/** The explorer reads the gateway it is served by. */
export const GRAPHQL_URL = '/graphql';

export const askCommons = <T>(query: string, variables?: Record<string, unknown>): Promise<Answer<T>> =>
  ask<T>(GRAPHQL_URL, query, variables);

export interface CommunityRef {
  slug: string;
  name: string;
}

export const ARTIFACT_KINDS = [
  'TEMPLATE',
  'PRINCIPLE',
  'CASE_STUDY',
  'OPEN_DATA',
  'DECISION_RECORD',
  'PLAYBOOK',
  'FIELD_GUIDE',
  'PROTOCOL',
  'PATTERN',
  'VIDEO',
] as const;

export const kindInWords = (kind: string) => kind.toLowerCase().replace(/_/g, ' ');
