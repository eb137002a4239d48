import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { ChangeKind } from './enums';

/**
 * The outbox of the change feed: one row per public change, appended in the transaction that made
 * the change (only through feed/outbox.ts, which allocates `seq` from FeedState without gaps).
 */
@Entity({ tableName: 'feed_event' })
export class FeedEvent {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  seq!: number;

  /** The writing transaction's time. */
  @Property({ type: 'datetime' })
  at!: Date;

  @Enum({ items: () => ChangeKind, nativeEnumName: 'change_kind' })
  kind!: ChangeKind;

  /** The entity's public id: `<slug>:<local>`, or the slug for the community profile. */
  @Property({ type: 'string', length: 200 })
  entityId!: string;
}
