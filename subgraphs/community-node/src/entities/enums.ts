/** Domain vocabularies, shared by the entities, the admin API and the public subgraph. */
export enum ArtifactKind {
  TEMPLATE = 'TEMPLATE',
  PRINCIPLE = 'PRINCIPLE',
  CASE_STUDY = 'CASE_STUDY',
  OPEN_DATA = 'OPEN_DATA',
  DECISION_RECORD = 'DECISION_RECORD',
  PLAYBOOK = 'PLAYBOOK',
  FIELD_GUIDE = 'FIELD_GUIDE',
  PROTOCOL = 'PROTOCOL',
  PATTERN = 'PATTERN',
  VIDEO = 'VIDEO',
}

/** DRAFT and IN_REVIEW exist only behind the admin API; the public subgraph sees the other two. */
export enum ArtifactStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

export enum PublicArtifactStatus {
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

export enum DerivationRelation {
  ADAPTS = 'ADAPTS',
  EXTENDS = 'EXTENDS',
  TRANSLATES = 'TRANSLATES',
  REVISES = 'REVISES',
  QUOTES = 'QUOTES',
  REFERENCES = 'REFERENCES',
  SUPPLEMENTS = 'SUPPLEMENTS',
}

export enum AdoptionStatus {
  TRIAL = 'TRIAL',
  ADOPTED = 'ADOPTED',
  ABANDONED = 'ABANDONED',
}

export enum FeedbackKind {
  WORKED = 'WORKED',
  DID_NOT_WORK = 'DID_NOT_WORK',
  GAP = 'GAP',
  QUESTION = 'QUESTION',
  IMPROVEMENT = 'IMPROVEMENT',
}

export enum ResponseKind {
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  INCORPORATED = 'INCORPORATED',
  DECLINED = 'DECLINED',
}

export enum NeedStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}

export enum CycleCadence {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
}

export enum Role {
  MEMBER = 'member',
  STEWARD = 'steward',
  ADMIN = 'admin',
}

/** Which kind of public entity a change-feed event is about (docs/feed-protocol.md). */
export enum ChangeKind {
  ARTIFACT = 'ARTIFACT',
  DERIVATION = 'DERIVATION',
  ADOPTION = 'ADOPTION',
  FEEDBACK = 'FEEDBACK',
  RESPONSE = 'RESPONSE',
  NEED = 'NEED',
  NEED_ANSWER = 'NEED_ANSWER',
  COMMUNITY = 'COMMUNITY',
  LEARNING_CYCLE = 'LEARNING_CYCLE',
  CONTRIBUTION_ROLE = 'CONTRIBUTION_ROLE',
}
