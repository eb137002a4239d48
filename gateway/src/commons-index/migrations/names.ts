/**
 * The names of the Commons index's migrations, in order. Apart from the migrations themselves, so a
 * gateway finds out whether any is pending without loading MikroORM (migrations/index.ts pairs each
 * name with its class, and the compiler holds the two lists to each other).
 */
export const INDEX_MIGRATION_NAMES = [
  'Migration20261210000000CommonsIndex',
  'Migration20261215000000ReportAggregation',
  'Migration20261216000000PageCounts',
  'Migration20261219000000RegistryNotify',
  'Migration20261220000000SyncNotify',
  'Migration20261222000000FirstUse',
] as const;

export type IndexMigrationName = (typeof INDEX_MIGRATION_NAMES)[number];
