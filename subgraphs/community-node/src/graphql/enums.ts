import { registerEnumType } from 'type-graphql';
import {
  AdoptionStatus,
  ArtifactKind,
  ArtifactStatus,
  ChangeKind,
  CycleCadence,
  DerivationRelation,
  FeedbackKind,
  NeedStatus,
  PublicArtifactStatus,
  ResponseKind,
  Role,
} from '../entities/enums';

/** Registers the domain enums with type-graphql once, for both the public and the admin schema. */
registerEnumType(ArtifactKind, {
  name: 'ArtifactKind',
  description: 'What kind of knowledge an artifact carries.',
});
registerEnumType(PublicArtifactStatus, {
  name: 'ArtifactStatus',
  description: 'A published artifact is live; a retired one is a tombstone that still resolves.',
});
registerEnumType(ArtifactStatus, {
  name: 'DraftStatus',
  description: 'Where an artifact is in the publishing workflow.',
});
registerEnumType(DerivationRelation, {
  name: 'DerivationRelation',
  description: 'ADAPTS, EXTENDS, TRANSLATES and REVISES make a derivative work; the others only cite.',
});
registerEnumType(AdoptionStatus, { name: 'AdoptionStatus' });
registerEnumType(FeedbackKind, { name: 'FeedbackKind' });
registerEnumType(ResponseKind, { name: 'ResponseKind' });
registerEnumType(NeedStatus, { name: 'NeedStatus' });
registerEnumType(CycleCadence, { name: 'CycleCadence' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'Which kind of public entity a change-feed event is about.',
});

export {
  AdoptionStatus,
  ArtifactKind,
  ArtifactStatus,
  ChangeKind,
  CycleCadence,
  DerivationRelation,
  FeedbackKind,
  NeedStatus,
  PublicArtifactStatus,
  ResponseKind,
  Role,
};
