import { randomBytes } from 'node:crypto';
import { serverUrl, sql } from '@commons-graph/testing';
import { createDatabase } from '../create';

describe('creating a database on a server', () => {
  it('makes a new one, refuses a second of the same name unless asked to reuse it, and drops it', async () => {
    const name = `t_create_${randomBytes(4).toString('hex')}`;
    const created = await createDatabase(serverUrl(), name);
    try {
      expect(new URL(created.url).pathname).toBe(`/${name}`);
      await sql(created.url, 'create table kept (n int)');
      await expect(createDatabase(serverUrl(), name)).rejects.toThrow(/already exists/);
      const reused = await createDatabase(serverUrl(), name, { reuse: true });
      expect(
        await sql(
          reused.url,
          `select count(*)::int as n from information_schema.tables where table_name = 'kept'`,
        ),
      ).toEqual([{ n: 1 }]);
    } finally {
      await created.drop();
    }
    expect(
      await sql(serverUrl(), 'select count(*)::int as n from pg_database where datname = $1', [name]),
    ).toEqual([{ n: 0 }]);
  });
});
