import type { EntityManager } from '@mikro-orm/postgresql';
import { formatGlobalId } from '@commons-graph/schema';
import type { ClientBase } from 'pg';
import { ChangeKind } from '../entities/enums';

/**
 * The one way to append to the change feed (docs/feed-protocol.md). Every writer of public data
 * calls it in the transaction that writes the data: the admin services through the ORM, the
 * seeders and the demo through a pg client.
 */
export interface Change {
  kind: ChangeKind;
  /** The entity's public id (`<slug>:<local>`; the slug for the community profile). */
  entityId: string;
}

/**
 * One statement: takes `n` sequence numbers from the counter row (its row lock makes concurrent
 * writers wait, so events commit in seq order and the feed has no gap) and inserts the events.
 * `param` is the driver's placeholder for the changes as a JSON array of [kind, entityId].
 */
const APPEND = (param: (n: number) => string) => `with allocated as (
    update feed_state set seq = seq + jsonb_array_length(${param(1)}::jsonb) returning seq),
  inserted as (
    insert into feed_event (seq, at, kind, entity_id)
    select allocated.seq - jsonb_array_length(${param(2)}::jsonb) + c.n, now(), (c.change->>0)::change_kind, c.change->>1
    from allocated, jsonb_array_elements(${param(3)}::jsonb) with ordinality as c(change, n)
    returning seq)
  select max(seq)::int as head from inserted`;
const APPEND_ORM = APPEND(() => '?');
const APPEND_PG = APPEND((n) => `$${n}`);

/** Transactions that appended, by the ORM's transaction object: the commit hook pings with their head. */
const appendedHeads = new WeakMap<object, number>();

const asJson = (changes: readonly Change[]) => JSON.stringify(changes.map((c) => [c.kind, c.entityId]));

/** Appends `changes`, in order, in the transaction `em` runs in (it must run in one). */
export async function appendChanges(em: EntityManager, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const transaction = em.getTransactionContext();
  if (!transaction) throw new Error('appendChanges must run in the transaction that writes the change');
  const json = asJson(changes);
  const [{ head }] = await em.execute<Array<{ head: number }>>(APPEND_ORM, [json, json, json]);
  appendedHeads.set(transaction, head);
}

export function appendChange(em: EntityManager, kind: ChangeKind, entityId: string): Promise<void> {
  return appendChanges(em, [{ kind, entityId }]);
}

/** Appends the change of an entity of community `slug`, named by its local id. */
export function appendOwnChange(
  em: EntityManager,
  slug: string,
  kind: ChangeKind,
  localId: string,
): Promise<void> {
  return appendChange(em, kind, formatGlobalId(slug, localId));
}

/** The same append on a pg client, which must be inside `begin` … `commit` (see inTransaction). */
export async function appendChangesWith(client: ClientBase, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const json = asJson(changes);
  await client.query(APPEND_PG, [json, json, json]);
}

/** The head a committed ORM transaction appended up to, if it appended anything. */
export function headAppendedBy(transaction: unknown): number | undefined {
  // knex's transaction objects are functions.
  const keyable = typeof transaction === 'object' || typeof transaction === 'function';
  return transaction && keyable ? appendedHeads.get(transaction) : undefined;
}
