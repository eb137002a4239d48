import type { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Pool, request } from 'undici';
import { latencies, type Latencies } from './stats';

/**
 * Load generators. Throughput: autocannon at N connections. Latency at a fixed rate: an open-loop
 * schedule over an undici pool (autocannon's `overallRate` sends each connection's quota in a burst
 * at the start of every second, so its latencies are those of a burst, not of a steady rate).
 * Every generator fails on a non-200 answer; `checkAnswer` fails on GraphQL errors.
 */
export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

const HEADERS = { 'content-type': 'application/json' };

/**
 * A body that carries GraphQL errors: under load a gateway can answer 200 with errors only (a node
 * timed out, a breaker opened), and timing those answers is meaningless. Escaped inside a string
 * value, the key could not appear unescaped.
 */
const hasErrors = (body: string | Buffer | undefined) => String(body ?? '').includes('"errors":[');
const withoutErrors = (body: string | Buffer | undefined) => !hasErrors(body);

export interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** One request, answered with 200 and no GraphQL errors (or only errors `allow` accepts). */
export async function checkAnswer(
  url: string,
  body: GraphQLRequest,
  allow: (error: GraphQLError) => boolean = () => false,
): Promise<Record<string, unknown>> {
  const response = await request(url, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
  const text = await response.body.text();
  if (response.statusCode !== 200)
    throw new Error(`${url} answered HTTP ${response.statusCode}: ${text.slice(0, 500)}`);
  const result = JSON.parse(text) as { data?: Record<string, unknown>; errors?: GraphQLError[] };
  const errors = (result.errors ?? []).filter((error) => !allow(error));
  if (errors.length) throw new Error(`${url} answered with errors: ${JSON.stringify(errors).slice(0, 800)}`);
  if (!result.data) throw new Error(`${url} answered without data`);
  return result.data;
}

export interface Throughput {
  requests: number;
  seconds: number;
  rps: number;
}

/** One autocannon run; `onResponse` sees each response, and the first answer with errors is kept. */
function cannon(
  options: autocannon.Options,
  allowErrors: boolean,
  onResponse?: (statusCode: number, responseTime: number) => void,
): Promise<{ result: autocannon.Result; firstError?: string }> {
  let firstError: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { ...options, headers: HEADERS, ...(allowErrors ? {} : { verifyBody: withoutErrors }) },
      (error, result) => (error ? reject(error) : resolve({ result, firstError })),
    );
    // Emitted by autocannon for each answer verifyBody rejects; not in its type definitions.
    (instance as unknown as EventEmitter).on(
      'reqMismatch',
      (body: unknown) => (firstError ??= String(body).slice(0, 400)),
    );
    if (onResponse)
      instance.on('response', (_client, statusCode, _bytes, responseTime) =>
        onResponse(statusCode, responseTime),
      );
  });
}

function failures(
  url: string,
  what: string,
  result: autocannon.Result,
  non200: number,
  firstError?: string,
): Error | undefined {
  if (!non200 && !result.mismatches && !result.errors && !result.timeouts) return undefined;
  return new Error(
    `${url} ${what}: ${non200} non-200 answers, ${result.mismatches} answers with GraphQL errors` +
      `${firstError ? ` (first: ${firstError})` : ''}, ${result.errors} connection errors, ${result.timeouts} timeouts`,
  );
}

/**
 * As many requests as `connections` keep-alive connections complete in `seconds`; every answer
 * must be a 200 without GraphQL errors (unless `allowErrors`).
 */
export async function throughput(
  url: string,
  body: GraphQLRequest,
  connections: number,
  seconds: number,
  allowErrors = false,
): Promise<Throughput> {
  const { result, firstError } = await cannon(
    { url, method: 'POST', connections, duration: seconds, body: JSON.stringify(body) },
    allowErrors,
  );
  const failed = failures(url, `under load (${connections} connections)`, result, result.non2xx, firstError);
  if (failed) throw failed;
  const requests = result.requests.total;
  return { requests, seconds: result.duration, rps: requests / result.duration };
}

/** Each response time of `amount` requests sent one after another on one connection, in order. */
export async function sequential(
  url: string,
  body: GraphQLRequest,
  amount: number,
  allowErrors = false,
): Promise<Latencies & { times: number[] }> {
  const times: number[] = [];
  let non200 = 0;
  const { result, firstError } = await cannon(
    { url, method: 'POST', connections: 1, amount, timeout: 60, body: JSON.stringify(body) },
    allowErrors,
    (statusCode, responseTime) => (statusCode === 200 ? times.push(responseTime) : non200++),
  );
  const failed = failures(url, `in ${amount} sequential requests`, result, non200, firstError);
  if (failed) throw failed;
  return { ...latencies(times), times };
}

export interface FixedRate extends Latencies {
  rate: number;
  achievedRate: number;
}

/**
 * Requests sent at a steady `rate` for `seconds`, each on schedule whether or not earlier ones
 * have answered (open loop); the pool is large enough that none waits for a connection.
 */
export async function fixedRate(
  url: string,
  body: GraphQLRequest,
  rate: number,
  seconds: number,
  allowErrors = false,
): Promise<FixedRate> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 128, pipelining: 1, keepAliveTimeout: 30_000 });
  const payload = JSON.stringify(body);
  const times: number[] = [];
  const failures: string[] = [];
  const one = async () => {
    const started = performance.now();
    try {
      const response = await pool.request({
        path: target.pathname,
        method: 'POST',
        headers: HEADERS,
        body: payload,
      });
      const text = await response.body.text();
      if (response.statusCode !== 200) failures.push(`HTTP ${response.statusCode}`);
      else if (!allowErrors && hasErrors(text)) failures.push(`GraphQL errors: ${text.slice(0, 300)}`);
      else times.push(performance.now() - started);
    } catch (error) {
      failures.push((error as Error).message);
    }
  };
  try {
    const total = Math.max(1, Math.round(rate * seconds));
    const interval = 1000 / rate;
    const pending: Array<Promise<void>> = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + i * interval - performance.now();
      if (wait > 0.5) await sleep(wait);
      pending.push(one());
    }
    await Promise.all(pending);
    const elapsed = (performance.now() - start) / 1000;
    if (failures.length)
      throw new Error(`${url}: ${failures.length} of ${total} requests failed at ${rate}/s (${failures[0]})`);
    return { ...latencies(times), rate, achievedRate: total / elapsed };
  } finally {
    await pool.close();
  }
}
