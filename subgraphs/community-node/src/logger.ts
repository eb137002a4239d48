import { loggableError } from '@commons-graph/schema';
import pino, { type Logger } from 'pino';

export type { Logger };

/** One structured logger per process; children carry the community slug. Errors are logged without values. */
export function createLogger(level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({ level, base: undefined, serializers: { err: loggableError } });
}
