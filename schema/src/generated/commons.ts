export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

export type Adoption = {
  adaptedAs: Maybe<Artifact>;
  artifact: Maybe<Artifact>;
  /** True when nothing the gateway reads knows the adopted artifact (see Derivation.sourceDangling). */
  artifactDangling: Scalars['Boolean']['output'];
  artifactId: Scalars['ID']['output'];
  community: Community;
  context: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  impact: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  status: AdoptionStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type AdoptionCell = {
  adopter: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  origin: Scalars['String']['output'];
};

export type AdoptionStatus =
  | 'ABANDONED'
  | 'ADOPTED'
  | 'TRIAL';

export type Artifact = {
  /** Every community's adoptions of this artifact. */
  adoptions: Array<Adoption>;
  attribution: Scalars['String']['output'];
  body: Scalars['String']['output'];
  community: Community;
  /** One hop down: artifacts on any node derived from this one. */
  derivatives: Array<Derivation>;
  /** One hop up: what this artifact derives from or cites. */
  derivedFrom: Array<Derivation>;
  /** Every community's feedback on this artifact, each with the origin's responses. */
  feedback: Array<Feedback>;
  id: Scalars['ID']['output'];
  kind: ArtifactKind;
  licence: Licence;
  /** For each adaptation edge up from this artifact: does its source's licence allow this one? */
  licenceCheck: Array<LicenceCheck>;
  /**
   * The derivation graph around this artifact, across communities, on any graph (cycles included):
   * UP follows derivedFrom to sources, DOWN follows derivatives, BOTH is exactly UP ∪ DOWN (artifacts
   * and edges). maxDepth (default 5, 1 to 10) counts steps from this artifact; at most 500 artifacts.
   */
  lineage: Lineage;
  mediaUrl: Maybe<Scalars['String']['output']>;
  provenance: Provenance;
  publishedAt: Scalars['DateTime']['output'];
  retiredAt: Maybe<Scalars['DateTime']['output']>;
  retirementReason: Maybe<Scalars['String']['output']>;
  status: ArtifactStatus;
  summary: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  version: Scalars['Int']['output'];
  versions: Array<ArtifactVersion>;
};


export type ArtifactLineageArgs = {
  direction?: LineageDirection;
  maxDepth?: Scalars['Int']['input'];
};

export type ArtifactConnection = {
  edges: Array<ArtifactEdge>;
  pageInfo: PageInfo;
  /** Matching artifacts on the nodes that answered. */
  totalCount: Scalars['Int']['output'];
};

export type ArtifactEdge = {
  cursor: Scalars['String']['output'];
  node: Artifact;
};

export type ArtifactFilter = {
  communities?: InputMaybe<Array<Scalars['String']['input']>>;
  kinds?: InputMaybe<Array<ArtifactKind>>;
  licences?: InputMaybe<Array<Scalars['String']['input']>>;
  publishedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  publishedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<ArtifactStatus>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  text?: InputMaybe<Scalars['String']['input']>;
};

export type ArtifactKind =
  | 'CASE_STUDY'
  | 'DECISION_RECORD'
  | 'FIELD_GUIDE'
  | 'OPEN_DATA'
  | 'PATTERN'
  | 'PLAYBOOK'
  | 'PRINCIPLE'
  | 'PROTOCOL'
  | 'TEMPLATE'
  | 'VIDEO';

export type ArtifactStatus =
  | 'PUBLISHED'
  | 'RETIRED';

export type ArtifactVersion = {
  changeNote: Maybe<Scalars['String']['output']>;
  licence: Scalars['String']['output'];
  number: Scalars['Int']['output'];
  publishedAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
};

export type CommonsReport = {
  adoptionMatrix: Array<AdoptionCell>;
  communities: Array<Vitality>;
  crossCommunityAdoptionShare: Maybe<Scalars['Float']['output']>;
  /**
   * Per community, the links it asserts whose target no gathered community holds (derivation
   * sources, adopted, commented and offered artifacts); a target of an unavailable community is not counted.
   */
  danglingLinks: Array<DanglingLinks>;
  dormantCommunities: Array<Scalars['String']['output']>;
  fewestCommunitiesForHalfOfArtifacts: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  licenceConflicts: Array<LicenceConflict>;
  lineageReach: Array<LineageReach>;
  monthlyFlow: Array<FlowPoint>;
  reciprocalCommunities: Array<Scalars['String']['output']>;
  reciprocity: Maybe<Scalars['Float']['output']>;
  responseTimes: Array<ResponseTime>;
  to: Scalars['DateTime']['output'];
  unansweredNeeds: Array<UnansweredNeed>;
  /** Nodes that did not answer: named, never counted as zero. */
  unavailableCommunities: Array<Scalars['String']['output']>;
};

export type Community = {
  /** Adoptions this community recorded, of other communities' artifacts. */
  adoptionsGiven: Array<Adoption>;
  /** Adoptions of this community's artifacts by other communities. */
  adoptionsReceived: Array<Adoption>;
  artifacts: ArtifactConnection;
  contributionRoles: Array<ContributionRole>;
  description: Scalars['String']['output'];
  feedbackGiven: Array<Feedback>;
  /** Feedback other communities gave on this community's artifacts. */
  feedbackReceived: Array<Feedback>;
  learningCycles: Array<LearningCycle>;
  name: Scalars['String']['output'];
  needs: Array<Need>;
  node: Maybe<CommunityNode>;
  region: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  /** Signs of life and decay over a window (DESIGN.md's vitality table). */
  vitality: Vitality;
  website: Maybe<Scalars['String']['output']>;
};


export type CommunityArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: Scalars['Int']['input'];
};


export type CommunityNeedsArgs = {
  status?: InputMaybe<NeedStatus>;
};


export type CommunityVitalityArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

export type CommunityNode = {
  /** Why the node is DOWN or INCOMPATIBLE. */
  error: Maybe<Scalars['String']['output']>;
  lastLatencyMs: Maybe<Scalars['Float']['output']>;
  lastSeen: Maybe<Scalars['DateTime']['output']>;
  name: Maybe<Scalars['String']['output']>;
  protocol: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  softwareVersion: Maybe<Scalars['String']['output']>;
  status: NodeStatus;
  /** How far the Commons index follows this node's change feed; null when the gateway keeps no index. */
  sync: Maybe<NodeSync>;
  url: Scalars['String']['output'];
};

export type ContributionRole = {
  endsOn: Maybe<Scalars['String']['output']>;
  hoursPerMonth: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  personName: Scalars['String']['output'];
  resourcedHoursPerMonth: Scalars['Float']['output'];
  role: Scalars['String']['output'];
  startsOn: Scalars['String']['output'];
};

/** The links one community asserts that point at artifacts nobody holds. */
export type DanglingLinks = {
  community: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  /** The ids of those links. */
  linkIds: Array<Scalars['ID']['output']>;
};

/** A derivation edge, asserted (and stored) by the deriving community. */
export type Derivation = {
  assertedAt: Scalars['DateTime']['output'];
  assertedBy: Community;
  derivative: Maybe<Artifact>;
  derivativeId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  relation: DerivationRelation;
  /** Null when the source's node is unavailable or the id is unknown. */
  source: Maybe<Artifact>;
  /**
   * True when nothing the gateway reads knows the source (another community's draft, a typo, an
   * unregistered community): the link is shown, not hidden. False while the source's node is only unavailable.
   */
  sourceDangling: Scalars['Boolean']['output'];
  sourceId: Scalars['ID']['output'];
};

export type DerivationRelation =
  | 'ADAPTS'
  | 'EXTENDS'
  | 'QUOTES'
  | 'REFERENCES'
  | 'REVISES'
  | 'SUPPLEMENTS'
  | 'TRANSLATES';

export type Feedback = {
  artifact: Maybe<Artifact>;
  /** True when nothing the gateway reads knows the artifact (see Derivation.sourceDangling). */
  artifactDangling: Scalars['Boolean']['output'];
  artifactId: Scalars['ID']['output'];
  body: Scalars['String']['output'];
  community: Community;
  givenAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: FeedbackKind;
  /** The origin community's responses. */
  responses: Array<FeedbackResponse>;
};

export type FeedbackKind =
  | 'DID_NOT_WORK'
  | 'GAP'
  | 'IMPROVEMENT'
  | 'QUESTION'
  | 'WORKED';

export type FeedbackResponse = {
  body: Scalars['String']['output'];
  community: Community;
  id: Scalars['ID']['output'];
  kind: ResponseKind;
  respondedAt: Scalars['DateTime']['output'];
  resultingVersion: Maybe<Scalars['Int']['output']>;
};

export type FlowPoint = {
  community: Scalars['String']['output'];
  count: Scalars['Int']['output'];
  month: Scalars['String']['output'];
};

export type LearningCycle = {
  becameClear: Scalars['String']['output'];
  cadence: Scalars['String']['output'];
  endsOn: Scalars['String']['output'];
  failed: Scalars['String']['output'];
  harvestedArtifactIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  startsOn: Scalars['String']['output'];
  surprised: Scalars['String']['output'];
};

export type Licence = {
  allowsDerivatives: Scalars['Boolean']['output'];
  attributionRequired: Scalars['Boolean']['output'];
  commercialUse: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  shareAlike: Scalars['Boolean']['output'];
  spdx: Scalars['String']['output'];
  url: Maybe<Scalars['String']['output']>;
};

export type LicenceCheck = {
  /** Null when the source could not be read. */
  allowed: Maybe<Scalars['Boolean']['output']>;
  derivativeId: Scalars['ID']['output'];
  derivativeLicence: Scalars['String']['output'];
  relation: DerivationRelation;
  rule: Scalars['String']['output'];
  sourceId: Scalars['ID']['output'];
  sourceLicence: Maybe<Scalars['String']['output']>;
};

export type LicenceConflict = {
  community: Scalars['String']['output'];
  derivativeId: Scalars['ID']['output'];
  relation: DerivationRelation;
  rule: Scalars['String']['output'];
  sourceId: Scalars['ID']['output'];
};

export type Lineage = {
  /** The most steps from the root to an artifact in `nodes` (with BOTH, up or down); 0 when it holds only the root. */
  depth: Scalars['Int']['output'];
  /** The links walked: from an artifact fewer than maxDepth steps away to one in `nodes`. */
  edges: Array<LineageEdge>;
  /** The root and every artifact at most maxDepth steps away in a direction walked (unavailable ones are left out). */
  nodes: Array<Artifact>;
  rootId: Scalars['ID']['output'];
  /** The lineage has artifacts `nodes` leaves out: beyond maxDepth, or past the 500-artifact cap. */
  truncated: Scalars['Boolean']['output'];
};

export type LineageDirection =
  | 'BOTH'
  | 'DOWN'
  | 'UP';

export type LineageEdge = {
  assertedAt: Scalars['DateTime']['output'];
  assertedBy: Scalars['String']['output'];
  derivativeId: Scalars['ID']['output'];
  relation: DerivationRelation;
  sourceId: Scalars['ID']['output'];
};

export type LineageReach = {
  artifactId: Scalars['ID']['output'];
  artifactsReached: Scalars['Int']['output'];
  communitiesReached: Scalars['Int']['output'];
  title: Scalars['String']['output'];
};

export type Mutation = {
  /** Adds a node by its public GraphQL URL. Needs the gateway admin token. */
  registerNode: CommunityNode;
  /** Stops federating a node. Needs the gateway admin token. */
  removeNode: Scalars['Boolean']['output'];
  /**
   * Drops what the Commons index holds of a node and follows its feed again from the start (at once
   * on the replica that syncs). Needs the gateway admin token.
   */
  resyncNode: CommunityNode;
};


export type MutationRegisterNodeArgs = {
  slug?: InputMaybe<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};


export type MutationRemoveNodeArgs = {
  slug: Scalars['String']['input'];
};


export type MutationResyncNodeArgs = {
  slug: Scalars['String']['input'];
};

export type Need = {
  /** Artifacts any community offered as answers. */
  answers: Array<NeedAnswer>;
  body: Scalars['String']['output'];
  closedAt: Maybe<Scalars['DateTime']['output']>;
  community: Community;
  id: Scalars['ID']['output'];
  postedAt: Scalars['DateTime']['output'];
  status: NeedStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

export type NeedAnswer = {
  answeredAt: Scalars['DateTime']['output'];
  artifact: Maybe<Artifact>;
  /** True when nothing the gateway reads knows the offered artifact (see Derivation.sourceDangling). */
  artifactDangling: Scalars['Boolean']['output'];
  artifactId: Scalars['ID']['output'];
  community: Community;
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
};

export type NeedStatus =
  | 'ANSWERED'
  | 'CLOSED'
  | 'OPEN';

export type NodeStatus =
  | 'DOWN'
  | 'INCOMPATIBLE'
  | 'UP';

/** How far the Commons index has followed one node's change feed. */
export type NodeSync = {
  /** The node's feed epoch (a new one means its data was started over); null before its first page. */
  epoch: Maybe<Scalars['ID']['output']>;
  /** Failed pulls in a row: the index waits longer after each, up to a cap. */
  failures: Scalars['Int']['output'];
  /** The node's latest event when it was last asked. */
  head: Scalars['Int']['output'];
  /** Events the index is behind the node: head − syncedSeq. */
  lag: Scalars['Int']['output'];
  /** Why the last pull failed (a refused page says what the node sent); null after a success. */
  lastError: Maybe<Scalars['String']['output']>;
  /** When a pull last succeeded. */
  lastSyncAt: Maybe<Scalars['DateTime']['output']>;
  /** When the index asks again after a failure. */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** The last event of the node applied to the index. */
  syncedSeq: Scalars['Int']['output'];
};

export type PageInfo = {
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Provenance = {
  aiAssisted: Scalars['Boolean']['output'];
  aiTools: Maybe<Scalars['String']['output']>;
  authors: Array<Scalars['String']['output']>;
  reviewer: Maybe<Scalars['String']['output']>;
};

/**
 * The Commons graph: every community node's published knowledge and the links between communities.
 * Ids are global: `<community-slug>:<local-id>`.
 */
export type Query = {
  /** One artifact, asked only of the node that owns its id. */
  artifact: Maybe<Artifact>;
  /**
   * All nodes' artifacts in one order (newest first publication, then id). `first` ≤ 100.
   * Read from the Commons index, `filter.text` is a full-text search over titles, tags, summaries
   * and bodies (words unstemmed; "quoted phrases", `or` and `-word` as in a web search) ordered by
   * rank, highest first, then the usual order; its cursors carry the rank and page through the same
   * ranking. Read live from the nodes, `filter.text` matches a substring and keeps the usual order.
   */
  artifacts: ArtifactConnection;
  /** Every community's vitality and the ecosystem figures over a window; gathers each node once. */
  commonsReport: CommonsReport;
  /** Every registered community whose node is compatible, reachable or not. */
  communities: Array<Community>;
  community: Maybe<Community>;
  /** Needs posted anywhere in the Commons. */
  needs: Array<Need>;
  /** The nodes the gateway federates and their health. */
  nodes: Array<CommunityNode>;
};


/**
 * The Commons graph: every community node's published knowledge and the links between communities.
 * Ids are global: `<community-slug>:<local-id>`.
 */
export type QueryArtifactArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The Commons graph: every community node's published knowledge and the links between communities.
 * Ids are global: `<community-slug>:<local-id>`.
 */
export type QueryArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArtifactFilter>;
  first?: Scalars['Int']['input'];
};


/**
 * The Commons graph: every community node's published knowledge and the links between communities.
 * Ids are global: `<community-slug>:<local-id>`.
 */
export type QueryCommonsReportArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


/**
 * The Commons graph: every community node's published knowledge and the links between communities.
 * Ids are global: `<community-slug>:<local-id>`.
 */
export type QueryCommunityArgs = {
  slug: Scalars['String']['input'];
};


/**
 * The Commons graph: every community node's published knowledge and the links between communities.
 * Ids are global: `<community-slug>:<local-id>`.
 */
export type QueryNeedsArgs = {
  status?: InputMaybe<NeedStatus>;
};

export type ResponseKind =
  | 'ACKNOWLEDGED'
  | 'DECLINED'
  | 'INCORPORATED';

export type ResponseTime = {
  community: Scalars['String']['output'];
  /** Days to the first response; null when unanswered. */
  days: Maybe<Scalars['Float']['output']>;
  feedbackId: Scalars['ID']['output'];
};

export type UnansweredNeed = {
  community: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  postedAt: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
};

export type Vitality = {
  community: Community;
  decaySigns: Scalars['Int']['output'];
  from: Scalars['DateTime']['output'];
  metrics: Array<VitalityMetric>;
  /** Three or more decay signs now and six months earlier. */
  replant: Scalars['Boolean']['output'];
  to: Scalars['DateTime']['output'];
};

export type VitalityMetric = {
  detail: Scalars['String']['output'];
  /** The artifacts, feedback, adoptions or people that count. */
  evidence: Array<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  state: VitalityState;
  unit: Scalars['String']['output'];
  /** Null when there is nothing to measure yet (e.g. no feedback received). */
  value: Maybe<Scalars['Float']['output']>;
};

export type VitalityState =
  | 'DECAY'
  | 'LIFE'
  | 'WATCH';
