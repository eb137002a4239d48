import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import type { CommonsIndex } from '../commons-index/CommonsIndex';
import { answerCheckIn } from '../node-client/answer-check';
import { NodeAskedTooMuchError, type NodeClient } from '../node-client/NodeClient';
import { nodeContractSchema } from '../node-client/answer-check';
import { changesField, changesOperation } from './feed-query';
import { readPage, type FeedPage } from './page-check';
import { PageSize } from './page-size';

/** Why a pull stopped: a refused page or an answer the feed protocol does not allow. */
export class SyncRefusal extends Error {}

/** What the feed asks and how its answers are checked, built once from the contract. */
const feed = (() => {
  const schema = nodeContractSchema();
  const field = changesField(schema);
  const event = schema.getType('ChangeEvent') as GraphQLObjectType;
  return {
    field,
    operation: changesOperation(field),
    check: answerCheckIn(schema, field),
    members: Object.values(event.getFields())
      .filter((f) => isObjectType(getNamedType(f.type)))
      .map((f) => f.name),
  };
})();

/** The operation a follower sends (tests validate it against the contract). */
export const CHANGES_OPERATION = feed.operation;

export const PAGE_SIZE = 1000;

/**
 * Follows one node's feed from the index's cursor until it has no more: each page checked whole,
 * then applied in one transaction with its new cursor. A new epoch, or a head behind the cursor,
 * purges the node and starts over from 0 (once per pull: a node that keeps changing is refused).
 * A page too large or too slow to read is asked again smaller (`pageSize`, kept across pulls).
 * Returns how many events it applied.
 */
export async function pullFeed(
  index: CommonsIndex,
  slug: string,
  client: NodeClient,
  pageSize = new PageSize(PAGE_SIZE),
): Promise<number> {
  const state = await index.state(slug);
  if (!state) throw new SyncRefusal(`"${slug}" is not followed`);
  let { cursor, epoch } = state;
  let restarted = false;
  let applied = 0;
  for (;;) {
    const variables = { after: cursor, first: pageSize.current };
    let result;
    try {
      result = await client.send(feed.field.label, feed.operation, variables);
    } catch (error) {
      if (error instanceof NodeAskedTooMuchError && pageSize.shrink()) continue;
      throw error;
    }
    if (result.errors?.length || !result.data)
      throw new SyncRefusal(
        `answered changes with errors: ${(result.errors ?? []).map((e) => e.message).join('; ')}`,
      );
    const answer = result.data[feed.field.name];
    const problem = feed.check(answer, { slug, variables });
    if (problem) throw new SyncRefusal(problem);
    const page = answer as FeedPage;
    if (page.epoch !== epoch || page.head < cursor) {
      if (restarted) throw new SyncRefusal(`changed its epoch or went back again while being re-synced`);
      // The first page ever also lands here: no epoch yet, nothing to purge.
      await index.restart(slug, page.epoch, page.head);
      restarted = epoch !== null;
      const askedAfter = cursor;
      [cursor, epoch] = [0, page.epoch];
      if (askedAfter !== 0) continue; // a page after the old cursor: ask again from the start
    }
    const reading = readPage(page, slug, cursor, feed.members);
    if ('refused' in reading) throw new SyncRefusal(reading.refused);
    await index.apply(slug, {
      epoch: page.epoch,
      head: page.head,
      after: cursor,
      cursor: reading.cursor,
      changes: reading.changes,
    });
    applied += reading.changes.length;
    pageSize.fitted();
    if (!page.hasMore) return applied;
    if (reading.cursor === cursor)
      throw new SyncRefusal(`answered changes.hasMore true after ${cursor}, but sent nothing after it`);
    cursor = reading.cursor;
  }
}
