import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';

/** "This artifact of ours answers that need": asserted, and stored, by the answering community. */
@Entity({ tableName: 'need_answer' })
@Unique({ properties: ['needId', 'artifact'] })
export class NeedAnswer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Global id of the need, on this node or any other. */
  @Property({ type: 'string', length: 200 })
  @Index()
  needId!: string;

  @ManyToOne({ entity: () => Artifact, ref: true, deleteRule: 'restrict' })
  artifact!: Ref<Artifact>;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'datetime' })
  answeredAt: Date = new Date();
}
