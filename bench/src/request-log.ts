import type { LoggedRequest } from './servers/stub-nodes';

/**
 * What one query cost the nodes, from the stub process's log of it. A request's resolution level is
 * one more than the level of the requests it waited for: for each id it asks about, the request that
 * first answered that id (if that answer came before it arrived); for a request that asks about no
 * such id (a report's next call), the node's own earlier request that ended before it arrived. The
 * slowest node path is the sum over levels of the longest time a node took at that level, measured
 * at the stub from arrival to answer (so the stub's own work is on the nodes' side; an unanswered
 * request counts as `timeoutMs`).
 */
export interface QueryCost {
  requests: number;
  touchedNodes: number;
  meanPerNode: number;
  maxPerNode: number;
  levels: number;
  duplicateKeys: number;
  slowestPathMs: number;
}

export function queryCost(log: readonly LoggedRequest[], timeoutMs: number): QueryCost {
  const requests = [...log].sort((a, b) => a.arrival - b.arrival);
  const level = new Array<number>(requests.length).fill(1);
  // id → the request whose answer held it first.
  const origin = new Map<string, number>();
  [...requests.keys()]
    .filter((i) => requests[i].end !== null)
    .sort((a, b) => requests[a].end! - requests[b].end!)
    .forEach((i) => {
      for (const id of requests[i].resultIds) if (!origin.has(id)) origin.set(id, i);
    });
  const bySlug = new Map<string, number[]>();
  requests.forEach((request, i) => {
    const ended = (j: number) => requests[j].end !== null && requests[j].end! <= request.arrival;
    const waitedFor = request.argIds
      .map((id) => origin.get(id))
      .filter((j): j is number => j !== undefined && j !== i && ended(j));
    if (!waitedFor.length) waitedFor.push(...(bySlug.get(request.slug) ?? []).filter(ended));
    for (const j of waitedFor) level[i] = Math.max(level[i], level[j] + 1);
    (bySlug.get(request.slug) ?? bySlug.set(request.slug, []).get(request.slug)!).push(i);
  });
  const longest = new Map<number, number>();
  requests.forEach((request, i) => {
    const took = request.answered && request.end !== null ? request.end - request.arrival : timeoutMs;
    longest.set(level[i], Math.max(longest.get(level[i]) ?? 0, Math.min(took, timeoutMs)));
  });
  const perNode = [...bySlug.values()].map((list) => list.length);
  return {
    requests: requests.length,
    touchedNodes: bySlug.size,
    meanPerNode: perNode.length ? requests.length / bySlug.size : 0,
    maxPerNode: perNode.length ? Math.max(...perNode) : 0,
    levels: requests.length ? Math.max(...level) : 0,
    duplicateKeys: requests.reduce((sum, r) => sum + r.duplicateKeys, 0),
    slowestPathMs: [...longest.values()].reduce((sum, t) => sum + t, 0),
  };
}
