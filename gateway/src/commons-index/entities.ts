import { EntitySchema } from '@mikro-orm/core';
import { FullTextType } from '@mikro-orm/postgresql';
import { KIND_TABLES, type IndexColumn, type KindTable } from './tables';

/** A node the index follows, and how far it got. */
export interface FollowedNode {
  slug: string;
  url: string;
  /** The node's feed epoch when it was last synced; null before its first page. */
  epoch: string | null;
  /** The last applied seq. */
  cursor: string;
  /** The node's latest seq when it was last asked. */
  head: string;
  lastSyncAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  /** Consecutive failed pulls; 0 after a success. */
  failures: number;
  /** When the follower may ask again after a failure; null when it may ask at once. */
  nextAttemptAt: Date | null;
}

const nullable = (type: string) => ({ type, nullable: true });

export const FollowedNodeSchema = new EntitySchema<FollowedNode>({
  name: 'FollowedNode',
  tableName: 'followed_node',
  properties: {
    slug: { type: 'string', length: 64, primary: true },
    url: { type: 'text' },
    epoch: { type: 'text', nullable: true },
    cursor: { type: 'bigint', default: 0 },
    head: { type: 'bigint', default: 0 },
    lastSyncAt: nullable('datetime'),
    lastAttemptAt: nullable('datetime'),
    lastError: { type: 'text', nullable: true },
    failures: { type: 'integer', default: 0 },
    nextAttemptAt: nullable('datetime'),
  },
});

/** An indexed entity: its public representation as served, and the columns queries use. */
export interface IndexedEntity {
  id: string;
  community: string;
  seq: string;
  doc: Record<string, unknown>;
  [column: string]: unknown;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function propertyOf(column: IndexColumn): Record<string, unknown> {
  if (column.type === 'tsvector') return { type: FullTextType, lazy: true, fieldName: column.name };
  if (column.type === 'text[]') return { type: 'string[]', fieldName: column.name };
  if (column.type === 'timestamptz') return { type: 'datetime', fieldName: column.name };
  if (column.type === 'boolean') return { type: 'boolean', fieldName: column.name };
  return { type: 'text', fieldName: column.name };
}

const entityOf = (table: KindTable) =>
  new EntitySchema<IndexedEntity>({
    name: `Indexed${table.table.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`,
    tableName: table.table,
    properties: {
      id: { type: 'text', primary: true },
      community: { type: 'string', length: 64 },
      seq: { type: 'bigint' },
      doc: { type: 'json' },
      ...Object.fromEntries(table.columns.map((column) => [camel(column.name), propertyOf(column)])),
    } as never,
  });

/** One entity per kind table, by ChangeKind (reads from the index use them). */
export const INDEXED: ReadonlyMap<string, EntitySchema<IndexedEntity>> = new Map(
  KIND_TABLES.map((table) => [table.kind, entityOf(table)]),
);

export const INDEX_ENTITIES = [FollowedNodeSchema, ...INDEXED.values()];
