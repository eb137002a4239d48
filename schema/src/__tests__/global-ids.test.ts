import {
  formatGlobalId,
  isValidSlug,
  localIdOf,
  lookupLocalIdOf,
  notAGlobalId,
  parseGlobalId,
  readGlobalId,
  readOwnId,
  requireGlobalId,
  slugify,
} from '../ids';

describe('global ids name their home community', () => {
  it('round-trips a community slug and a local id', () => {
    const id = formatGlobalId('clinic', 'storage-adr');
    expect(id).toBe('clinic:storage-adr');
    expect(parseGlobalId(id)).toEqual({ community: 'clinic', localId: 'storage-adr' });
  });

  it('accepts slugs of 1 to 64 lower-case letters, digits and inner dashes', () => {
    for (const slug of ['a', '9', 'ab', 'a-b', 'a--b', '9lives', 'x'.repeat(64)])
      expect([slug, isValidSlug(slug)]).toEqual([slug, true]);
    for (const slug of ['', '-ab', 'ab-', '-', 'Abc', 'a_b', 'a b', 'a.b', 'é', 'x'.repeat(65)])
      expect([slug, isValidSlug(slug)]).toEqual([slug, false]);
  });

  it('accepts local ids of 1 to 128 characters that start with a letter or digit', () => {
    for (const local of ['a', 'Z', '7', 'v1.2_final-B', 'a.', 'x'.repeat(128)]) {
      expect([local, parseGlobalId(`clinic:${local}`)]).toEqual([
        local,
        { community: 'clinic', localId: local },
      ]);
    }
    for (const local of ['', '.hidden', '-a', '_a', 'a b', 'a/b', 'a:b', 'x'.repeat(129)])
      expect([local, parseGlobalId(`clinic:${local}`)]).toEqual([local, null]);
  });

  it('returns null, never throws, for anything malformed', () => {
    for (const id of [
      '',
      'clinic',
      ':storage',
      'clinic:',
      'Clinic:storage',
      'clinic :storage',
      ' clinic:storage',
      'clinic:storage ',
    ]) {
      expect([id, parseGlobalId(id)]).toEqual([id, null]);
    }
    for (const notText of [undefined, null, 42, { community: 'clinic' }, ['clinic:a']])
      expect(parseGlobalId(notText as unknown as string)).toBeNull();
  });

  it('splits at the first colon, so a second one makes the local id invalid', () => {
    expect(parseGlobalId('clinic:a:b')).toBeNull();
    expect(parseGlobalId('a:b')).toEqual({ community: 'a', localId: 'b' });
  });
});

describe('a node reads the ids sent to it with one codec', () => {
  it('takes the local id out of an id of its own community', () => {
    expect(localIdOf('clinic:storage-adr', 'clinic')).toBe('storage-adr');
    expect(readOwnId('clinic:storage-adr', 'clinic')).toEqual({ localId: 'storage-adr' });
  });

  it('names the community of a foreign id, and gives no local id for it', () => {
    expect(readOwnId('school:storage-adr', 'clinic')).toEqual({ foreign: 'school' });
    expect(localIdOf('school:storage-adr', 'clinic')).toBeNull();
    expect(localIdOf('clinic-2:a', 'clinic')).toBeNull();
  });

  it('calls malformed ids and non-text malformed, never a local id', () => {
    for (const id of [
      '',
      'clinic:',
      'clinic:a:b',
      'Clinic:a',
      'clinic: a',
      'storage-adr',
      undefined,
      null,
      42,
      ['clinic:a'],
    ]) {
      expect([id, readOwnId(id, 'clinic')]).toEqual([id, { malformed: true }]);
      expect([id, localIdOf(id, 'clinic')]).toEqual([id, null]);
    }
  });

  it('takes text without a colon as a bare local id only when asked to, as it stands', () => {
    expect(readOwnId('storage-adr', 'clinic', { bare: true })).toEqual({ localId: 'storage-adr' });
    expect(readOwnId('Not A Handle', 'clinic', { bare: true })).toEqual({ localId: 'Not A Handle' });
    expect(readOwnId('school:a', 'clinic', { bare: true })).toEqual({ foreign: 'school' });
    expect(readOwnId('clinic:a b', 'clinic', { bare: true })).toEqual({ malformed: true });
    expect(readOwnId(7, 'clinic', { bare: true })).toEqual({ malformed: true });
  });

  it('for lookups: null for a foreign id, a BAD_USER_INPUT naming the text for a malformed one', () => {
    expect(lookupLocalIdOf('clinic:a', 'clinic')).toBe('a');
    expect(lookupLocalIdOf('school:a', 'clinic')).toBeNull();
    const refused = (() => {
      try {
        lookupLocalIdOf('not:a:valid id', 'clinic', { id: 'not:a:valid id' });
      } catch (error) {
        return error as { message: string; extensions: unknown };
      }
    })();
    expect(refused?.message).toBe(
      '"not:a:valid id" is not a global id of the form <community-slug>:<local-id>',
    );
    expect(refused?.extensions).toEqual({ code: 'BAD_USER_INPUT', id: 'not:a:valid id' });
  });

  it('refuses malformed text with the one standard message, naming the argument when given', () => {
    expect(notAGlobalId(undefined).message).toBe(
      '"undefined" is not a global id of the form <community-slug>:<local-id>',
    );
    const named = notAGlobalId('x', { argument: 'needId' }, 'needId');
    expect([named.message, named.extensions]).toEqual([
      'needId "x" is not a global id of the form <community-slug>:<local-id>',
      { code: 'BAD_USER_INPUT', argument: 'needId' },
    ]);
  });
});

describe('local ids made from titles', () => {
  it('are lower-case words without accents joined by single dashes', () => {
    expect(slugify('Café Crème: Storage ADR')).toBe('cafe-creme-storage-adr');
    expect(slugify('ÅNGSTRÖM   and  Ñandú')).toBe('angstrom-and-nandu');
    expect(slugify('  --Hello, World!--  ')).toBe('hello-world');
    expect(slugify('R2-D2 & C-3PO')).toBe('r2-d2-c-3po');
  });

  it('keep at most 60 characters and never end on a dash cut in the middle', () => {
    expect(slugify('a'.repeat(60) + 'bbb')).toBe('a'.repeat(60));
    expect(slugify(`${'a'.repeat(59)} bbb`)).toBe('a'.repeat(59));
    expect(slugify(`${'a'.repeat(58)} b c`)).toBe(`${'a'.repeat(58)}-b`);
  });

  it('fall back to "untitled" when no letter or digit is left', () => {
    expect(slugify('')).toBe('untitled');
    expect(slugify('!!! ---')).toBe('untitled');
    expect(slugify('\u0301\u0308')).toBe('untitled');
  });
});

describe('a gateway reads an id once where it enters and passes the parsed value inward', () => {
  it('keeps the text with its community and local id', () => {
    expect(readGlobalId('clinic:storage-adr')).toEqual({
      id: 'clinic:storage-adr',
      community: 'clinic',
      localId: 'storage-adr',
    });
    expect(requireGlobalId('clinic:storage-adr').community).toBe('clinic');
  });

  it('refuses what parseGlobalId refuses, with the standard BAD_USER_INPUT', () => {
    for (const id of ['', 'clinic', 'clinic:a:b', 'Clinic:a', 42, null]) {
      expect([id, readGlobalId(id)]).toEqual([id, null]);
      expect(() => requireGlobalId(id, { id })).toThrow(notAGlobalId(id, { id }).message);
    }
    const error = (() => {
      try {
        requireGlobalId('nope', { id: 'nope' });
      } catch (thrown) {
        return thrown as { extensions: Record<string, unknown> };
      }
    })();
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', id: 'nope' });
  });
});
