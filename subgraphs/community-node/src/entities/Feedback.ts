import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { FeedbackKind } from './enums';

/** Feedback this community gives on an artifact anywhere in the Commons. */
@Entity({ tableName: 'feedback' })
export class Feedback {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  @Index()
  artifactId!: string;

  @Enum({ items: () => FeedbackKind, nativeEnumName: 'feedback_kind' })
  kind!: FeedbackKind;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime' })
  givenAt: Date = new Date();
}
