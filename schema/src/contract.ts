import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the printed SDL lives: the contract a node must keep and the schema the gateway serves. */
export const SCHEMA_DIR = join(__dirname, '..');
export const NODE_SDL_PATH = join(SCHEMA_DIR, 'node.graphql');
export const COMMONS_SDL_PATH = join(SCHEMA_DIR, 'commons.graphql');

/** The node contract: the public subgraph SDL every community node serves. */
export function readNodeContract(): string {
  return readFileSync(NODE_SDL_PATH, 'utf8');
}

/** The Commons schema: the one SDL the gateway serves, read at start (no copy lives in code). */
export function readCommonsSchema(): string {
  return readFileSync(COMMONS_SDL_PATH, 'utf8');
}

/** Version of the node protocol; bumped on a breaking change to node.graphql. */
export const NODE_PROTOCOL_VERSION = '1';
