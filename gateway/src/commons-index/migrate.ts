import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { INDEX_ENTITIES } from './entities';
import { INDEX_MIGRATIONS } from './migrations';

/**
 * Runs the index's checked-in migrations on `url`: every pending one, or back down to `downTo`.
 * MikroORM owns the index's schema and nothing else: the gateway reads and writes through pg, so
 * this module (and MikroORM with it) is loaded only to migrate (see migration-runner.ts).
 */
export async function migrateIndex(url: string, downTo?: string): Promise<void> {
  const orm = await MikroORM.init({
    clientUrl: url,
    entities: INDEX_ENTITIES,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: INDEX_MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: 4 },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    colors: false,
  });
  try {
    if (downTo) await orm.getMigrator().down({ to: downTo });
    else await orm.getMigrator().up();
  } finally {
    await orm.close(true);
  }
}
