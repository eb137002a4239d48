import { Embedded, Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';
import { ArtifactContent } from './ArtifactContent';

/** One published state of an artifact. Immutable: nothing updates a row once inserted. */
@Entity({ tableName: 'artifact_version' })
@Unique({ properties: ['artifact', 'number'] })
export class ArtifactVersion {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Artifact, ref: true, deleteRule: 'restrict' })
  artifact!: Ref<Artifact>;

  @Property({ type: 'integer' })
  number!: number;

  @Embedded({ entity: () => ArtifactContent, prefix: false })
  content!: ArtifactContent;

  /** A named human who reviewed this version; required when the content is AI-assisted. */
  @Property({ type: 'string', length: 200, nullable: true })
  reviewer?: string | null;

  @Property({ type: 'text', nullable: true })
  changeNote?: string | null;

  @Property({ type: 'string', length: 200 })
  publishedBy!: string;

  @Property({ type: 'datetime' })
  publishedAt: Date = new Date();
}
