import { LRUCache } from 'lru-cache';
import { answerProblem } from './answer-check';
import type { NodeField } from './fields';
import { NodeAnswerError, NodeUnavailableError, type NodeClient, type NodeResult } from './NodeClient';

/**
 * Where a node's health is kept (the registry): told of every request once, answered (even if a
 * field was refused) or not, and again of a field whose answer broke the contract.
 */
export interface NodeHealth {
  markAnswered(slug: string): void;
  /** The node is DOWN until it answers well again. */
  markFailed(slug: string, reason: string): void;
}

/** A field the node answered with an error (the rest of its batch may still have answered). */
export class NodeFieldError extends Error {}

interface Entry {
  field: NodeField;
  variables: Record<string, unknown>;
  resolve(data: unknown): void;
  reject(error: unknown): void;
}

interface BatchDocument {
  operation: string;
  query: string;
}

const fieldKeys = new WeakMap<NodeField, string>();
function fieldKey(field: NodeField): string {
  let key = fieldKeys.get(field);
  if (key === undefined)
    fieldKeys.set(
      field,
      (key = `${field.label}:${field.name}(${Object.keys(field.args).join(',')})${field.selection}`),
    );
  return key;
}

// Documents are rebuilt only for new combinations of fields; the bound keeps odd clients from
// growing it without end.
const documents = new LRUCache<string, BatchDocument>({ max: 2_000 });

/** One aliased operation asking every field of the batch: `f0: adoptionsOf(artifactIds: $f0_artifactIds) {…}`. */
export function batchDocument(fields: readonly NodeField[]): BatchDocument {
  const key = fields.map(fieldKey).join('\n');
  let document = documents.get(key);
  if (!document) {
    const variables: string[] = [];
    const selections = fields.map((field, i) => {
      const args = Object.entries(field.args).map(([name, type]) => {
        variables.push(`$f${i}_${name}: ${type}`);
        return `${name}: $f${i}_${name}`;
      });
      return `f${i}: ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${field.selection}`;
    });
    const operation = [...new Set(fields.map((field) => field.label))].join('_');
    const declared = variables.length ? `(${variables.join(', ')})` : '';
    document = { operation, query: `query ${operation}${declared} { ${selections.join(' ')} }` };
    documents.set(key, document);
  }
  return document;
}

/**
 * One request per node per resolution level: the fields asked of one node while a level resolves
 * are queued and sent together once the work of the current turn of the event loop is done, so
 * every DataLoader of that level has added its part.
 */
export class NodeBatch {
  private pending: Entry[] = [];

  /** The node's community: its answers may speak only for it. */
  private readonly slug: string;

  constructor(
    private readonly client: Pick<NodeClient, 'slug' | 'send'>,
    private readonly health: NodeHealth,
  ) {
    this.slug = client.slug;
  }

  ask<T>(field: NodeField, variables: Record<string, unknown> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ field, variables, resolve: resolve as (data: unknown) => void, reject });
    });
  }

  /** Whatever the node sends, every entry is settled: a throw while reading an answer rejects them all. */
  private async flush(): Promise<void> {
    const entries = this.pending;
    this.pending = [];
    try {
      await this.sendAll(entries);
    } catch (error) {
      for (const entry of entries) entry.reject(error);
    }
  }

  private async sendAll(entries: Entry[]): Promise<void> {
    const { operation, query } = batchDocument(entries.map((entry) => entry.field));
    const variables: Record<string, unknown> = {};
    entries.forEach((entry, i) => {
      for (const [name, value] of Object.entries(entry.variables)) variables[`f${i}_${name}`] = value;
    });
    let result: NodeResult;
    try {
      result = await this.client.send(operation, query, variables);
      this.health.markAnswered(this.slug);
    } catch (error) {
      if (error instanceof NodeUnavailableError) this.health.markFailed(this.slug, error.reason);
      for (const entry of entries) entry.reject(error);
      return;
    }
    const errorsOf = (i: number) => result.errors?.filter((error) => error.path?.[0] === `f${i}`) ?? [];
    const refuse = (entry: Entry, i: number) =>
      entry.reject(
        new NodeFieldError(
          `answered ${entry.field.label} with errors: ${
            errorsOf(i)
              .map((e) => e.message)
              .join('; ') || 'no data'
          }`,
        ),
      );

    if (result.data === null) {
      // An error in one non-null root field nulls the whole answer: the fields that failed are
      // refused, the others asked again without them, so a bad field costs only itself.
      const rest: Entry[] = [];
      entries.forEach((entry, i) => (errorsOf(i).length ? refuse(entry, i) : rest.push(entry)));
      if (rest.length === entries.length) rest.forEach(refuse);
      else if (rest.length > 0) await this.sendAll(rest);
      return;
    }
    entries.forEach((entry, i) => {
      const data = result.data?.[`f${i}`];
      if (errorsOf(i).length || data === undefined || data === null) return refuse(entry, i);
      const problem = answerProblem(entry.field, data, { slug: this.slug, variables: entry.variables });
      if (!problem) return entry.resolve(data);
      // An answer that may not be read makes the node DOWN until it answers well again.
      this.health.markFailed(this.slug, problem);
      entry.reject(new NodeAnswerError(this.slug, problem));
    });
  }
}
