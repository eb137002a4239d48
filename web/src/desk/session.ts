import { request } from '../shared/graphql';
import { metaValue } from '../shared/ui';

/**
 * Who is signed in at this desk. The token lives in this tab's sessionStorage only: never in a URL,
 * a cookie or localStorage, so closing the tab signs out.
 */
export type Role = 'MEMBER' | 'STEWARD' | 'ADMIN';

export interface Session {
  token: string;
  name: string;
  role: Role;
}

const TOKEN_KEY = 'commons-desk-token';
export const ADMIN_URL = '/admin/graphql';
export const PUBLIC_URL = '/graphql';
/** This node's community and the gateway it reads the Commons from, written by the server. */
export const COMMUNITY = metaValue('community');
export const GATEWAY = metaValue('gateway');

export const savedToken = () => sessionStorage.getItem(TOKEN_KEY);

export async function signIn(token: string): Promise<Session> {
  const { me } = await request<{ me: { name: string; role: Role } }>(
    ADMIN_URL,
    '{ me { name role } }',
    {},
    token,
  );
  sessionStorage.setItem(TOKEN_KEY, token);
  return { token, ...me };
}

export const signOut = () => sessionStorage.removeItem(TOKEN_KEY);

/** What the role may do, as the API's authorization table says (README: Tokens). */
export const mayPublish = (session: Session) => session.role !== 'MEMBER';
export const mayRecordLinks = mayPublish;
export const mayManageTokens = (session: Session) => session.role === 'ADMIN';

export const adminAsk = <T>(session: Session, query: string, variables?: Record<string, unknown>) =>
  request<T>(ADMIN_URL, query, variables, session.token);

export const commonsAsk = <T>(query: string, variables?: Record<string, unknown>) =>
  request<T>(`${GATEWAY}/graphql`, query, variables);
