import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The community's public profile: one row, keyed by the slug the node was started with. */
@Entity({ tableName: 'community_profile' })
export class CommunityProfile {
  @PrimaryKey({ type: 'string', length: 64 })
  slug!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text' })
  description: string = '';

  @Property({ type: 'string', length: 200, nullable: true })
  region?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  website?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
