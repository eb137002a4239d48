export * from './ids';
export * from './errors';
export * from './licences';
export * from './contract';
export * from './cursors';
export * from './limits';
export * from './collections';
export * from './well-formed-strings';
export * from './log-safety';
export * from './request-errors';
export * from './stray-errors';
// Types generated from the printed SDL by `npm run codegen`; namespaced, as both schemas name an Artifact.
export type * as NodeContract from './generated/node-contract';
export type * as Commons from './generated/commons';
