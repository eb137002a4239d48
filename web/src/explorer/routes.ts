/**
 * The explorer's URLs: every page has a stable, shareable address, and an artifact's contains its
 * global id. The gateway serves the same HTML shell for each (web/src/server: EXPLORER_PAGES).
 */
export type Route =
  | { page: 'search'; params: URLSearchParams }
  | { page: 'artifact'; id: string }
  | { page: 'community'; slug: string; params: URLSearchParams }
  | { page: 'needs'; params: URLSearchParams }
  | { page: 'report'; params: URLSearchParams }
  | { page: 'missing' };

// Colons stay readable: /a/klamath-soil:field-guide.
const segment = (value: string) => encodeURIComponent(value).replace(/%3A/gi, ':');

export const artifactPath = (id: string) => `/a/${segment(id)}`;
export const communityPath = (slug: string) => `/c/${segment(slug)}`;

export function withParams(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function routeOf(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const [, first = '', second, ...rest] = pathname.split('/');
  if (rest.length > 0) return { page: 'missing' };
  let value: string | undefined;
  try {
    value = second === undefined ? undefined : decodeURIComponent(second);
  } catch {
    return { page: 'missing' }; // a mangled escape, e.g. a link cut short
  }
  if ((first === '' || first === 'search') && value === undefined) return { page: 'search', params };
  if (first === 'a' && value) return { page: 'artifact', id: value };
  if (first === 'c' && value) return { page: 'community', slug: value, params };
  if (first === 'needs' && value === undefined) return { page: 'needs', params };
  if (first === 'report' && value === undefined) return { page: 'report', params };
  return { page: 'missing' };
}
