export * from './ids';
export * from './errors';
export * from './licences';
export * from './contract';
export * from './cursors';
export * from './limits';
export * from './collections';
export * from './text';
