import {
  createToken,
  openDatabase,
  Role,
  startCommunityNode,
  type RunningNode,
} from '@commons-graph/community-node';
import pino, { type Logger } from 'pino';
import { createTestDatabase, type TestDatabase } from './databases';
import { graphql, ok, type GraphQLResponse } from './graphql';

/**
 * The one test harness for community nodes: a real node on a real database and a real port, with
 * tokens for each role and a counter of the SQL statements it runs.
 */
export interface TestNode {
  slug: string;
  node: RunningNode;
  database: TestDatabase;
  tokens: Record<'member' | 'steward' | 'admin', string>;
  statements: string[];
  publicQuery<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  publicOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  admin<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    role?: 'member' | 'steward' | 'admin' | null,
  ): Promise<GraphQLResponse<T>>;
  adminOk<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    role?: 'member' | 'steward' | 'admin',
  ): Promise<T>;
  /** Counts SQL statements (not transaction control) run while `work` runs. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

const SQL_STATEMENT = /\b(select|insert|update|delete)\b/i;

export interface TestNodeOptions {
  /** The node's logger; tests that read the node's log pass one writing to a stream they hold. */
  logger?: Logger;
  /** FEED_PING_URLS: followers the node pings after each change. */
  feedPingUrls?: string[];
  /** The gateway the node's desk reads the Commons from (GATEWAY_URL). */
  gatewayUrl?: string;
  /** Start on this database (a restart keeps its data) instead of a new one. */
  database?: TestDatabase;
  /** Listen on this port (a restart keeps its URL); 0, the default, picks a free one. */
  port?: number;
}

export async function startTestNode(
  slug: string,
  name = slug,
  options: TestNodeOptions = {},
): Promise<TestNode> {
  const database = options.database ?? (await createTestDatabase(slug));
  const statements: string[] = [];
  const setup = await openDatabase({ databaseUrl: database.url, poolMax: 1 });
  const tokens = {} as TestNode['tokens'];
  for (const role of [Role.MEMBER, Role.STEWARD, Role.ADMIN]) {
    tokens[role] = (await createToken(setup.em.fork(), `test ${role}`, role)).token;
  }
  await setup.close(true);

  const node = await startCommunityNode(
    {
      slug,
      name,
      host: '127.0.0.1',
      port: options.port ?? 0,
      databaseUrl: database.url,
      dataDir: '',
      logLevel: 'silent',
      feedPingUrls: options.feedPingUrls,
      gatewayUrl: options.gatewayUrl,
    },
    {
      logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      onQuery: (sql) => statements.push(sql),
    },
  );
  const auth = (role?: keyof TestNode['tokens'] | null): Record<string, string> =>
    role ? { authorization: `Bearer ${tokens[role]}` } : {};

  return {
    slug,
    node,
    database,
    tokens,
    statements,
    publicQuery: (query, variables) => graphql(node.publicUrl, query, variables),
    publicOk: (query, variables) => ok(node.publicUrl, query, variables),
    admin: (query, variables, role = 'admin') => graphql(node.adminUrl, query, variables, auth(role)),
    adminOk: (query, variables, role = 'admin') => ok(node.adminUrl, query, variables, auth(role)),
    async countStatements(work) {
      const before = statements.length;
      await work();
      return statements
        .slice(before)
        .filter((line) => SQL_STATEMENT.test(line) && !/\b(begin|commit)\b/i.test(line)).length;
    },
    async stop() {
      await node.stop();
      await database.drop();
    },
  };
}
