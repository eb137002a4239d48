export { readGatewayConfig, parseNodesList, GATEWAY_ENV_VARS, ConfigError, type GatewayConfig, type NodeEntry } from './config';
export { startGateway, buildCommonsSchema, type RunningGateway, type GatewayOptions } from './server';
export { Registry, type RegisteredNode, type NodeState } from './registry/Registry';
export * from './reports/render';
export { fetchReport, renderReport, type ReportFormat, type ReportRequest } from './reports/client';
export { errorPropagated } from './execution/compiled';
