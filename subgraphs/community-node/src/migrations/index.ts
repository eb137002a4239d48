import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Initial } from './Migration20261124000000Initial';
import { Migration20261201000000PublicReadRole } from './Migration20261201000000PublicReadRole';
import { Migration20261215000000ChangeFeed } from './Migration20261215000000ChangeFeed';

/** Every migration, in order. Listed by hand so compiled and test builds find the same set. */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261124000000Initial', class: Migration20261124000000Initial },
  { name: 'Migration20261201000000PublicReadRole', class: Migration20261201000000PublicReadRole },
  { name: 'Migration20261215000000ChangeFeed', class: Migration20261215000000ChangeFeed },
];
