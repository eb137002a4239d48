import type { EntityManager } from '@mikro-orm/postgresql';
import { authenticate, generateToken, hashToken } from '../auth/tokens';

/**
 * The part of the token check that needs no database: the header, the bootstrap admin token and
 * the digest. Passing no EntityManager proves a request was decided before any lookup (a lookup
 * would throw); the database paths are tested against PostgreSQL in tokens.test.ts.
 */
const NO_DATABASE = null as unknown as EntityManager;

describe('bearer tokens', () => {
  it('are 256 random bits after a recognisable prefix, different each time', () => {
    const token = generateToken();
    expect(token).toMatch(/^cgn_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
  });

  it('are stored as their SHA-256 digest in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Text is hashed as UTF-8 (as Latin-1 it would be 6bf71f05…).
    expect(hashToken('cgn_é')).toBe('5e37be66a191b7b421bc2c22a179fbe0778d8d5209d0d59334ba05915c2eb01a');
  });

  it('are read only from a well-formed "Authorization: Bearer <token>" header', async () => {
    for (const header of [
      undefined,
      '',
      'cgn_abc',
      'Basic cgn_abc',
      'Bearer',
      'Bearer ',
      'Bearer cgn_a cgn_b',
      'xBearer cgn_abc',
      'Bearercgn_abc',
    ]) {
      expect([header, await authenticate(NO_DATABASE, header, 'cgn_abc')]).toEqual([header, null]);
    }
  });

  it('let the bootstrap admin token in as admin without a lookup, however the header is spaced or cased', async () => {
    const admin = { name: 'bootstrap-admin', role: 'admin', tokenId: null };
    for (const header of ['Bearer cgn_boot', 'bearer cgn_boot', 'BEARER   cgn_boot  ', 'Bearer\tcgn_boot']) {
      expect([header, await authenticate(NO_DATABASE, header, 'cgn_boot')]).toEqual([header, admin]);
    }
  });

  it('look up any other token, even when a bootstrap token is configured', async () => {
    await expect(authenticate(NO_DATABASE, 'Bearer cgn_guess', 'cgn_boot')).rejects.toThrow(TypeError);
    await expect(authenticate(NO_DATABASE, 'Bearer cgn_boot', 'cgn_boot_longer')).rejects.toThrow(TypeError);
    await expect(authenticate(NO_DATABASE, 'Bearer cgn_boot', undefined)).rejects.toThrow(TypeError);
    await expect(authenticate(NO_DATABASE, 'Bearer cgn_boot', '')).rejects.toThrow(TypeError);
  });
});
