import { formatGlobalId, isValidSlug, parseGlobalId, slugify } from '../ids';

describe('global ids name their home community', () => {
  it('round-trips a community slug and a local id', () => {
    const id = formatGlobalId('clinic', 'storage-adr');
    expect(id).toBe('clinic:storage-adr');
    expect(parseGlobalId(id)).toEqual({ community: 'clinic', localId: 'storage-adr' });
  });

  it('accepts slugs of 1 to 64 lower-case letters, digits and inner dashes', () => {
    for (const slug of ['a', '9', 'ab', 'a-b', 'a--b', '9lives', 'x'.repeat(64)]) expect([slug, isValidSlug(slug)]).toEqual([slug, true]);
    for (const slug of ['', '-ab', 'ab-', '-', 'Abc', 'a_b', 'a b', 'a.b', 'é', 'x'.repeat(65)]) expect([slug, isValidSlug(slug)]).toEqual([slug, false]);
  });

  it('accepts local ids of 1 to 128 characters that start with a letter or digit', () => {
    for (const local of ['a', 'Z', '7', 'v1.2_final-B', 'a.', 'x'.repeat(128)]) {
      expect([local, parseGlobalId(`clinic:${local}`)]).toEqual([local, { community: 'clinic', localId: local }]);
    }
    for (const local of ['', '.hidden', '-a', '_a', 'a b', 'a/b', 'a:b', 'x'.repeat(129)]) expect([local, parseGlobalId(`clinic:${local}`)]).toEqual([local, null]);
  });

  it('returns null, never throws, for anything malformed', () => {
    for (const id of ['', 'clinic', ':storage', 'clinic:', 'Clinic:storage', 'clinic :storage', ' clinic:storage', 'clinic:storage ']) {
      expect([id, parseGlobalId(id)]).toEqual([id, null]);
    }
    for (const notText of [undefined, null, 42, { community: 'clinic' }, ['clinic:a']]) expect(parseGlobalId(notText as unknown as string)).toBeNull();
  });

  it('splits at the first colon, so a second one makes the local id invalid', () => {
    expect(parseGlobalId('clinic:a:b')).toBeNull();
    expect(parseGlobalId('a:b')).toEqual({ community: 'a', localId: 'b' });
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
