import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  apolloLogger,
  loggableError,
  parseLimits,
  queryLimitOptions,
  readCommonsSchema,
  wellFormedStringsPlugin,
  withSafeErrors,
} from '@commons-graph/schema';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { EXPLORER_PAGES, pagesHandler } from '@commons-graph/web';
import pino, { type Logger } from 'pino';
import { CommonsIndex } from './commons-index/CommonsIndex';
import {
  DEFAULT_COMMONS_SOURCE,
  IDLE_COLLECT_DEFAULT_MS,
  SYNC_DEFAULTS,
  type GatewayConfig,
  type IndexConfig,
  type NodeEntry,
} from './config';
import { createContext, type GatewayContext } from './context';
import { collectWhenIdle } from './idle-collection';
import { routes } from './http/routes';
import { compiledExecution } from './execution/compiled';
import { clientOf } from './limits/client-identity';
import { clientLimitsPlugin } from './limits/client-limits';
import { partialResultsPlugin } from './partial-results';
import { INDEX_KEEP_ALIVE_MS, Registry } from './registry/Registry';
import { IndexNodeList } from './registry/shared-list';
import { indexSource } from './commons-index/reads/source';
import type { CommonsSource } from './reads';
import { createResolvers } from './resolvers';
import { staleResultsPlugin } from './stale-results';
import { pingHandler } from './sync/ping';
import { SyncWorker } from './sync/SyncWorker';

export interface RunningGateway {
  url: string;
  graphqlUrl: string;
  registry: Registry;
  /** The Commons index and its follower, when the configuration keeps one. */
  index?: CommonsIndex;
  sync?: SyncWorker;
  /** The index's followed nodes, the list of nodes every replica serves. */
  nodeList?: IndexNodeList;
  /**
   * Resolves once every configured node was probed: at once, unless the gateway answers from an index
   * that already holds the nodes, which listens first and probes after.
   */
  probed: Promise<void>;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  logger?: Logger;
  /** Observes every request sent to a node: (slug, operation, query text). */
  onNodeRequest?: (slug: string, operation: string, query: string) => void;
}

/** The Commons schema as served: schema/commons.graphql with the gateway's resolvers. */
export function buildCommonsSchema(adminToken?: string): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: readCommonsSchema(),
    resolvers: createResolvers(adminToken) as never,
  });
}

function maskUnexpected(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      logger.error({ err: loggableError(error), path: formatted.path }, 'unexpected error');
      return {
        message: 'Internal server error',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    return formatted;
  };
}

/** The follower of every registered node's feed; its first pass runs in the background. */
async function followNodes(
  index: CommonsIndex,
  registry: Registry,
  config: IndexConfig,
  logger: Logger,
  firstPass: boolean,
): Promise<SyncWorker> {
  const sync = new SyncWorker(
    index,
    registry,
    {
      intervalMs: config.syncIntervalMs,
      backoffMs: config.syncBackoffMs,
      backoffCapMs: config.syncBackoffCapMs,
      pageSize: config.syncPageSize,
      analyzeAfterEvents: config.analyzeAfterEvents,
    },
    logger,
  );
  registry.follower = sync;
  await sync.start({ firstPass });
  return sync;
}

/**
 * The configured nodes an index-served gateway may register unprobed: those the index has synced
 * at the same URL, so it answers for them at once. The live path needs every node checked first.
 */
async function alreadyIndexed(config: GatewayConfig, index: CommonsIndex | undefined) {
  if (!index) return [];
  const synced = await index.synced();
  return config.nodes.filter(
    (entry): entry is Required<typeof entry> => !!entry.slug && synced.get(entry.slug) === entry.url,
  );
}

/**
 * Starts the gateway: registry (checks every configured node), Commons schema, HTTP server. Served
 * from an index that already holds a node, the gateway listens before probing it.
 */
export async function startGateway(
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<RunningGateway> {
  // Errors are logged by name, code and stack only: their messages and bodies may hold values.
  const logger = withSafeErrors(options.logger ?? pino({ level: config.logLevel, base: undefined }));
  if (config.source === 'index' && !config.index)
    throw new Error('COMMONS_SOURCE=index needs the Commons index (DATABASE_URL or DATA_DIR)');
  const index = config.index ? await CommonsIndex.open(config.index) : undefined;
  // Where Commons queries are answered from: the index, unless configured live or kept without one.
  const servedFromIndex = (config.source ?? DEFAULT_COMMONS_SOURCE) === 'index' && !!index;
  const registry = new Registry(config, logger, servedFromIndex ? INDEX_KEEP_ALIVE_MS : undefined);
  registry.onRequest = options.onNodeRequest;
  const unprobed = await alreadyIndexed(config, servedFromIndex ? index : undefined);
  registry.enlist(unprobed);
  const enlisted = new Set<NodeEntry>(unprobed);
  await registry.start(config.nodes.filter((entry) => !enlisted.has(entry)));
  const sync =
    index && config.index
      ? await followNodes(index, registry, config.index, logger, !unprobed.length)
      : undefined;
  // The configured nodes are listed now; the index's list adds those registered on any replica.
  const nodeList = index
    ? new IndexNodeList(
        index,
        registry,
        config.index?.registryReloadMs ?? SYNC_DEFAULTS.registryReloadMs,
        logger,
      )
    : undefined;
  await nodeList?.start();
  // The live path's modules load only when it is chosen: an index-served gateway never asks nodes.
  const source: CommonsSource =
    servedFromIndex && index
      ? indexSource(index, registry, config.index?.freshnessMs ?? SYNC_DEFAULTS.freshnessMs)
      : (await import('./live/source.js')).liveSource;

  const httpServer = createServer();
  // The index's garbage is collected once idle; the live path's steady work is left to V8.
  const idle = servedFromIndex
    ? collectWhenIdle(
        httpServer,
        config.idleCollectMs ?? IDLE_COLLECT_DEFAULT_MS,
        () => registry.probingAll || (sync?.busy ?? false),
        logger,
      )
    : undefined;
  // Lineage and report queries nest deeper than a node's, so depth and cost are higher here.
  const armor = new ApolloArmor(queryLimitOptions({ maxDepth: 15, maxCost: 50_000 })).protect();
  const schema = buildCommonsSchema(config.adminToken);
  const server = new ApolloServer<GatewayContext>({
    // Compiled execution does the same work in about two thirds of the CPU time (BENCHMARKS.md).
    ...(config.execution === 'interpreted' ? { schema } : { gateway: compiledExecution(schema) }),
    logger: apolloLogger(logger),
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // The process owns signal handling: one clean shutdown for every server it runs.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    parseOptions: parseLimits,
    plugins: [
      ...armor.plugins,
      wellFormedStringsPlugin<GatewayContext>(),
      partialResultsPlugin,
      staleResultsPlugin,
      clientLimitsPlugin(config.limits, { nodes: () => registry.participantSlugs().length }),
      // The Commons sets no cache hints; Apollo's default plugin would wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
    formatError: maskUnexpected(logger),
  });
  await server.start();

  httpServer.on(
    'request',
    routes({
      graphqlPath: '/graphql',
      server,
      context: async (req) =>
        createContext(
          registry,
          logger,
          req.headers.authorization,
          clientOf(req, config.limits?.trustProxy ?? 0),
          source,
        ),
      corsOrigins: config.corsOrigins,
      health: () => ({
        status: 'ok',
        nodes: registry.all().map((n) => ({ slug: n.slug, status: n.status })),
      }),
      onError: (error) => logger.warn({ err: error }, 'request failed before GraphQL'),
      pages: pagesHandler({
        app: 'explorer',
        base: '/',
        title: 'Commons explorer',
        pages: EXPLORER_PAGES,
        shellCache: 'no-cache',
      }),
      ping: sync
        ? pingHandler((slug) =>
            sync
              .pinged(slug)
              .catch((error: unknown) => logger.error({ err: error, community: slug }, 'ping not followed')),
          )
        : undefined,
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  // Pulls wait for the probes: a node found incompatible is not followed.
  const probed = unprobed.length ? registry.probeAll().then(() => void sync?.pass()) : Promise.resolve();
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info(
    { url: `${url}/graphql`, nodes: registry.all().map((n) => `${n.slug}:${n.status}`) },
    'gateway ready',
  );

  let stopped: Promise<void> | undefined;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    registry,
    index,
    sync,
    nodeList,
    probed,
    stop: () =>
      (stopped ??= (async () => {
        idle?.stop();
        // The sync stops first, at once: a lock session the database ends from here on (a Ctrl-C
        // reaches PostgreSQL too) is the shutdown's, not a lost lock to warn about.
        const syncStopped = sync?.stop();
        await server.stop();
        await nodeList?.stop();
        await syncStopped;
        // Probes still running fail at once on the closed agent: stopping waits for the ones in
        // flight, not for a thousand unreachable nodes' timeouts.
        await registry.stop();
        await probed;
        await index?.close();
        logger.info('gateway stopped');
      })()),
  };
}
