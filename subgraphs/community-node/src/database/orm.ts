import { DefaultLogger, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';

export interface OrmOptions {
  databaseUrl: string;
  /** Called with each SQL statement (its log line names its connection); tests count statements with it. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
}

export function ormConfig({ databaseUrl, onQuery, poolMax = 10 }: OrmOptions): Options {
  return {
    clientUrl: databaseUrl,
    entities: ENTITIES,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: poolMax },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: onQuery ? ['query'] : false,
    logger: onQuery ? (message: string) => onQuery(message) : undefined,
    // Each statement names its connection ("via read connection 'public'" for the public pool), so
    // counts can tell the public path's statements from the admin API's.
    loggerFactory: (options) => new DefaultLogger({ ...options, usesReplicas: true }),
    colors: false,
  };
}

/** Connects and applies the checked-in migrations (never schema:update). */
export async function openDatabase(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  try {
    await orm.getMigrator().up();
  } catch (error) {
    await orm.close(true);
    throw privilegeAdvice(error) ?? error;
  }
  return orm;
}

/**
 * A migration refused for want of a privilege (the public read role needs CREATEROLE once) says
 * what to grant in its hint; the ORM's message would bury that under the whole statement.
 */
function privilegeAdvice(error: unknown): Error | undefined {
  const cause = (error as { cause?: { code?: string; hint?: string; message?: string } }).cause;
  if (cause?.code !== '42501' || !cause.hint || !cause.message) return undefined;
  // The message reads "<statement> - <refusal>\n - hint: <hint>".
  const [statementAndRefusal] = cause.message.split('\n - hint:');
  const refusal = statementAndRefusal.slice(statementAndRefusal.lastIndexOf(' - ') + 3);
  return new Error(`Cannot migrate the database: ${refusal}. ${cause.hint}`, { cause: error });
}
