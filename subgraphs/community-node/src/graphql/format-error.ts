import { loggableError } from '@commons-graph/schema';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

function describe(failures: ValidationFailure[], path = ''): string[] {
  return failures.flatMap((failure) => {
    const where = path ? `${path}.${failure.property}` : failure.property;
    const own = Object.values(failure.constraints ?? {}).map((message) => `${where}: ${message}`);
    return [...own, ...describe(failure.children ?? [], where)];
  });
}

/**
 * Errors a user can act on pass through with their code; class-validator failures get a message
 * that names each field; anything unexpected is masked so no SQL or stack leaks out, and logged
 * without its values (a database error's message holds the statement with the draft's text).
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    if (Array.isArray(extensions.validationErrors)) {
      const details = describe(extensions.validationErrors as ValidationFailure[]);
      return {
        ...formatted,
        message: `Invalid input: ${details.join('; ')}`,
        extensions: { code: 'BAD_USER_INPUT', details },
      };
    }
    if (extensions.code === 'INTERNAL_SERVER_ERROR' || extensions.code === undefined) {
      logger.error({ err: loggableError(error), path: formatted.path }, 'unexpected error');
      return {
        message: 'Internal server error',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    return formatted;
  };
}
