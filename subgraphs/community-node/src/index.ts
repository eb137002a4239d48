export * from './config';
export { startCommunityNode, type RunningNode, type StartOptions } from './server';
export { buildPublicSchema, printPublicSdl } from './public/schema';
export { createToken, hashToken } from './auth/tokens';
export { openDatabase } from './database/orm';
export { ChangeKind, Role } from './entities/enums';
export { appendChangesWith, type Change } from './feed/outbox';
export { seedLinks, seedPublishedArtifacts, type SeedArtifact, type SeedLinks } from './database/seed';
export { inTransaction } from './database/transaction';
