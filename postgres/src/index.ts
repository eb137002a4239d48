export { startEmbeddedPostgres, connectForCommand, freePort, type EmbeddedDatabase } from './embedded';
export { createDatabase, databaseUrlOn, type CreatedDatabase, type CreateDatabaseOptions } from './create';
export { findPostmaster, processInfo, stopPostmaster, type Postmaster } from './postmaster';
export { DataDirError } from './access';
export { stopOnSignals, stopStartedOnSignals } from './signals';
