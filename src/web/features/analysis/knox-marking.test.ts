import { describe, expect, it } from 'vitest';
import { isMarked } from './knox-marking.ts';

const view = {
  spaceBands: [
    { label: 'same location', min: 0, max: 0 },
    { label: '(0, 200]', min: 0, max: 200 },
    { label: '> 200', min: 200, max: null },
  ],
  timeBands: [
    { label: '[0, 7]', min: 0, max: 7 },
    { label: '> 7', min: 8, max: null },
  ],
  ratio: [
    [3.2, 1.2],
    [1.004, 1.5],
    [1.001, 0.99],
  ],
  p: [
    [0.01, 0.01],
    [0.01, 0.01],
    [0.001, 0.001],
  ],
};

describe('which Knox cells are bold', () => {
  it('marks close bands with p < 0.05 and a ratio above 1 as shown', () => {
    expect(isMarked(view, 0, 0)).toBe(true);
    expect(isMarked(view, 1, 0)).toBe(false); // 1.004 is shown as 1,00
    expect(isMarked({ ...view, p: [[0.2, 0.01], ...view.p.slice(1)] }, 0, 0)).toBe(false);
  });

  it('never marks the open "beyond" bands, where millions of pairs make 1.001 significant', () => {
    expect(isMarked(view, 2, 0)).toBe(false);
    expect(isMarked(view, 0, 1)).toBe(false);
    expect(isMarked(view, 1, 1)).toBe(false);
  });
});
