import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261210000000CommonsIndex } from './Migration20261210000000CommonsIndex';
import { Migration20261217000000ReportAggregation } from './Migration20261217000000ReportAggregation';

/** Every migration of the Commons index, in order. Listed by hand so compiled and test builds find the same set. */
export const INDEX_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261210000000CommonsIndex', class: Migration20261210000000CommonsIndex },
  { name: 'Migration20261217000000ReportAggregation', class: Migration20261217000000ReportAggregation },
];
