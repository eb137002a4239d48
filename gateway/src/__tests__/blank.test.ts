import { hasText } from '../reports/blank';

describe('a blank, as trim() reads it', () => {
  it('is the same set of characters for hasText (and the index SQL built on it) as for trim()', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (hasText(ch) !== (ch.trim() !== '')) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('reads nothing and blanks alike', () => {
    expect([null, undefined, '', ' \t\u00a0\u3000'].map(hasText)).toEqual([false, false, false, false]);
    expect(hasText(' Rosa ')).toBe(true);
  });
});
