import { inCanonicalOrder } from '../canonical-order';

describe('the canonical order of links, the same on both paths', () => {
  it('orders by asserting community, then time, then id, whatever order the answers came in', () => {
    const at = '2026-05-01T10:00:00.000Z';
    const links = [
      { id: 'b-circle:2', recordedAt: '2026-04-01T00:00:00.000Z' },
      { id: 'a-circle:9', recordedAt: at },
      { id: 'a-circle:10', recordedAt: at },
      { id: 'a-circle:1', recordedAt: '2026-05-01T10:00:00.001Z' },
      { id: 'b-circle:1', recordedAt: at },
    ];
    expect(inCanonicalOrder(links, 'recordedAt').map((l) => l.id)).toEqual([
      // Within one millisecond, by id in code units ("10" before "9"), as the index's collate "C".
      'a-circle:10',
      'a-circle:9',
      'a-circle:1',
      'b-circle:2',
      'b-circle:1',
    ]);
  });

  it('compares times as instants, not as text', () => {
    const links = [
      { id: 'c:1', givenAt: '2026-05-01T12:00:00+02:00' },
      { id: 'c:2', givenAt: '2026-05-01T11:00:00.000Z' },
    ];
    expect(inCanonicalOrder(links, 'givenAt').map((l) => l.id)).toEqual(['c:1', 'c:2']);
  });
});
