import type * as E from '../entities';

/**
 * The plain rows the read model selects, named after the entity properties they come from, so the
 * mappers take a row or an entity alike.
 */
export type VersionRow = E.ArtifactContent &
  Pick<E.ArtifactVersion, 'number' | 'reviewer' | 'changeNote' | 'publishedAt'>;

/** A public artifact joined with its latest published version. */
export type ArtifactRow = VersionRow &
  Pick<E.Artifact, 'handle' | 'status' | 'firstPublishedAt' | 'retiredAt' | 'retirementReason'> & {
    rowId: string;
  };

export type DerivationRow = Pick<E.Derivation, 'id' | 'sourceId' | 'relation' | 'note' | 'assertedAt'>;
export type AdoptionRow = Pick<
  E.Adoption,
  'id' | 'artifactId' | 'status' | 'context' | 'impact' | 'recordedAt' | 'updatedAt'
>;
export type FeedbackRow = Pick<E.Feedback, 'id' | 'artifactId' | 'kind' | 'body' | 'givenAt'>;
export type ResponseRow = Pick<
  E.FeedbackResponse,
  'id' | 'feedbackId' | 'kind' | 'body' | 'resultingVersion' | 'respondedAt'
>;
export type NeedRow = Pick<E.Need, 'id' | 'title' | 'body' | 'tags' | 'status' | 'postedAt' | 'closedAt'>;
export type NeedAnswerRow = Pick<E.NeedAnswer, 'id' | 'needId' | 'note' | 'answeredAt'>;
