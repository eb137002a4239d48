// The shared test harness: every package's tests and test/*.test.ts import it as @commons-graph/testing.
export * from './browser';
export * from './commons';
export * from './databases';
export * from './fake-node';
export * from './fixtures';
export * from './graphql';
export * from './hostile-node';
export * from './image-build';
export * from './nodes';
export * from './operation-generator';
export * from './web-pages';
export * from './feed-fixtures';
export * from './feed-node';
export * from './indexed-gateway';
export * from './restartable-node';
export * from './lineage-reference';
export * from './lineage-walks';
