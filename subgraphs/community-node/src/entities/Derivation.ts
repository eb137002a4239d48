import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';
import { DerivationRelation } from './enums';

/** "Our artifact is derived from that one": asserted, and so stored, by the deriving community. */
@Entity({ tableName: 'derivation' })
@Unique({ properties: ['artifact', 'sourceId', 'relation'] })
export class Derivation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Artifact, ref: true, deleteRule: 'restrict' })
  artifact!: Ref<Artifact>;

  /** Global id of the source, on this node or any other. */
  @Property({ type: 'string', length: 200 })
  @Index()
  sourceId!: string;

  @Enum({ items: () => DerivationRelation, nativeEnumName: 'derivation_relation' })
  relation!: DerivationRelation;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime' })
  assertedAt: Date = new Date();
}
