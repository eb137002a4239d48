import type { GraphQLError } from 'graphql';
import { requireRole } from '../auth/roles';
import type { Principal } from '../auth/tokens';
import { Role } from '../entities/enums';

const as = (role: Role): Principal => ({ name: `${role}-token`, role, tokenId: `id-${role}` });

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a refusal');
}

describe('roles: members draft, stewards also publish, admins also manage tokens', () => {
  it('lets each role do what it and every lower role may, returning the principal', () => {
    const allowed: Array<[Role, Role]> = [
      [Role.MEMBER, Role.MEMBER],
      [Role.STEWARD, Role.MEMBER],
      [Role.STEWARD, Role.STEWARD],
      [Role.ADMIN, Role.MEMBER],
      [Role.ADMIN, Role.STEWARD],
      [Role.ADMIN, Role.ADMIN],
    ];
    for (const [has, needed] of allowed) {
      const principal = as(has);
      expect(requireRole(principal, needed)).toBe(principal);
    }
  });

  it('refuses a lower role with FORBIDDEN, naming the role needed and the token', () => {
    const refused: Array<[Role, Role]> = [
      [Role.MEMBER, Role.STEWARD],
      [Role.MEMBER, Role.ADMIN],
      [Role.STEWARD, Role.ADMIN],
    ];
    for (const [has, needed] of refused) {
      const error = refusal(() => requireRole(as(has), needed));
      expect(error.extensions).toEqual({ code: 'FORBIDDEN', needed, role: has });
      expect(error.message).toBe(`This needs the ${needed} role; the token "${has}-token" has ${has}.`);
    }
  });

  it('refuses a request without a valid token with UNAUTHENTICATED, saying how to send one', () => {
    const error = refusal(() => requireRole(null, Role.MEMBER));
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(error.message).toContain('Authorization: Bearer <token>');
  });
});
