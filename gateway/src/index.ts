export {
  readGatewayConfig,
  parseNodesList,
  GATEWAY_ENV_VARS,
  CLIENT_LIMIT_DEFAULTS,
  ConfigError,
  type GatewayConfig,
  type NodeEntry,
  type ClientLimitsConfig,
} from './config';
export { startGateway, buildCommonsSchema, type RunningGateway, type GatewayOptions } from './server';
export { Registry, type RegisteredNode, type NodeState } from './registry/Registry';
export { errorPropagated } from './execution/compiled';
