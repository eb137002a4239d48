import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';
import { AdoptionStatus } from './enums';

/** This community's use of an artifact from anywhere in the Commons. */
@Entity({ tableName: 'adoption' })
export class Adoption {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Global id of the adopted artifact. */
  @Property({ type: 'string', length: 200 })
  @Index()
  artifactId!: string;

  @Enum({ items: () => AdoptionStatus, nativeEnumName: 'adoption_status' })
  status!: AdoptionStatus;

  @Property({ type: 'text' })
  context!: string;

  @Property({ type: 'text', nullable: true })
  impact?: string | null;

  /** This community's own derivative, when it adapted what it adopted. */
  @ManyToOne({ entity: () => Artifact, ref: true, nullable: true, deleteRule: 'restrict' })
  adaptedAs?: Ref<Artifact> | null;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
