import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken } from '../entities';
import type { Role } from '../entities/enums';

/**
 * Bearer tokens: 256 random bits, shown once, stored only as a SHA-256 digest. A slow hash buys
 * nothing for secrets this long, and a digest lets us look a token up by index.
 */
const TOKEN_PREFIX = 'cgn_';

export interface Principal {
  name: string;
  role: Role;
  tokenId: string | null;
}

export function hashToken(token: string): string {
  // Stryker disable next-line StringLiteral: an empty encoding is UTF-8 too
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export async function createToken(
  em: EntityManager,
  name: string,
  role: Role,
): Promise<{ token: string; record: ApiToken }> {
  const token = generateToken();
  const record = em.create(ApiToken, {
    name,
    role,
    secretHash: hashToken(token),
    prefix: token.slice(0, 10),
    createdAt: new Date(),
  });
  await em.flush();
  return { token, record };
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

/** Reads `Authorization: Bearer <token>`; null when absent or not a live token. */
export async function authenticate(
  em: EntityManager,
  authorization: string | undefined,
  bootstrapAdminToken?: string,
): Promise<Principal | null> {
  // Stryker disable next-line StringLiteral: no text without a "Bearer " prefix matches
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return null;
  const token = match[1];
  if (bootstrapAdminToken && sameSecret(token, bootstrapAdminToken)) {
    return { name: 'bootstrap-admin', role: 'admin' as Role, tokenId: null };
  }
  const record = await em.findOne(ApiToken, { secretHash: hashToken(token), revokedAt: null });
  if (!record) return null;
  // Best effort and outside any request transaction: a failed touch must not fail the request.
  await em.nativeUpdate(ApiToken, { id: record.id }, { lastUsedAt: new Date() }).catch(() => undefined);
  return { name: record.name, role: record.role, tokenId: record.id };
}
