import { PostgreSqlConnection, type MikroORM } from '@mikro-orm/postgresql';

/**
 * The public subgraph's own pool. Each of its connections reads as the database's public role
 * (see Migration20261201000000PublicReadRole), read-only, so PostgreSQL itself refuses drafts, tokens
 * and private learning cycles to the public path whatever SQL it sends. Its statements go through the
 * ORM's logger like every other, so statement counts include them.
 */
export interface PublicConnectionOptions {
  databaseUrl: string;
  poolMax?: number;
}

interface RawClient {
  escapeIdentifier(name: string): string;
  query(sql: string, done: (error: Error | null) => void): void;
}

export class PublicRoleError extends Error {}

export async function openPublicConnection(
  orm: MikroORM,
  { databaseUrl, poolMax = 10 }: PublicConnectionOptions,
): Promise<PostgreSqlConnection> {
  const [{ role, login }] = await orm.em
    .getConnection()
    .execute<{ role: string; login: string }[]>('select public_read_role() as role, current_user as login');
  const connection = new PostgreSqlConnection(
    orm.config,
    {
      clientUrl: databaseUrl,
      name: 'public',
      driverOptions: {
        pool: {
          min: 0,
          max: poolMax,
          afterCreate(client: RawClient, done: (error: Error | null, client: RawClient) => void) {
            client.query(
              `set role ${client.escapeIdentifier(role)}; set default_transaction_read_only = on`,
              (error) => done(error, client),
            );
          },
        },
      },
    },
    'read',
  );
  await connection.connect();
  try {
    const [reading] = await connection.execute<{ user: string }[]>('select current_user as "user"');
    if (reading.user !== role) throw new Error(`the public pool reads as "${reading.user}"`);
  } catch (error) {
    await connection.close(true).catch(() => undefined);
    throw new PublicRoleError(
      `The public subgraph must read as role "${role}", but "${login}" cannot switch to it ` +
        `(${(error as Error).message}). As a superuser run: GRANT "${role}" TO "${login}";`,
    );
  }
  return connection;
}
