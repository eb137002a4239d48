import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import {
  apolloLogger,
  loggableError,
  requestErrorAnswer,
  wellFormedStringsPlugin,
  withSafeErrors,
} from '@commons-graph/schema';
import type { MikroORM, PostgreSqlConnection } from '@mikro-orm/postgresql';
import cors from 'cors';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { buildAdminSchema } from './admin/schema';
import type { AdminContext } from './admin/context';
import { authenticate } from './auth/tokens';
import type { NodeConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@commons-graph/postgres';
import { openDatabase } from './database/orm';
import { openPublicConnection } from './database/public-connection';
import { FeedPinger, pingAfterCommits } from './feed/pings';
import { formatError } from './graphql/format-error';
import { queryLimits } from './graphql/limits';
import { ensureProfile, nodeIdentity, type NodeIdentity } from './identity';
import { createLogger, type Logger } from './logger';
import { createPublicContext, type PublicContext } from './public/context';
import { PublishedStore } from './public/published-store';
import { buildPublicSchema } from './public/schema';

export interface StartOptions {
  logger?: Logger;
  /** Receives every SQL statement; tests count them. */
  onQuery?: (sql: string) => void;
}

export interface RunningNode {
  identity: NodeIdentity;
  url: string;
  publicUrl: string;
  adminUrl: string;
  orm: MikroORM;
  stop(): Promise<void>;
}

function requestErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const answer = requestErrorAnswer(error);
    if (answer.unexpected) logger.error({ err: loggableError(error) }, 'request failed before GraphQL');
    if (res.headersSent) return void res.destroy();
    res.status(answer.status).type('application/json').send(answer.body);
  };
}

function apollo<T extends BaseContext>(schema: GraphQLSchema, httpServer: Server, logger: Logger) {
  const limits = queryLimits();
  return new ApolloServer<T>({
    schema,
    logger: apolloLogger(logger),
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // The process owns signal handling: one clean shutdown for every server it runs.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Cache control and (on request) inline tracing hook every field resolution; no schema field has a
    // cache hint and no client of ours reads traces, so they cost CPU per field for nothing.
    plugins: [
      ...limits.plugins,
      wellFormedStringsPlugin<T>(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
    formatError: formatError(logger),
  });
}

/** Starts a community node: database (embedded unless DATABASE_URL), migrations, both APIs. */
export async function startCommunityNode(
  config: NodeConfig,
  options: StartOptions = {},
): Promise<RunningNode> {
  const logger = withSafeErrors(
    (options.logger ?? createLogger(config.logLevel)).child({ community: config.slug }),
  );
  let embedded: EmbeddedDatabase | undefined;
  const databaseUrl = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
  if (embedded) logger.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');

  let orm: MikroORM | undefined;
  let publicConnection: PostgreSqlConnection | undefined;
  try {
    orm = await openDatabase({ databaseUrl, onQuery: options.onQuery });
    publicConnection = await openPublicConnection(orm, { databaseUrl });
    const pinger = new FeedPinger({ urls: config.feedPingUrls ?? [], community: config.slug, logger });
    pingAfterCommits(orm, pinger);
    const identity = nodeIdentity(config.slug);
    await ensureProfile(orm.em, config.slug, config.name);

    const app = express();
    const httpServer = createServer(app);
    const [publicSchema, adminSchema] = await Promise.all([buildPublicSchema(), buildAdminSchema()]);
    const publicServer = apollo<PublicContext>(publicSchema, httpServer, logger);
    const adminServer = apollo<AdminContext>(adminSchema, httpServer, logger);
    await Promise.all([publicServer.start(), adminServer.start()]);

    const em = orm.em;
    const publishedStore = new PublishedStore(publicConnection, identity.slug);
    app.disable('x-powered-by');
    app.get('/healthz', (_req, res) => {
      res.json({ status: 'ok', community: identity.slug });
    });
    app.get('/.well-known/commons-node', (_req, res) => {
      res.json({ community: identity.slug, software: identity.software, endpoints: { graphql: '/graphql' } });
    });
    // What the cache control plugin said of every answer: never store it.
    app.use(['/graphql', '/admin/graphql'], (_req, res, next) => {
      res.setHeader('cache-control', 'no-store');
      next();
    });
    app.use(
      '/graphql',
      cors(),
      express.json({ limit: '1mb' }),
      expressMiddleware(publicServer, { context: async () => createPublicContext(publishedStore, identity) }),
    );
    app.use(
      '/admin/graphql',
      express.json({ limit: '2mb' }),
      expressMiddleware(adminServer, {
        context: async ({ req }) => {
          const fork = em.fork();
          const principal = await authenticate(fork, req.headers.authorization, config.adminToken);
          return { identity, em: fork, principal };
        },
      }),
    );

    // A body that is not JSON or is too large: a GraphQL-shaped answer, never Express's HTML page.
    app.use(['/graphql', '/admin/graphql'], requestErrorHandler(logger));

    await new Promise<void>((resolveListen, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolveListen());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    logger.info({ url: `${url}/graphql`, admin: `${url}/admin/graphql` }, 'community node ready');

    const openOrm = orm;
    const openPublic = publicConnection;
    let stopped: Promise<void> | undefined;
    return {
      identity,
      url,
      publicUrl: `${url}/graphql`,
      adminUrl: `${url}/admin/graphql`,
      orm,
      stop: () =>
        (stopped ??= (async () => {
          await Promise.all([publicServer.stop(), adminServer.stop()]);
          pinger.stop();
          await openPublic.close(true);
          await openOrm.close(true);
          await embedded?.stop();
          logger.info('community node stopped');
        })()),
    };
  } catch (error) {
    await publicConnection?.close(true).catch(() => undefined);
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
