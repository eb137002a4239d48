/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AdoptionStatus =
  | 'ABANDONED'
  | 'ADOPTED'
  | 'TRIAL';

/** A published artifact is live; a retired one is a tombstone that still resolves. */
export type ArtifactStatus =
  | 'PUBLISHED'
  | 'RETIRED';

/** ADAPTS, EXTENDS, TRANSLATES and REVISES make a derivative work; the others only cite. */
export type DerivationRelation =
  | 'ADAPTS'
  | 'EXTENDS'
  | 'QUOTES'
  | 'REFERENCES'
  | 'REVISES'
  | 'SUPPLEMENTS'
  | 'TRANSLATES';

export type FeedbackKind =
  | 'DID_NOT_WORK'
  | 'GAP'
  | 'IMPROVEMENT'
  | 'QUESTION'
  | 'WORKED';

export type NeedStatus =
  | 'ANSWERED'
  | 'CLOSED'
  | 'OPEN';

export type ReportLinksFragment = { slug: string, name: string, adoptionsGiven: Array<{ id: string, artifactId: string, community: string, status: AdoptionStatus, impact: string | null, recordedAt: string }>, feedbackGiven: Array<{ id: string, artifactId: string, community: string, kind: FeedbackKind, givenAt: string }>, responsesGiven: Array<{ id: string, feedbackId: string, artifactId: string, respondedAt: string }>, derivations: Array<{ id: string, artifactId: string, sourceId: string, relation: DerivationRelation, assertedAt: string }>, needs: Array<{ id: string, title: string, status: NeedStatus, postedAt: string }>, needAnswersGiven: Array<{ id: string, needId: string, artifactId: string, answeredAt: string }>, contributionRoles: Array<{ personName: string, role: string, hoursPerMonth: number, resourcedHoursPerMonth: number, startsOn: string, endsOn: string | null }> };

export type ReportArtifactsFragment = { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, publishedAt: string, status: ArtifactStatus, licence: { spdx: string }, provenance: { authors: Array<string>, aiAssisted: boolean, reviewer: string | null } } }> };
