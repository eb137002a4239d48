import {
  compareArtifactKeys,
  decodeArtifactCursor,
  encodeArtifactCursor,
  type ArtifactSortKey,
} from '../cursors';

const key = (iso: string, id: string): ArtifactSortKey => ({ publishedAt: new Date(iso), id });
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('page cursors', () => {
  it('decode to the sort key they were made from', () => {
    const original = key('2026-03-04T05:06:07.089Z', 'clinic:storage-adr');
    const cursor = encodeArtifactCursor(original);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeArtifactCursor(cursor)).toEqual(original);
    expect(cursor).toBe(cursorOf(['2026-03-04T05:06:07.089Z', 'clinic:storage-adr']));
  });

  it('refuse anything we did not issue with null, never an exception', () => {
    const forged = [
      '',
      'not a cursor',
      cursorOf('2026-01-01T00:00:00.000Z'),
      cursorOf({ 0: '2026-01-01T00:00:00.000Z', 1: 'a:b', length: 2 }),
      cursorOf(['2026-01-01T00:00:00.000Z']),
      cursorOf(['2026-01-01T00:00:00.000Z', 'a:b', 'extra']),
      cursorOf([1767225600000, 'a:b']),
      cursorOf(['2026-01-01T00:00:00.000Z', 42]),
      cursorOf(['yesterday', 'a:b']),
      cursorOf(null),
      Buffer.from('["2026-01-01T00:00:00.000Z",', 'utf8').toString('base64url'),
    ];
    for (const cursor of forged) expect([cursor, decodeArtifactCursor(cursor)]).toEqual([cursor, null]);
    for (const notText of [undefined, null, 7, ['a']])
      expect(decodeArtifactCursor(notText as unknown as string)).toBeNull();
  });

  it('name a possible artifact: the longest global id round-trips, a longer id or text is refused', () => {
    const longestId = `${'s'.repeat(63)}:${'x'.repeat(128)}`;
    expect(decodeArtifactCursor(encodeArtifactCursor(key('2026-01-01T00:00:00.000Z', longestId)))?.id).toBe(
      longestId,
    );
    expect(
      decodeArtifactCursor(encodeArtifactCursor(key('2026-01-01T00:00:00.000Z', `a:${'x'.repeat(129)}`))),
    ).toBeNull();
    // Anything over 600 characters is refused before it is decoded at all.
    const padded = `${encodeArtifactCursor(key('2026-01-01T00:00:00.000Z', longestId))}${'A'.repeat(600)}`;
    expect(decodeArtifactCursor(padded)).toBeNull();
  });
});

describe('the shared artifact order', () => {
  it('puts the newest first, then ascending global id', () => {
    const keys = [
      key('2026-01-01T00:00:00.000Z', 'b:z'),
      key('2026-02-01T00:00:00.000Z', 'b:a'),
      key('2026-01-01T00:00:00.000Z', 'a:z'),
      key('2026-02-01T00:00:00.000Z', 'a:b'),
      key('2026-01-01T00:00:00.001Z', 'c:c'),
    ];
    expect([...keys].sort(compareArtifactKeys).map((k) => k.id)).toEqual(['a:b', 'b:a', 'c:c', 'a:z', 'b:z']);
  });

  it('compares by time, then by id, and calls a key equal only to itself', () => {
    const older = key('2026-01-01T00:00:00.000Z', 'a:a');
    const newer = key('2026-01-02T00:00:00.000Z', 'a:a');
    expect(compareArtifactKeys(newer, older)).toBeLessThan(0);
    expect(compareArtifactKeys(older, newer)).toBeGreaterThan(0);
    expect(
      compareArtifactKeys(key('2026-01-01T00:00:00.000Z', 'a:a'), key('2026-01-01T00:00:00.000Z', 'a:b')),
    ).toBe(-1);
    expect(
      compareArtifactKeys(key('2026-01-01T00:00:00.000Z', 'a:b'), key('2026-01-01T00:00:00.000Z', 'a:a')),
    ).toBe(1);
    expect(compareArtifactKeys(older, key('2026-01-01T00:00:00.000Z', 'a:a'))).toBe(0);
    // Code-unit order, not locale order: upper case sorts before lower case.
    expect(
      compareArtifactKeys(key('2026-01-01T00:00:00.000Z', 'a:Z'), key('2026-01-01T00:00:00.000Z', 'a:a')),
    ).toBe(-1);
  });
});
