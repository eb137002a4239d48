import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';
import { ResponseKind } from './enums';

/** The origin's answer to feedback (stored on another node) about one of its own artifacts. */
@Entity({ tableName: 'feedback_response' })
export class FeedbackResponse {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Global id of the feedback, stored by the community that gave it. */
  @Property({ type: 'string', length: 200 })
  @Index()
  feedbackId!: string;

  @ManyToOne({ entity: () => Artifact, ref: true, deleteRule: 'restrict' })
  artifact!: Ref<Artifact>;

  @Enum({ items: () => ResponseKind, nativeEnumName: 'response_kind' })
  kind!: ResponseKind;

  @Property({ type: 'text' })
  body!: string;

  /** The version that incorporated the feedback, if any. */
  @Property({ type: 'integer', nullable: true })
  resultingVersion?: number | null;

  @Property({ type: 'datetime' })
  respondedAt: Date = new Date();
}
