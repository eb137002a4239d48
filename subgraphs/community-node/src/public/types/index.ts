export * from './Artifact';
export * from './Community';
export * from './Licence';
export * from './Links';
export * from './Practice';
export * from './Provenance';
export * from './PublishedVersion';
export * from './ChangeFeed';
