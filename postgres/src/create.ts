import { Client } from 'pg';

/**
 * A database of its own on a PostgreSQL server, for each node the demo, the bench or a test starts
 * (the one place that writes CREATE DATABASE against a server URL).
 */
export interface CreatedDatabase {
  name: string;
  url: string;
  /** Drops it, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** Keep a database of that name that already exists (a restarted demo keeps its data); otherwise PostgreSQL refuses. */
  reuse?: boolean;
}

/** `serverUrl` with its database part replaced by `name`. */
export function databaseUrlOn(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(
  serverUrl: string,
  name: string,
  options: CreateDatabaseOptions = {},
): Promise<CreatedDatabase> {
  await onServer(serverUrl, async (client) => {
    const exists =
      options.reuse && (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
  return {
    name,
    url: databaseUrlOn(serverUrl, name),
    drop: () =>
      onServer(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
