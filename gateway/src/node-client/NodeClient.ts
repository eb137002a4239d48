import { Agent, request } from 'undici';
import { CircuitBreaker } from './breaker';

/** Why a node did not answer; becomes a NODE_UNAVAILABLE error naming the community. */
export class NodeUnavailableError extends Error {
  constructor(
    readonly slug: string,
    readonly reason: string,
  ) {
    super(`Community node "${slug}" is unavailable: ${reason}`);
  }
}

export interface NodeClientOptions {
  timeoutMs: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  agent: Agent;
  /** Observes every HTTP request sent to a node (benchmarks and tests count them). */
  onRequest?: (slug: string, operation: string, query: string) => void;
}

/**
 * A node's GraphQL answer to an operation it executed. `data` is null when an error in a
 * non-null root field nulled it; such errors carry the `path` of the field that failed.
 */
export interface NodeResult {
  data: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

const RETRYABLE = /ECONNRESET|ECONNREFUSED|EPIPE|UND_ERR_SOCKET|other side closed/i;

/** One node's client: keep-alive pool, per-request timeout, one retry for reads, a circuit breaker. */
export class NodeClient {
  readonly breaker: CircuitBreaker;
  lastLatencyMs: number | null = null;

  constructor(
    readonly slug: string,
    readonly url: string,
    private readonly options: NodeClientOptions,
  ) {
    this.breaker = new CircuitBreaker(options.breakerThreshold, options.breakerCooldownMs);
  }

  /**
   * Sends one read-only operation and returns what the node executed: data and field errors.
   * Throws NodeUnavailableError when it executed nothing (unreachable, timeout, not GraphQL,
   * request refused as a whole).
   */
  async send(operation: string, query: string, variables: Record<string, unknown> = {}): Promise<NodeResult> {
    if (this.breaker.isOpen) {
      throw new NodeUnavailableError(this.slug, `skipped after ${this.breaker.consecutiveFailures} consecutive failures`);
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
      const reason = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError'
        ? `no answer within ${this.options.timeoutMs} ms`
        : (error as Error).message;
      throw new NodeUnavailableError(this.slug, reason);
    }
  }

  /** A health probe: bypasses the breaker, and any success closes it. */
  async probe<T>(query: string): Promise<T> {
    try {
      const { data, errors } = await this.attempt('NodeProbe', query, {});
      if (errors?.length || !data) throw new NodeUnavailableError(this.slug, `answered with errors: ${(errors ?? []).map((e) => e.message).join('; ')}`);
      this.breaker.success();
      return data as T;
    } catch (error) {
      if (error instanceof NodeUnavailableError) throw error;
      throw new NodeUnavailableError(this.slug, (error as Error).message);
    }
  }

  private async attempt(operation: string, query: string, variables: Record<string, unknown>): Promise<NodeResult> {
    this.options.onRequest?.(this.slug, operation, query);
    const started = performance.now();
    const response = await request(this.url, {
      method: 'POST',
      dispatcher: this.options.agent,
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query, variables, operationName: operation }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.body.text();
    this.lastLatencyMs = Math.round((performance.now() - started) * 10) / 10;
    let result: Partial<NodeResult>;
    try {
      result = JSON.parse(text) as Partial<NodeResult>;
    } catch {
      throw new NodeUnavailableError(this.slug, `HTTP ${response.statusCode}, not a GraphQL response`);
    }
    const executed = result.data || result.errors?.some((e) => e.path?.length);
    if (!executed) {
      const message = result.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.statusCode} without data`;
      throw new NodeUnavailableError(this.slug, `answered with errors: ${message}`);
    }
    return { data: result.data ?? null, errors: result.errors };
  }
}
