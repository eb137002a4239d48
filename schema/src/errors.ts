import { GraphQLError } from 'graphql';

/**
 * The one error helper: every error a user can act on carries `extensions.code`. Codes follow
 * Apollo Server's built-ins where one fits, so clients need to learn only ours.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LICENCE_CONFLICT: 'LICENCE_CONFLICT',
  NODE_UNAVAILABLE: 'NODE_UNAVAILABLE',
  /** A client spent its budget of expensive work, or the gateway is busy with such work. */
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function commonsError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  commonsError(ErrorCode.BAD_USER_INPUT, message, extensions);
export const notFound = (message: string, extensions?: Record<string, unknown>) =>
  commonsError(ErrorCode.NOT_FOUND, message, extensions);
export const forbidden = (message: string, extensions?: Record<string, unknown>) =>
  commonsError(ErrorCode.FORBIDDEN, message, extensions);
export const unauthenticated = (message: string) => commonsError(ErrorCode.UNAUTHENTICATED, message);
