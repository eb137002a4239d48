/**
 * What of an error may reach a log. Drafts and tokens must never be written to one, and errors
 * carry them in many places: a database error's message holds the whole SQL statement with its
 * values and the failing row, a body parser's error the raw body. So a logged error keeps only
 * names, codes and where it was thrown, and (unless it came from the database) its message with
 * everything quoted taken out.
 */

/** Identifier-like properties: database error codes and schema names, never values. */
const SAFE_PROPERTIES = ['code', 'sqlState', 'table', 'column', 'constraint', 'routine', 'status'] as const;
const IDENTIFIER = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_MESSAGE = 300;

/** A message with every quoted part (where messages put values) replaced by `…`, cut to a length. */
export function scrubMessage(message: string): string {
  const text = message
    .replace(/'(?:[^'\\]|\\.|'')*'?/g, "'…'")
    .replace(/"(?:[^"\\]|\\.)*"?/g, '"…"')
    .replace(/`(?:[^`\\]|\\.)*`?/g, '`…`')
    .replace(/\((?:[^()]*)\)=\((?:[^()]*)\)/g, '(…)=(…)');
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function isDatabaseError(error: Record<string, unknown>): boolean {
  const name = error.constructor?.name ?? '';
  return name.endsWith('Exception') || name === 'DatabaseError' || typeof error.routine === 'string';
}

function frames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const lines = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return lines.length ? lines.join('\n') : undefined;
}

/** What `loggableError` returns; a class so that scrubbing twice changes nothing. */
export class LoggableError {
  [key: string]: unknown;
}

/** A log-safe picture of an error and of the errors it wraps (GraphQLError.originalError, cause). */
export function loggableError(error: unknown, depth = 0): LoggableError {
  if (error instanceof LoggableError) return error;
  const safe = new LoggableError();
  if (typeof error !== 'object' || error === null) return Object.assign(safe, { type: typeof error });
  const source = error as Record<string, unknown>;
  const database = isDatabaseError(source);
  safe.type = source.constructor?.name ?? 'Object';
  const inner = source.originalError ?? source.cause;
  // A GraphQLError repeats the message of the error it wraps; that one is told (scrubbed) as the cause.
  const repeated =
    typeof inner === 'object' &&
    inner !== null &&
    (inner as { message?: unknown }).message === source.message;
  // A database error's message is the statement with its values, then the failing row: its code,
  // table, column and constraint tell the story instead.
  if (typeof source.message === 'string' && !repeated && !database)
    safe.message = scrubMessage(source.message);
  for (const key of SAFE_PROPERTIES) {
    const value = source[key];
    if (typeof value === 'number' || (typeof value === 'string' && IDENTIFIER.test(value))) safe[key] = value;
  }
  // body-parser names its failures (entity.parse.failed, entity.too.large).
  if (typeof source.type === 'string' && IDENTIFIER.test(source.type)) safe.kind = source.type;
  const stack = frames(source.stack);
  if (stack) safe.stack = stack;
  if (inner && inner !== error && depth < 3) safe.cause = loggableError(inner, depth + 1);
  return safe;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
/** The part of a pino logger the helpers below need (kept structural: this package has no pino). */
export type LevelLogger = Record<Level, (object: object, message?: string) => void>;

/** A child logger whose `err` is always logged through `loggableError`, whoever logs it. */
export function withSafeErrors<L extends { child(bindings: object, options: object): L }>(logger: L): L {
  return logger.child({}, { serializers: { err: loggableError } });
}

/**
 * Apollo Server's logger interface over ours. Apollo logs plain strings that embed errors
 * (`Unexpected error processing request: ${error}`), so strings are scrubbed like messages.
 */
export function apolloLogger(logger: LevelLogger): Record<Level, (message?: unknown) => void> {
  const at = (level: Level) => (message?: unknown) =>
    message instanceof Error
      ? logger[level]({ err: loggableError(message) }, 'Apollo Server error')
      : logger[level]({}, scrubMessage(String(message)));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
