import { Adoption } from './Adoption';
import { ApiToken } from './ApiToken';
import { Artifact } from './Artifact';
import { ArtifactContent } from './ArtifactContent';
import { ArtifactDraft } from './ArtifactDraft';
import { ArtifactVersion } from './ArtifactVersion';
import { CommunityProfile } from './CommunityProfile';
import { ContributionRole } from './ContributionRole';
import { Derivation } from './Derivation';
import { Feedback } from './Feedback';
import { FeedEvent } from './FeedEvent';
import { FeedState } from './FeedState';
import { FeedbackResponse } from './FeedbackResponse';
import { LearningCycle } from './LearningCycle';
import { Need } from './Need';
import { NeedAnswer } from './NeedAnswer';

export {
  Adoption,
  ApiToken,
  Artifact,
  ArtifactContent,
  ArtifactDraft,
  ArtifactVersion,
  CommunityProfile,
  ContributionRole,
  Derivation,
  Feedback,
  FeedbackResponse,
  FeedEvent,
  FeedState,
  LearningCycle,
  Need,
  NeedAnswer,
};
export * from './enums';

export const ENTITIES = [
  Adoption,
  ApiToken,
  Artifact,
  ArtifactContent,
  ArtifactDraft,
  ArtifactVersion,
  CommunityProfile,
  ContributionRole,
  Derivation,
  Feedback,
  FeedbackResponse,
  FeedEvent,
  FeedState,
  LearningCycle,
  Need,
  NeedAnswer,
];
