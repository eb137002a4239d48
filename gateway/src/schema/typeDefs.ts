/** The Commons schema, printed to schema/commons.graphql (a test keeps the two equal). */
export const typeDefs = /* GraphQL */ `
"""
The Commons graph: every community node's published knowledge and the links between communities.
Ids are global: \`<community-slug>:<local-id>\`.
"""
type Query {
  """Every registered community whose node is compatible, reachable or not."""
  communities: [Community!]!
  community(slug: String!): Community
  """One artifact, asked only of the node that owns its id."""
  artifact(id: ID!): Artifact
  """All nodes' artifacts in one order (newest first publication, then id). \`first\` ≤ 100."""
  artifacts(filter: ArtifactFilter, first: Int! = 20, after: String): ArtifactConnection!
  """Needs posted anywhere in the Commons."""
  needs(status: NeedStatus): [Need!]!
  """The nodes the gateway federates and their health."""
  nodes: [CommunityNode!]!
  """Every community's vitality and the ecosystem figures over a window; gathers each node once."""
  commonsReport(from: DateTime!, to: DateTime!): CommonsReport!
}

type Mutation {
  """Adds a node by its public GraphQL URL. Needs the gateway admin token."""
  registerNode(url: String!, slug: String): CommunityNode!
  """Stops federating a node. Needs the gateway admin token."""
  removeNode(slug: String!): Boolean!
}

enum NodeStatus {
  UP
  DOWN
  INCOMPATIBLE
}

type CommunityNode {
  slug: String!
  url: String!
  status: NodeStatus!
  name: String
  softwareVersion: String
  protocol: String
  lastSeen: DateTime
  lastLatencyMs: Float
  """Why the node is DOWN or INCOMPATIBLE."""
  error: String
}

type Community {
  slug: String!
  name: String!
  description: String!
  region: String
  website: String
  node: CommunityNode
  artifacts(first: Int! = 20, after: String): ArtifactConnection!
  """Adoptions this community recorded, of other communities' artifacts."""
  adoptionsGiven: [Adoption!]!
  """Adoptions of this community's artifacts by other communities."""
  adoptionsReceived: [Adoption!]!
  feedbackGiven: [Feedback!]!
  """Feedback other communities gave on this community's artifacts."""
  feedbackReceived: [Feedback!]!
  needs(status: NeedStatus): [Need!]!
  learningCycles: [LearningCycle!]!
  contributionRoles: [ContributionRole!]!
  """Signs of life and decay over a window (DESIGN.md's vitality table)."""
  vitality(from: DateTime!, to: DateTime!): Vitality!
}

enum VitalityState {
  LIFE
  WATCH
  DECAY
}

type VitalityMetric {
  key: String!
  label: String!
  """Null when there is nothing to measure yet (e.g. no feedback received)."""
  value: Float
  unit: String!
  state: VitalityState!
  detail: String!
  """The artifacts, feedback, adoptions or people that count."""
  evidence: [String!]!
}

type Vitality {
  community: Community!
  from: DateTime!
  to: DateTime!
  metrics: [VitalityMetric!]!
  decaySigns: Int!
  """Three or more decay signs now and six months earlier."""
  replant: Boolean!
}

type AdoptionCell {
  adopter: String!
  origin: String!
  count: Int!
}

type LineageReach {
  artifactId: ID!
  title: String!
  communitiesReached: Int!
  artifactsReached: Int!
}

type LicenceConflict {
  derivativeId: ID!
  sourceId: ID!
  relation: DerivationRelation!
  rule: String!
  community: String!
}

type UnansweredNeed {
  id: ID!
  title: String!
  community: String!
  postedAt: DateTime!
}

type FlowPoint {
  community: String!
  month: String!
  count: Int!
}

type ResponseTime {
  community: String!
  feedbackId: ID!
  """Days to the first response; null when unanswered."""
  days: Float
}

type CommonsReport {
  from: DateTime!
  to: DateTime!
  communities: [Vitality!]!
  """Nodes that did not answer: named, never counted as zero."""
  unavailableCommunities: [String!]!
  crossCommunityAdoptionShare: Float
  adoptionMatrix: [AdoptionCell!]!
  lineageReach: [LineageReach!]!
  fewestCommunitiesForHalfOfArtifacts: Int!
  reciprocity: Float
  reciprocalCommunities: [String!]!
  dormantCommunities: [String!]!
  licenceConflicts: [LicenceConflict!]!
  unansweredNeeds: [UnansweredNeed!]!
  monthlyFlow: [FlowPoint!]!
  responseTimes: [ResponseTime!]!
}

type Artifact {
  id: ID!
  community: Community!
  status: ArtifactStatus!
  kind: ArtifactKind!
  title: String!
  summary: String!
  body: String!
  tags: [String!]!
  mediaUrl: String
  licence: Licence!
  attribution: String!
  provenance: Provenance!
  version: Int!
  versions: [ArtifactVersion!]!
  publishedAt: DateTime!
  updatedAt: DateTime!
  retiredAt: DateTime
  retirementReason: String
  """Every community's adoptions of this artifact."""
  adoptions: [Adoption!]!
  """One hop up: what this artifact derives from or cites."""
  derivedFrom: [Derivation!]!
  """One hop down: artifacts on any node derived from this one."""
  derivatives: [Derivation!]!
  """
  The derivation graph around this artifact, across communities, on any graph (cycles included):
  UP follows derivedFrom to sources, DOWN follows derivatives, BOTH is exactly UP ∪ DOWN (artifacts
  and edges). maxDepth (default 5, 1 to 10) counts steps from this artifact; at most 500 artifacts.
  """
  lineage(direction: LineageDirection! = BOTH, maxDepth: Int! = 5): Lineage!
  """Every community's feedback on this artifact, each with the origin's responses."""
  feedback: [Feedback!]!
  """For each adaptation edge up from this artifact: does its source's licence allow this one?"""
  licenceCheck: [LicenceCheck!]!
}

enum ArtifactStatus {
  PUBLISHED
  RETIRED
}

enum ArtifactKind {
  TEMPLATE
  PRINCIPLE
  CASE_STUDY
  OPEN_DATA
  DECISION_RECORD
  PLAYBOOK
  FIELD_GUIDE
  PROTOCOL
  PATTERN
  VIDEO
}

type Licence {
  spdx: String!
  name: String!
  url: String
  allowsDerivatives: Boolean!
  shareAlike: Boolean!
  commercialUse: Boolean!
  attributionRequired: Boolean!
}

type Provenance {
  authors: [String!]!
  aiAssisted: Boolean!
  aiTools: String
  reviewer: String
}

type ArtifactVersion {
  number: Int!
  title: String!
  changeNote: String
  publishedAt: DateTime!
  licence: String!
}

type ArtifactConnection {
  edges: [ArtifactEdge!]!
  pageInfo: PageInfo!
  """Matching artifacts on the nodes that answered."""
  totalCount: Int!
}

type ArtifactEdge {
  cursor: String!
  node: Artifact!
}

type PageInfo {
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
  endCursor: String
}

input ArtifactFilter {
  kinds: [ArtifactKind!]
  tags: [String!]
  licences: [String!]
  communities: [String!]
  text: String
  publishedAfter: DateTime
  publishedBefore: DateTime
  status: ArtifactStatus
}

enum DerivationRelation {
  ADAPTS
  EXTENDS
  TRANSLATES
  REVISES
  QUOTES
  REFERENCES
  SUPPLEMENTS
}

"""A derivation edge, asserted (and stored) by the deriving community."""
type Derivation {
  id: ID!
  relation: DerivationRelation!
  note: String
  sourceId: ID!
  """Null when the source's node is unavailable or the id is unknown."""
  source: Artifact
  derivativeId: ID!
  derivative: Artifact
  assertedBy: Community!
  assertedAt: DateTime!
}

enum LineageDirection {
  UP
  DOWN
  BOTH
}

type Lineage {
  rootId: ID!
  """
  The root and every artifact at most maxDepth steps away in a direction walked (unavailable ones are left out).
  """
  nodes: [Artifact!]!
  """The links walked: from an artifact fewer than maxDepth steps away to one in \`nodes\`."""
  edges: [LineageEdge!]!
  """
  The most steps from the root to an artifact in \`nodes\` (with BOTH, up or down); 0 when it holds only the root.
  """
  depth: Int!
  """
  The lineage has artifacts \`nodes\` leaves out: beyond maxDepth, or past the 500-artifact cap.
  """
  truncated: Boolean!
}

type LineageEdge {
  sourceId: ID!
  derivativeId: ID!
  relation: DerivationRelation!
  assertedBy: String!
  assertedAt: DateTime!
}

type LicenceCheck {
  sourceId: ID!
  derivativeId: ID!
  relation: DerivationRelation!
  sourceLicence: String
  derivativeLicence: String!
  """Null when the source could not be read."""
  allowed: Boolean
  rule: String!
}

enum AdoptionStatus {
  TRIAL
  ADOPTED
  ABANDONED
}

type Adoption {
  id: ID!
  artifactId: ID!
  artifact: Artifact
  community: Community!
  status: AdoptionStatus!
  context: String!
  impact: String
  adaptedAs: Artifact
  recordedAt: DateTime!
  updatedAt: DateTime!
}

enum FeedbackKind {
  WORKED
  DID_NOT_WORK
  GAP
  QUESTION
  IMPROVEMENT
}

type Feedback {
  id: ID!
  artifactId: ID!
  artifact: Artifact
  community: Community!
  kind: FeedbackKind!
  body: String!
  givenAt: DateTime!
  """The origin community's responses."""
  responses: [FeedbackResponse!]!
}

enum ResponseKind {
  ACKNOWLEDGED
  INCORPORATED
  DECLINED
}

type FeedbackResponse {
  id: ID!
  community: Community!
  kind: ResponseKind!
  body: String!
  resultingVersion: Int
  respondedAt: DateTime!
}

enum NeedStatus {
  OPEN
  ANSWERED
  CLOSED
}

type Need {
  id: ID!
  community: Community!
  title: String!
  body: String!
  tags: [String!]!
  status: NeedStatus!
  postedAt: DateTime!
  closedAt: DateTime
  """Artifacts any community offered as answers."""
  answers: [NeedAnswer!]!
}

type NeedAnswer {
  id: ID!
  community: Community!
  artifactId: ID!
  artifact: Artifact
  note: String
  answeredAt: DateTime!
}

type LearningCycle {
  id: ID!
  cadence: String!
  startsOn: String!
  endsOn: String!
  becameClear: String!
  surprised: String!
  failed: String!
  harvestedArtifactIds: [ID!]!
}

type ContributionRole {
  id: ID!
  personName: String!
  role: String!
  hoursPerMonth: Float!
  resourcedHoursPerMonth: Float!
  startsOn: String!
  endsOn: String
}

scalar DateTime
`;
