import { isValidSlug } from '@commons-graph/schema';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** What `POST /feed/ping` answers: an HTTP status and a JSON body. */
export interface PingAnswer {
  status: number;
  body: string;
}

/** Pings a community may send per minute; more are refused (a ping only says "pull now", and pulls coalesce). */
export const PINGS_PER_MINUTE = 60;

const answer = (status: number, message: string, code: string, extra: object = {}): PingAnswer => ({
  status,
  body: JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }),
});

/** Why a ping body is not `{ community, head }`, or null when it is. */
export function pingProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'A ping is a JSON object { community, head }';
  const { community, head, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) return `A ping has only community and head, not ${JSON.stringify(extra[0].slice(0, 40))}`;
  if (typeof community !== 'string' || !isValidSlug(community)) return 'A ping names its community by slug';
  if (!Number.isSafeInteger(head) || (head as number) < 0)
    return 'A ping gives its head as a whole number ≥ 0';
  return null;
}

/**
 * The ping endpoint's work: a valid ping from a community asks for a pull (its head is not
 * believed: the pull reads from the index's own cursor), an unknown community is ignored, and each
 * community is held to PINGS_PER_MINUTE.
 */
export function pingHandler(
  pinged: (community: string) => Promise<unknown>,
): (body: unknown) => Promise<PingAnswer> {
  const limiter = new RateLimiterMemory({ points: PINGS_PER_MINUTE, duration: 60, keyPrefix: 'ping' });
  return async (body) => {
    const problem = pingProblem(body);
    if (problem) return answer(400, problem, 'BAD_REQUEST');
    const { community } = body as { community: string };
    try {
      await limiter.consume(community);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      return answer(429, `Too many pings from "${community}"`, 'RATE_LIMITED', { retryAfterSeconds });
    }
    await pinged(community);
    return { status: 202, body: JSON.stringify({ accepted: true }) };
  };
}
