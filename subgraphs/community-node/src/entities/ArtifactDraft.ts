import { Embedded, Entity, OneToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';
import { ArtifactContent } from './ArtifactContent';

/** The private working copy of an artifact that has not been published yet. Admin API only. */
@Entity({ tableName: 'artifact_draft' })
export class ArtifactDraft {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Set from the artifact, which owns the relation: creating a draft need not name it. */
  @OneToOne({ entity: () => Artifact, mappedBy: 'draft', ref: true })
  artifact!: Ref<Artifact> & Opt;

  @Embedded({ entity: () => ArtifactContent, prefix: false })
  content!: ArtifactContent;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
