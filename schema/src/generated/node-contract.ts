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
  /** A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`. */
  LocalDate: { input: string; output: string; }
};

/** A community using an artifact from the Commons. */
export type Adoption = {
  /** The adopter's own published derivative, if any. */
  adaptedAsId: Maybe<Scalars['ID']['output']>;
  artifactId: Scalars['ID']['output'];
  /** Slug of the adopting community. */
  community: Scalars['String']['output'];
  context: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The impact the adopters can name. */
  impact: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  status: AdoptionStatus;
  updatedAt: Scalars['DateTime']['output'];
};

export type AdoptionStatus =
  | 'ABANDONED'
  | 'ADOPTED'
  | 'TRIAL';

/** A published artifact, as its latest published version says. Retired artifacts stay as tombstones, so lineage never dangles. */
export type Artifact = {
  /** How to credit the work. */
  attribution: Scalars['String']['output'];
  body: Scalars['String']['output'];
  /** Slug of the community that published it. */
  community: Scalars['String']['output'];
  /** What this artifact is derived from or cites. */
  derivedFrom: Array<DerivationLink>;
  /** Global id: `<community-slug>:<local-id>`. */
  id: Scalars['ID']['output'];
  kind: ArtifactKind;
  licence: Licence;
  mediaUrl: Maybe<Scalars['String']['output']>;
  provenance: Provenance;
  /** When it was first published. */
  publishedAt: Scalars['DateTime']['output'];
  retiredAt: Maybe<Scalars['DateTime']['output']>;
  retirementReason: Maybe<Scalars['String']['output']>;
  status: ArtifactStatus;
  summary: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** When its latest version was published. */
  updatedAt: Scalars['DateTime']['output'];
  /** Number of the latest published version. */
  version: Scalars['Int']['output'];
  /** Every published version, oldest first. */
  versions: Array<PublishedVersion>;
};

/** A page of artifacts, newest first publication first, then by global id. */
export type ArtifactConnection = {
  edges: Array<ArtifactEdge>;
  pageInfo: PageInfo;
  /** How many artifacts match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

export type ArtifactEdge = {
  cursor: Scalars['String']['output'];
  node: Artifact;
};

/** Every given condition must hold. */
export type ArtifactFilter = {
  /** Community slugs; a node answers only for its own. */
  communities?: InputMaybe<Array<Scalars['String']['input']>>;
  kinds?: InputMaybe<Array<ArtifactKind>>;
  /** SPDX expressions, matched exactly. */
  licences?: InputMaybe<Array<Scalars['String']['input']>>;
  publishedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  publishedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Default: both published and retired. */
  status?: InputMaybe<ArtifactStatus>;
  /** Artifacts carrying any of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Words to find in title, summary or body. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** What kind of knowledge an artifact carries. */
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

/** A published artifact is live; a retired one is a tombstone that still resolves. */
export type ArtifactStatus =
  | 'PUBLISHED'
  | 'RETIRED';

/** One public change. The member named by `kind` carries the entity as it is now. */
export type ChangeEvent = {
  adoption: Maybe<Adoption>;
  artifact: Maybe<Artifact>;
  at: Scalars['DateTime']['output'];
  community: Maybe<Community>;
  contributionRole: Maybe<ContributionRole>;
  derivation: Maybe<DerivationLink>;
  /** The public id of the entity that changed. */
  entityId: Scalars['ID']['output'];
  feedback: Maybe<Feedback>;
  kind: ChangeKind;
  learningCycle: Maybe<LearningCycleSummary>;
  need: Maybe<Need>;
  needAnswer: Maybe<NeedAnswer>;
  response: Maybe<FeedbackResponse>;
  seq: Scalars['Int']['output'];
};

/** A page of this node's public changes, oldest first. */
export type ChangeFeed = {
  /** Fixed when the node's database was created. A new epoch means: drop what you have, start over. */
  epoch: Scalars['ID']['output'];
  /** At most `first` (≤ 1000) events with seq > after, in seq order, without gaps. */
  events: Array<ChangeEvent>;
  /** Whether events after `next` exist. */
  hasMore: Scalars['Boolean']['output'];
  /** The latest sequence number at the time of the answer. */
  head: Scalars['Int']['output'];
  /** Where to continue: the last event's seq, or `after` when there were none. */
  next: Scalars['Int']['output'];
};

/** Which kind of public entity a change-feed event is about. */
export type ChangeKind =
  | 'ADOPTION'
  | 'ARTIFACT'
  | 'COMMUNITY'
  | 'CONTRIBUTION_ROLE'
  | 'DERIVATION'
  | 'FEEDBACK'
  | 'LEARNING_CYCLE'
  | 'NEED'
  | 'NEED_ANSWER'
  | 'RESPONSE';

/** A Community of Practice and what it shares with the Commons. */
export type Community = {
  /** Adoptions this community recorded, of anyone’s artifacts. */
  adoptionsGiven: Array<Adoption>;
  contributionRoles: Array<ContributionRole>;
  /** Every derivation link this community asserts. */
  derivations: Array<DerivationLink>;
  description: Scalars['String']['output'];
  /** Feedback this community gave. */
  feedbackGiven: Array<Feedback>;
  /** Learning cycles the community chose to share. */
  learningCycles: Array<LearningCycleSummary>;
  name: Scalars['String']['output'];
  /** Answers this community gave to needs anywhere. */
  needAnswersGiven: Array<NeedAnswer>;
  needs: Array<Need>;
  region: Maybe<Scalars['String']['output']>;
  /** Responses this community gave to feedback on its work. */
  responsesGiven: Array<FeedbackResponse>;
  slug: Scalars['String']['output'];
  software: NodeSoftware;
  website: Maybe<Scalars['String']['output']>;
};


/** A Community of Practice and what it shares with the Commons. */
export type CommunityNeedsArgs = {
  status?: InputMaybe<NeedStatus>;
};

/** Who does the translation work between the community and the Commons. */
export type ContributionRole = {
  endsOn: Maybe<Scalars['LocalDate']['output']>;
  hoursPerMonth: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  /** Display name, as the person chose to be credited. */
  personName: Scalars['String']['output'];
  /** Hours per month that are paid or otherwise resourced. */
  resourcedHoursPerMonth: Scalars['Float']['output'];
  /** e.g. translator, liaison, knowledge secretary. */
  role: Scalars['String']['output'];
  startsOn: Scalars['LocalDate']['output'];
};

export type CycleCadence =
  | 'MONTHLY'
  | 'QUARTERLY';

/** Our artifact `artifactId` is derived from (or cites) `sourceId`. */
export type DerivationLink = {
  /** The derivative, an artifact of the asserting community. */
  artifactId: Scalars['ID']['output'];
  assertedAt: Scalars['DateTime']['output'];
  /** Slug of the community that asserted the link. */
  assertedBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
  relation: DerivationRelation;
  /** The source, on any node. */
  sourceId: Scalars['ID']['output'];
};

/** ADAPTS, EXTENDS, TRANSLATES and REVISES make a derivative work; the others only cite. */
export type DerivationRelation =
  | 'ADAPTS'
  | 'EXTENDS'
  | 'QUOTES'
  | 'REFERENCES'
  | 'REVISES'
  | 'SUPPLEMENTS'
  | 'TRANSLATES';

/** What a community reports back about an artifact it tried. */
export type Feedback = {
  artifactId: Scalars['ID']['output'];
  body: Scalars['String']['output'];
  /** Slug of the community that gave the feedback. */
  community: Scalars['String']['output'];
  givenAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: FeedbackKind;
};

export type FeedbackKind =
  | 'DID_NOT_WORK'
  | 'GAP'
  | 'IMPROVEMENT'
  | 'QUESTION'
  | 'WORKED';

/** The origin community's response to feedback on one of its artifacts. */
export type FeedbackResponse = {
  artifactId: Scalars['ID']['output'];
  body: Scalars['String']['output'];
  /** Slug of the responding (origin) community. */
  community: Scalars['String']['output'];
  feedbackId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  kind: ResponseKind;
  respondedAt: Scalars['DateTime']['output'];
  resultingVersion: Maybe<Scalars['Int']['output']>;
};

/** What a community learned in one period, shared because it chose to. */
export type LearningCycleSummary = {
  becameClear: Scalars['String']['output'];
  cadence: CycleCadence;
  endsOn: Scalars['LocalDate']['output'];
  failed: Scalars['String']['output'];
  /** Published artifacts harvested in this cycle. */
  harvestedArtifactIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  startsOn: Scalars['LocalDate']['output'];
  surprised: Scalars['String']['output'];
};

/** An SPDX licence and what it allows, from the shared licence table. */
export type Licence = {
  allowsDerivatives: Scalars['Boolean']['output'];
  attributionRequired: Scalars['Boolean']['output'];
  commercialUse: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  shareAlike: Scalars['Boolean']['output'];
  /** SPDX licence expression, e.g. CC-BY-SA-4.0. */
  spdx: Scalars['String']['output'];
  url: Maybe<Scalars['String']['output']>;
};

/** Something a community asks the Commons for. */
export type Need = {
  body: Scalars['String']['output'];
  closedAt: Maybe<Scalars['DateTime']['output']>;
  community: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  postedAt: Scalars['DateTime']['output'];
  status: NeedStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

/** An artifact a community offers as an answer to a need. */
export type NeedAnswer = {
  answeredAt: Scalars['DateTime']['output'];
  artifactId: Scalars['ID']['output'];
  /** Slug of the answering community. */
  community: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  needId: Scalars['ID']['output'];
  note: Maybe<Scalars['String']['output']>;
};

export type NeedStatus =
  | 'ANSWERED'
  | 'CLOSED'
  | 'OPEN';

/** The software a node runs, so a gateway can tell what it speaks (cf. NodeInfo). */
export type NodeSoftware = {
  name: Scalars['String']['output'];
  /** Version of the node protocol (schema/node.graphql). */
  protocol: Scalars['String']['output'];
  version: Scalars['String']['output'];
};

export type PageInfo = {
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Who made a version, and whether AI assisted and which human reviewed it. */
export type Provenance = {
  aiAssisted: Scalars['Boolean']['output'];
  aiTools: Maybe<Scalars['String']['output']>;
  authors: Array<Scalars['String']['output']>;
  /** The named human reviewer of this version. */
  reviewer: Maybe<Scalars['String']['output']>;
};

/** One immutable published version of an artifact. */
export type PublishedVersion = {
  attribution: Scalars['String']['output'];
  body: Scalars['String']['output'];
  changeNote: Maybe<Scalars['String']['output']>;
  kind: ArtifactKind;
  licence: Licence;
  mediaUrl: Maybe<Scalars['String']['output']>;
  number: Scalars['Int']['output'];
  provenance: Provenance;
  publishedAt: Scalars['DateTime']['output'];
  summary: Scalars['String']['output'];
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

export type Query = {
  /** This community's adoptions of any of the given artifacts. */
  adoptionsOf: Array<Adoption>;
  /** This community's adoptions of artifacts of the given community. */
  adoptionsOfCommunity: Array<Adoption>;
  /** This community's answers to any of the given needs. */
  answersTo: Array<NeedAnswer>;
  /** A published or retired artifact of this community. */
  artifact: Maybe<Artifact>;
  /** Published and retired artifacts, newest first. `first` is at most 100. */
  artifacts: ArtifactConnection;
  /** This node's public changes after `after` (a sequence number; 0 = from the start), oldest first. */
  changes: ChangeFeed;
  /** This node's community. */
  community: Community;
  /** This community's published artifacts derived from the given ones. */
  derivativesOf: Array<DerivationLink>;
  /** Feedback this community gave on any of the given artifacts. */
  feedbackOn: Array<Feedback>;
  /** Feedback this community gave on artifacts of the given community. */
  feedbackOnCommunity: Array<Feedback>;
  /** Needs this community has posted. */
  needs: Array<Need>;
  /** This community's responses to any of the given feedback. */
  responsesTo: Array<FeedbackResponse>;
};


export type QueryAdoptionsOfArgs = {
  artifactIds: Array<Scalars['ID']['input']>;
};


export type QueryAdoptionsOfCommunityArgs = {
  community: Scalars['String']['input'];
};


export type QueryAnswersToArgs = {
  needIds: Array<Scalars['ID']['input']>;
};


export type QueryArtifactArgs = {
  id: Scalars['ID']['input'];
};


export type QueryArtifactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ArtifactFilter>;
  first?: Scalars['Int']['input'];
};


export type QueryChangesArgs = {
  after?: Scalars['Int']['input'];
  first?: Scalars['Int']['input'];
};


export type QueryDerivativesOfArgs = {
  artifactIds: Array<Scalars['ID']['input']>;
};


export type QueryFeedbackOnArgs = {
  artifactIds: Array<Scalars['ID']['input']>;
};


export type QueryFeedbackOnCommunityArgs = {
  community: Scalars['String']['input'];
};


export type QueryNeedsArgs = {
  status?: InputMaybe<NeedStatus>;
};


export type QueryResponsesToArgs = {
  feedbackIds: Array<Scalars['ID']['input']>;
};

export type ResponseKind =
  | 'ACKNOWLEDGED'
  | 'DECLINED'
  | 'INCORPORATED';
