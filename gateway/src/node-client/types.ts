import type { NodeContract } from '@commons-graph/schema';

/**
 * What nodes answer, as the gateway reads it: the node contract's generated types
 * (schema/src/generated/node-contract.ts), narrowed to the fields the gateway always asks for.
 * Other fields pass through to the Commons resolvers only when the client's selection needs them,
 * so they stay open (`unknown`) here: answer-check.ts has already checked them against the contract.
 */
type PassedThrough = { [field: string]: unknown };

export type NodeDerivation = Pick<
  NodeContract.DerivationLink,
  'id' | 'artifactId' | 'sourceId' | 'relation' | 'note' | 'assertedBy' | 'assertedAt'
>;

/** Always has the routing and ordering fields; the rest only if the client's selection needs them. */
export type NodeArtifact = Pick<NodeContract.Artifact, 'id' | 'community' | 'publishedAt'> & {
  licence?: Pick<NodeContract.Licence, 'spdx'>;
  derivedFrom?: NodeDerivation[];
} & PassedThrough;

/** An artifact fetched for `lineage` or `licenceCheck`, whose selection includes these (NODE_FIELDS_FOR). */
export type LinkedArtifact = NodeArtifact & Required<Pick<NodeArtifact, 'licence' | 'derivedFrom'>>;

export type NodeAdoption = Pick<NodeContract.Adoption, 'id' | 'artifactId' | 'community' | 'adaptedAsId'> &
  PassedThrough;
export type NodeFeedback = Pick<NodeContract.Feedback, 'id' | 'artifactId' | 'community'> & PassedThrough;
export type NodeResponse = Pick<
  NodeContract.FeedbackResponse,
  'id' | 'feedbackId' | 'artifactId' | 'community'
> &
  PassedThrough;
export type NodeNeed = Pick<NodeContract.Need, 'id' | 'community'> & PassedThrough;
export type NodeAnswer = Pick<NodeContract.NeedAnswer, 'id' | 'needId' | 'artifactId' | 'community'> &
  PassedThrough;
export type NodeProfile = Pick<
  NodeContract.Community,
  'slug' | 'name' | 'description' | 'region' | 'website'
>;
