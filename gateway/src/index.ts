export {
  readGatewayConfig,
  parseNodesList,
  GATEWAY_ENV_VARS,
  CLIENT_LIMIT_DEFAULTS,
  SYNC_DEFAULTS,
  DEFAULT_COMMONS_SOURCE,
  ConfigError,
  type GatewayConfig,
  type NodeEntry,
  type ClientLimitsConfig,
  type IndexConfig,
} from './config';
export { startGateway, buildCommonsSchema, type RunningGateway, type GatewayOptions } from './server';
export { Registry, type RegisteredNode, type NodeState } from './registry/Registry';
export { errorPropagated } from './execution/compiled';
export { CommonsIndex, type SyncState } from './commons-index/CommonsIndex';
export { KIND_TABLES } from './commons-index/tables';
export { SyncWorker } from './sync/SyncWorker';
export { PINGS_PER_MINUTE } from './sync/ping';
export { untilSynced, isSynced, NotSyncedError } from './sync/until-synced';
export { indexLineage } from './commons-index/reads/lineage';
export { Followed } from './commons-index/reads/followed';
export { lineage, LINEAGE_MAX_NODES } from './resolvers/lineage';
export { ArtifactLoader, type Loaders } from './loaders';
export type { NodeArtifact } from './node-client/types';
