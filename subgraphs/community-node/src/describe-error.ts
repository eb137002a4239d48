/**
 * One sentence a person can act on for anything a command may throw: Error or not, with or without a
 * message, AggregateError (Node's "tried every address"), system errors and PostgreSQL errors.
 */
import { inspect } from 'node:util';

interface Detailed {
  message?: unknown;
  code?: unknown;
  errno?: unknown;
  syscall?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  severity?: unknown;
  detail?: unknown;
  hint?: unknown;
  errors?: unknown;
  cause?: unknown;
}

const SYSTEM_ERRORS: Record<string, (e: Detailed) => string> = {
  ECONNREFUSED: (e) => `could not connect to ${where(e)}: nothing accepts connections there`,
  ECONNRESET: (e) => `the connection to ${where(e)} was closed by the other side`,
  ETIMEDOUT: (e) => `could not connect to ${where(e)}: it did not answer in time`,
  EHOSTUNREACH: (e) => `could not connect to ${where(e)}: no route to that host`,
  ENOTFOUND: (e) => `could not find the host ${e.hostname ?? 'named'} (no such name in DNS)`,
  EACCES: (e) => `permission denied${e.syscall ? ` (${e.syscall}${pathOf(e)})` : ''}`,
  EADDRINUSE: (e) => `the address ${where(e)} is already in use by another program`,
};

/** PostgreSQL codes a misconfigured DATABASE_URL produces (classes 08 and 28, and 3D000). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '28P01',
  '28000',
  '3D000',
]);

function where(e: Detailed): string {
  return e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : 'the server';
}

function pathOf(e: Detailed): string {
  const path = (e as { path?: unknown }).path;
  return typeof path === 'string' ? ` ${path}` : '';
}

/** Passwords never reach a terminal or a log, even inside a connection string quoted by a library. */
export function redactSecrets(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@');
}

function describeOne(error: unknown, depth: number): string {
  if (error === undefined || error === null) return 'it failed without saying why (no error was given)';
  if (typeof error === 'string') return error.trim() || 'it failed without saying why (an empty message)';
  if (typeof error !== 'object') return String(error);
  const e = error as Detailed;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message.trim() : '';

  let text: string;
  if (Array.isArray(e.errors) && e.errors.length > 0 && depth < 3) {
    // AggregateError: often with an empty message; the reasons are in its errors.
    const reasons = [...new Set(e.errors.map((inner) => describeOne(inner, depth + 1)))];
    text = message ? `${message}: ${reasons.join('; ')}` : reasons.join('; ');
  } else if (code && SYSTEM_ERRORS[code]) {
    text = SYSTEM_ERRORS[code](e);
  } else if (typeof e.severity === 'string' && code) {
    // A PostgreSQL error: its message, its SQLSTATE, and what the server adds.
    text = `the database said: ${message || 'an error'} (SQLSTATE ${code})`;
    if (typeof e.detail === 'string') text += `. ${e.detail}`;
    if (typeof e.hint === 'string') text += `. Hint: ${e.hint}`;
  } else if (message) {
    text = message;
  } else if (error instanceof Error) {
    text = `${error.name}${code ? ` ${code}` : ''} without a message`;
  } else {
    text = `it failed with ${inspect(error, { depth: 2, breakLength: Infinity })}`;
  }

  const cause = e.cause;
  if (cause !== undefined && cause !== null && depth < 3) {
    const because = describeOne(cause, depth + 1);
    if (!text.includes(because)) text += ` (because ${because})`;
  }
  return text;
}

export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Detailed;
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  return Array.isArray(e.errors) && e.errors.some(isConnectionFailure);
}

/** The sentence for `error`, ending with a full stop, secrets removed. */
export function describeError(error: unknown): string {
  const text = redactSecrets(describeOne(error, 0));
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
