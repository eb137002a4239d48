import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthChecker } from 'type-graphql';
import type { NodeIdentity } from '../identity';
import { requireRole } from '../auth/roles';
import type { Principal } from '../auth/tokens';
import type { Role } from '../entities/enums';

export interface AdminContext {
  identity: NodeIdentity;
  em: EntityManager;
  principal: Principal | null;
}

/** Every admin field carries @Authorized(role); this turns a missing or weak token into our errors. */
export const authChecker: AuthChecker<AdminContext, Role> = ({ context }, roles) => {
  requireRole(context.principal, roles[0]);
  return true;
};
