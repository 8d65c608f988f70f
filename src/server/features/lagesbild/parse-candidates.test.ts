import { describe, expect, it } from 'vitest';
import { parseIntegerTriples } from './lagesbild.repository.ts';

describe('parseIntegerTriples', () => {
  it('reads report numbers and centimetre positions into metres', () => {
    const parsed = parseIntegerTriples('17,66012345,657000001;4,-150,7');
    expect([...parsed.numbers]).toEqual([17, 4]);
    expect([...parsed.x]).toEqual([660123.45, -1.5]);
    expect([...parsed.y]).toEqual([6570000.01, 0.07]);
  });

  it('reads nothing from an empty text', () => {
    expect(parseIntegerTriples('').numbers).toHaveLength(0);
  });
});
