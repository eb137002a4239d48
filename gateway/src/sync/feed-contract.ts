import { buildSubgraphSchema } from '@apollo/subgraph';
import { readNodeContract } from '@commons-graph/schema';
import { parse, type GraphQLSchema } from 'graphql';

/**
 * The change feed's part of the node contract, as docs/feed-protocol.md defines it. Nodes serve it
 * additively to schema/node.graphql; until the printed contract carries it, the follower checks
 * answers against the contract extended with this text (and uses the contract alone once it does).
 */
export const FEED_SDL = `
extend type Query {
  changes(after: Int! = 0, first: Int! = 100): ChangeFeed!
}

type ChangeFeed {
  epoch: ID!
  head: Int!
  events: [ChangeEvent!]!
  next: Int!
  hasMore: Boolean!
}

type ChangeEvent {
  seq: Int!
  at: DateTime!
  kind: ChangeKind!
  entityId: ID!
  artifact: Artifact
  derivation: DerivationLink
  adoption: Adoption
  feedback: Feedback
  response: FeedbackResponse
  need: Need
  needAnswer: NeedAnswer
  community: Community
  learningCycle: LearningCycleSummary
  contributionRole: ContributionRole
}

enum ChangeKind { ARTIFACT DERIVATION ADOPTION FEEDBACK RESPONSE NEED NEED_ANSWER COMMUNITY LEARNING_CYCLE CONTRIBUTION_ROLE }
`;

/** The SDL a node following the feed protocol serves: the contract, with the feed if it lacks it. */
export function feedNodeSdl(): string {
  const contract = readNodeContract();
  return /\btype ChangeFeed\b/.test(contract) ? contract : `${contract}\n${FEED_SDL}`;
}

let schema: GraphQLSchema | undefined;
/** The node contract with the change feed, built once. */
export function feedContractSchema(): GraphQLSchema {
  return (schema ??= buildSubgraphSchema(parse(feedNodeSdl())));
}
