/** A minimal GraphQL-over-HTTP client for tests: real HTTP, JSON in and out. */
export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export async function graphql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`Not a GraphQL response from ${url} (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
}

/** Returns data, failing the test with the errors if there are any. */
export async function ok<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await graphql<T>(url, query, variables, headers);
  if (result.errors?.length) {
    throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(result.errors, null, 2)}`);
  }
  return result.data as T;
}

export const codesOf = (result: GraphQLResponse) => (result.errors ?? []).map((e) => e.extensions?.code);
