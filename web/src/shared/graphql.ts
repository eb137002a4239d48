/**
 * The pages' GraphQL client: one POST per operation to the same public APIs everyone uses. Errors
 * keep their `extensions.code` and, for validation, the `field` the API names, so forms can show
 * each message beside its input.
 */
export interface Problem {
  message: string;
  code?: string;
  field?: string;
}

export class GraphQLFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => problem.message).join('; '));
  }
}

export interface Answer<T> {
  data: T | null;
  /** Problems beside data: a node that did not answer, a refused field. */
  problems: Problem[];
}

interface RawError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown; argument?: unknown; reason?: unknown; details?: unknown };
}

/** A node's input validation names each failing field in `details` ("input.title: must be …"). */
function detailsOf(error: RawError): Problem[] | null {
  const details = error.extensions?.details;
  if (!Array.isArray(details) || details.length === 0) return null;
  return details.map((detail) => {
    const text = String(detail);
    const colon = text.indexOf(': ');
    const path = colon < 0 ? '' : text.slice(0, colon);
    return {
      message: colon < 0 ? text : text.slice(colon + 2),
      code: 'BAD_USER_INPUT',
      field: path ? path.split('.').pop() : undefined,
    };
  });
}

function problemOf(error: RawError): Problem {
  // A licence conflict is about the licence field, though the API names no field for it.
  const field =
    error.extensions?.field ??
    error.extensions?.argument ??
    (error.extensions?.reason === 'LICENCE_CONFLICT' ? 'licence' : undefined);
  return {
    message: typeof error.message === 'string' ? error.message : 'Unknown error',
    code: typeof error.extensions?.code === 'string' ? error.extensions.code : undefined,
    field: typeof field === 'string' ? field : undefined,
  };
}

/** Asks and returns data with any problems; throws only when there is no data at all. */
export async function ask<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphQLFailure([{ message: `Could not reach ${url}`, code: 'NETWORK' }]);
  }
  let body: { data?: T | null; errors?: RawError[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphQLFailure([
      { message: `${url} answered ${response.status} without JSON`, code: 'NETWORK' },
    ]);
  }
  const problems = (body.errors ?? []).flatMap((error) => detailsOf(error) ?? [problemOf(error)]);
  if (body.data == null) throw new GraphQLFailure(problems.length ? problems : [{ message: 'No data' }]);
  return { data: body.data, problems };
}

/** For mutations and reads that must be whole: any problem is a failure. */
export async function request<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const answer = await ask<T>(url, query, variables, token);
  if (answer.problems.length > 0) throw new GraphQLFailure(answer.problems);
  return answer.data as T;
}

/** The problems of anything thrown, for showing. */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof GraphQLFailure) return error.problems;
  return [{ message: error instanceof Error ? error.message : String(error) }];
}
