import { forbidden, unauthenticated } from '@commons-graph/schema';
import { Role } from '../entities/enums';
import type { Principal } from './tokens';

/** Members draft; stewards also review, publish and assert links; admins also manage tokens. */
const RANK: Record<Role, number> = { [Role.MEMBER]: 1, [Role.STEWARD]: 2, [Role.ADMIN]: 3 };

export function requireRole(principal: Principal | null, needed: Role): Principal {
  if (!principal) {
    throw unauthenticated(
      'Send a valid token as "Authorization: Bearer <token>" (see `community-node token create`).',
    );
  }
  if (RANK[principal.role] < RANK[needed]) {
    throw forbidden(`This needs the ${needed} role; the token "${principal.name}" has ${principal.role}.`, {
      needed,
      role: principal.role,
    });
  }
  return principal;
}
