import { Entity, Enum, Index, OneToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ArtifactStatus } from './enums';
import { ArtifactVersion } from './ArtifactVersion';
import { ArtifactDraft } from './ArtifactDraft';

/**
 * An artifact's identity and lifecycle. Its content lives elsewhere on purpose: the working copy in
 * ArtifactDraft (admin only) and each published state in an immutable ArtifactVersion.
 */
@Entity({ tableName: 'artifact' })
export class Artifact {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The local part of the global id (`<slug>:<handle>`); unique and never reused. */
  @Property({ type: 'string', length: 128, unique: true })
  handle!: string;

  @Enum({ items: () => ArtifactStatus, nativeEnumName: 'artifact_status' })
  @Index()
  status: ArtifactStatus = ArtifactStatus.DRAFT;

  @OneToOne({ entity: () => ArtifactDraft, nullable: true, ref: true, deleteRule: 'set null' })
  draft?: Ref<ArtifactDraft> | null;

  /** The newest published version; null until the first publication. */
  @OneToOne({ entity: () => ArtifactVersion, nullable: true, ref: true, deleteRule: 'restrict' })
  latestVersion?: Ref<ArtifactVersion> | null;

  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  @Index()
  firstPublishedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  retirementReason?: string | null;
}
