import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261210000000CommonsIndex } from './Migration20261210000000CommonsIndex';
import { Migration20261215000000ReportAggregation } from './Migration20261215000000ReportAggregation';
import { Migration20261216000000PageCounts } from './Migration20261216000000PageCounts';
import { Migration20261219000000RegistryNotify } from './Migration20261219000000RegistryNotify';
import { Migration20261220000000SyncNotify } from './Migration20261220000000SyncNotify';
import { Migration20261222000000FirstUse } from './Migration20261222000000FirstUse';
import { INDEX_MIGRATION_NAMES, type IndexMigrationName } from './names';

const CLASSES = {
  Migration20261210000000CommonsIndex,
  Migration20261215000000ReportAggregation,
  Migration20261216000000PageCounts,
  Migration20261219000000RegistryNotify,
  Migration20261220000000SyncNotify,
  Migration20261222000000FirstUse,
} satisfies Record<IndexMigrationName, MigrationObject['class']>;

/** Every migration of the Commons index, in order. Listed by hand so compiled and test builds find the same set. */
export const INDEX_MIGRATIONS: MigrationObject[] = INDEX_MIGRATION_NAMES.map((name) => ({
  name,
  class: CLASSES[name],
}));
