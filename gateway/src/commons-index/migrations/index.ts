import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261210000000CommonsIndex } from './Migration20261210000000CommonsIndex';
import { Migration20261215000000ReportAggregation } from './Migration20261215000000ReportAggregation';
import { Migration20261216000000PageCounts } from './Migration20261216000000PageCounts';
import { Migration20261219000000RegistryNotify } from './Migration20261219000000RegistryNotify';
import { Migration20261220000000SyncNotify } from './Migration20261220000000SyncNotify';

/** Every migration of the Commons index, in order. Listed by hand so compiled and test builds find the same set. */
export const INDEX_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261210000000CommonsIndex', class: Migration20261210000000CommonsIndex },
  { name: 'Migration20261215000000ReportAggregation', class: Migration20261215000000ReportAggregation },
  { name: 'Migration20261216000000PageCounts', class: Migration20261216000000PageCounts },
  { name: 'Migration20261219000000RegistryNotify', class: Migration20261219000000RegistryNotify },
  { name: 'Migration20261220000000SyncNotify', class: Migration20261220000000SyncNotify },
];
