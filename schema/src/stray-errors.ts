import { loggableError } from './log-safety';
/** The part of a logger this needs (pino's shape). */
export interface ErrorLogger {
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * A server here talks to peers nobody controls: whatever they send, a rejection no code awaited or
 * an exception thrown from a callback is logged and the process keeps serving everyone else.
 */
export function keepServingOnStrayErrors(logger: ErrorLogger): void {
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: loggableError(reason) }, 'unhandled rejection; still serving'),
  );
  process.on('uncaughtException', (error) =>
    logger.error({ err: loggableError(error) }, 'uncaught exception; still serving'),
  );
}
