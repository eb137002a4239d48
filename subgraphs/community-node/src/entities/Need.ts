import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { NeedStatus } from './enums';

/** Something this community needs and asks the Commons for. */
@Entity({ tableName: 'need' })
export class Need {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'text[]' })
  tags: string[] = [];

  @Enum({ items: () => NeedStatus, nativeEnumName: 'need_status' })
  @Index()
  status: NeedStatus = NeedStatus.OPEN;

  @Property({ type: 'datetime' })
  postedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;
}
