/**
 * A request that fails before GraphQL runs (a body that is not JSON, or too large) still gets a
 * GraphQL-shaped JSON answer, as Apollo Server answers its own bad requests: node and gateway alike.
 */
export interface RequestErrorAnswer {
  status: number;
  body: string;
  /** True when the server, not the client, failed: worth a log line. */
  unexpected: boolean;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is larger than this endpoint accepts',
  'encoding.unsupported': 'The request body has an unsupported content encoding',
  'charset.unsupported': 'The request body has an unsupported charset; send UTF-8',
  'request.aborted': 'The request was aborted before its body was read',
  'request.size.invalid': 'The request body is shorter or longer than its content-length',
};

/** The JSON answer for an error raised while reading a request (body-parser's errors carry a status). */
export function requestErrorAnswer(error: unknown): RequestErrorAnswer {
  const { status, type, expose } = (error ?? {}) as { status?: unknown; type?: unknown; expose?: unknown };
  const clientError = typeof status === 'number' && status >= 400 && status < 500;
  const message = clientError
    ? (MESSAGES[String(type)] ?? (expose ? 'The request could not be read' : 'Bad request'))
    : 'Internal server error';
  const code = clientError ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
  return {
    status: clientError ? status : 500,
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
    unexpected: !clientError,
  };
}
