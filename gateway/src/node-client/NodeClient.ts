import { Agent, request, type Dispatcher } from 'undici';
import { ANSWER_LIMITS, shown } from './answer-check';
import { CircuitBreaker } from './breaker';
import { QueueFullError, Slots } from '../slots';

/** Why a node did not answer; becomes a NODE_UNAVAILABLE error naming the community. */
export class NodeUnavailableError extends Error {
  constructor(
    readonly slug: string,
    readonly reason: string,
  ) {
    super(`Community node "${slug}" is unavailable: ${reason}`);
  }
}

/** The node answered, but not with what it was asked for: its answer may not be read. */
export class NodeAnswerError extends NodeUnavailableError {}

/**
 * The node's answer was too large, or too slow, to be read whole within the limits: asking for less
 * may fit (the follower asks for smaller pages).
 */
export class NodeAskedTooMuchError extends NodeUnavailableError {}

export interface NodeClientOptions {
  timeoutMs: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  agent: Agent;
  /** Requests in flight to this node at once, and how many more may wait for a slot. */
  maxConcurrency?: number;
  maxQueue?: number;
  /** The largest answer read; a node sending more is cut off. */
  maxResponseBytes?: number;
  /** Observes every HTTP request sent to a node (benchmarks and tests count them). */
  onRequest?: (slug: string, operation: string, query: string) => void;
}

/**
 * A node's GraphQL answer to an operation it executed. `data` is null when an error in a
 * non-null root field nulled it; such errors carry the `path` of the field that failed.
 */
export interface NodeResult {
  data: Record<string, unknown> | null;
  errors?: Array<{
    message: string;
    path?: ReadonlyArray<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

export const NODE_CLIENT_DEFAULTS = {
  maxConcurrency: 8,
  maxQueue: 256,
  maxResponseBytes: 16 * 1024 * 1024,
} as const;

const JSON_TYPE = /^application\/(graphql-response\+)?json\s*(;|$)/i;
const MAX_ERRORS = 100;
const MAX_ERROR_MESSAGE = 300;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

/**
 * Whether JSON text nests deeper than `max`, found without parsing (a scan that cannot overflow the
 * stack, and refuses a bracket bomb after `max` characters). It runs on every node answer: strings,
 * most of an answer's bytes, are skipped with indexOf instead of character by character (about a
 * sixth of the time on a page of 50).
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // The closing quote is the next one not escaped by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i < 0) return false;
        let slashes = 0;
        while (text.charCodeAt(i - 1 - slashes) === 92) slashes += 1;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return false;
}

/** GraphQL errors as the gateway reads them: a short message and a path, nothing else the node sent. */
function readErrors(errors: unknown): NodeResult['errors'] | string {
  if (errors === undefined || errors === null) return undefined;
  if (!Array.isArray(errors)) return `errors of type ${kindOf(errors)}`;
  if (errors.length > MAX_ERRORS) return `${errors.length} errors (at most ${MAX_ERRORS})`;
  const read: NonNullable<NodeResult['errors']> = [];
  for (const [i, error] of errors.entries()) {
    if (!isObject(error) || typeof error.message !== 'string') return `errors[${i}] without a message`;
    const { path } = error;
    if (
      path !== undefined &&
      !(
        Array.isArray(path) &&
        path.length <= ANSWER_LIMITS.jsonDepth &&
        path.every((p) => typeof p === 'string' || typeof p === 'number')
      )
    ) {
      return `errors[${i}].path of another shape`;
    }
    read.push({
      message: error.message.slice(0, MAX_ERROR_MESSAGE),
      ...(path ? { path: path as Array<string | number> } : {}),
    });
  }
  return read;
}

const RETRYABLE = /ECONNRESET|ECONNREFUSED|EPIPE|UND_ERR_SOCKET|other side closed/i;

/** One node's client: keep-alive pool, per-request timeout, one retry for reads, a circuit breaker. */
export class NodeClient {
  readonly breaker: CircuitBreaker;
  readonly slots: Slots;
  lastLatencyMs: number | null = null;

  constructor(
    readonly slug: string,
    readonly url: string,
    private readonly options: NodeClientOptions,
  ) {
    this.breaker = new CircuitBreaker(options.breakerThreshold, options.breakerCooldownMs);
    this.slots = new Slots(
      options.maxConcurrency ?? NODE_CLIENT_DEFAULTS.maxConcurrency,
      options.maxQueue ?? NODE_CLIENT_DEFAULTS.maxQueue,
    );
  }

  /**
   * Sends one read-only operation and returns what the node executed: data and field errors.
   * Throws NodeUnavailableError when it executed nothing (unreachable, timeout, not GraphQL,
   * request refused as a whole).
   */
  async send(operation: string, query: string, variables: Record<string, unknown> = {}): Promise<NodeResult> {
    if (this.breaker.isOpen) {
      throw new NodeUnavailableError(
        this.slug,
        `skipped after ${this.breaker.consecutiveFailures} consecutive failures`,
      );
    }
    try {
      const result = await this.attempt(operation, query, variables).catch((error: Error) => {
        // Reads are idempotent: one retry on a dropped connection, none on a timeout.
        if (RETRYABLE.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)) {
          return this.attempt(operation, query, variables);
        }
        throw error;
      });
      this.breaker.success();
      return result;
    } catch (error) {
      this.breaker.failure();
      if (error instanceof NodeUnavailableError) throw error;
      if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError')
        throw new NodeAskedTooMuchError(this.slug, `no answer within ${this.options.timeoutMs} ms`);
      throw new NodeUnavailableError(this.slug, (error as Error).message);
    }
  }

  /** A health probe: bypasses the breaker, and any success closes it. */
  async probe<T>(query: string): Promise<T> {
    try {
      const { data, errors } = await this.attempt('NodeProbe', query, {}, 'answered the probe');
      if (errors?.length || !data)
        throw new NodeUnavailableError(
          this.slug,
          `answered with errors: ${(errors ?? []).map((e) => e.message).join('; ')}`,
        );
      this.breaker.success();
      return data as T;
    } catch (error) {
      if (error instanceof NodeUnavailableError) throw error;
      throw new NodeUnavailableError(this.slug, (error as Error).message);
    }
  }

  /**
   * One HTTP exchange, bounded: a slot among the node's, then headers and the whole body within
   * the timeout, at most maxResponseBytes, JSON of bounded depth, shaped as a GraphQL response.
   */
  private async attempt(
    operation: string,
    query: string,
    variables: Record<string, unknown>,
    answered = 'answered',
  ): Promise<NodeResult> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let release: () => void;
    try {
      release = await this.slots.acquire(signal);
    } catch (error) {
      if (error instanceof QueueFullError)
        throw new NodeUnavailableError(this.slug, `not asked: ${error.message}`);
      throw error;
    }
    try {
      this.options.onRequest?.(this.slug, operation, query);
      const started = performance.now();
      const response = await request(this.url, {
        method: 'POST',
        dispatcher: this.options.agent,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'apollo-require-preflight': 'true',
        },
        body: JSON.stringify({ query, variables, operationName: operation }),
        signal,
      });
      const text = await this.readBody(response, answered);
      this.lastLatencyMs = Math.round((performance.now() - started) * 10) / 10;
      return this.readResult(response.statusCode, text, answered);
    } finally {
      release();
    }
  }

  private async readBody(
    { statusCode, headers, body }: Dispatcher.ResponseData,
    answered: string,
  ): Promise<string> {
    const refuse = (reason: string, Refusal = NodeUnavailableError) => {
      // Destroying an unread body makes undici emit an abort error; nobody else listens for it.
      body.on('error', () => undefined);
      body.destroy();
      return new Refusal(this.slug, `${answered} ${reason}`);
    };
    if (statusCode >= 300 && statusCode < 400) {
      const to = headers.location ? ` to ${shown(String(headers.location))}` : '';
      throw refuse(
        `with a redirect (HTTP ${statusCode}${to}); the gateway asks a node only at its registered URL`,
      );
    }
    const type = String(headers['content-type'] ?? '');
    if (!JSON_TYPE.test(type))
      throw refuse(`HTTP ${statusCode} with content type ${shown(type || 'none')}, not a GraphQL response`);
    const max = this.options.maxResponseBytes ?? NODE_CLIENT_DEFAULTS.maxResponseBytes;
    if (Number(headers['content-length']) > max)
      throw refuse(
        `with ${Number(headers['content-length'])} bytes, more than the ${max} it may send`,
        NodeAskedTooMuchError,
      );
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max) throw refuse(`with more than the ${max} bytes it may send`, NodeAskedTooMuchError);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private readResult(statusCode: number, text: string, answered: string): NodeResult {
    const invalid = (reason: string) => new NodeAnswerError(this.slug, `${answered} with ${reason}`);
    if (nestsDeeperThan(text, ANSWER_LIMITS.jsonDepth))
      throw invalid(`JSON nested deeper than ${ANSWER_LIMITS.jsonDepth} levels`);
    let result: unknown;
    try {
      result = JSON.parse(text);
    } catch {
      throw new NodeUnavailableError(this.slug, `HTTP ${statusCode}, not a GraphQL response`);
    }
    if (!isObject(result)) throw invalid(`a JSON ${kindOf(result)}, not a GraphQL response`);
    const { data } = result;
    if (data !== undefined && data !== null && !isObject(data)) throw invalid(`data of type ${kindOf(data)}`);
    const errors = readErrors(result.errors);
    if (typeof errors === 'string') throw invalid(errors);
    const executed = data || errors?.some((e) => e.path?.length);
    if (!executed) {
      const message = errors?.map((e) => e.message).join('; ') || `HTTP ${statusCode} without data`;
      throw new NodeUnavailableError(this.slug, `${answered} with errors: ${message}`);
    }
    return { data: (data as Record<string, unknown> | undefined) ?? null, errors };
  }
}
