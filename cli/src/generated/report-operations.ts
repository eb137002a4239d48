/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type DerivationRelation =
  | 'ADAPTS'
  | 'EXTENDS'
  | 'QUOTES'
  | 'REFERENCES'
  | 'REVISES'
  | 'SUPPLEMENTS'
  | 'TRANSLATES';

export type NodeStatus =
  | 'DOWN'
  | 'INCOMPATIBLE'
  | 'UP';

export type VitalityState =
  | 'DECAY'
  | 'LIFE'
  | 'WATCH';

export type NodesQueryVariables = Exact<{ [key: string]: never; }>;


export type NodesQuery = { nodes: Array<{ slug: string, status: NodeStatus }> };

export type CommonsReportQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type CommonsReportQuery = { commonsReport: { from: string, to: string, unavailableCommunities: Array<string>, crossCommunityAdoptionShare: number | null, fewestCommunitiesForHalfOfArtifacts: number, reciprocity: number | null, reciprocalCommunities: Array<string>, dormantCommunities: Array<string>, communities: Array<{ decaySigns: number, replant: boolean, community: { slug: string, name: string }, metrics: Array<{ key: string, label: string, value: number | null, unit: string, state: VitalityState, detail: string, evidence: Array<string> }> }>, adoptionMatrix: Array<{ adopter: string, origin: string, count: number }>, lineageReach: Array<{ artifactId: string, title: string, communitiesReached: number, artifactsReached: number }>, licenceConflicts: Array<{ derivativeId: string, sourceId: string, relation: DerivationRelation, rule: string, community: string }>, unansweredNeeds: Array<{ id: string, title: string, community: string, postedAt: string }>, monthlyFlow: Array<{ community: string, month: string, count: number }>, responseTimes: Array<{ community: string, feedbackId: string, days: number | null }> } };

export type LineageQueryVariables = Exact<{
  id: string | number;
}>;


export type LineageQuery = { artifact: { id: string, title: string, lineage: { nodes: Array<{ id: string, title: string, community: { slug: string } }>, edges: Array<{ sourceId: string, derivativeId: string, relation: DerivationRelation }> } } | null };
