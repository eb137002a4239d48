import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The change feed's one row: the epoch, fixed when the database was created, and the counter that
 * hands out sequence numbers. Writers update it in their transaction, so its row lock orders them
 * and events commit in `seq` order.
 */
@Entity({ tableName: 'feed_state' })
export class FeedState {
  @PrimaryKey({ type: 'boolean' })
  singleton: boolean = true;

  @Property({ type: 'uuid' })
  epoch!: string;

  /** The last sequence number handed out: the feed's head. */
  @Property({ type: 'integer' })
  seq: number = 0;
}
