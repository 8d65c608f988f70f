import { describe, expect, it } from 'vitest';
import type { Progress, ProgressStatus } from '../../../../contracts/promises-progress.ts';
import { SOCIAL_TEXT_MAX, socialText } from './social-text.ts';

const progress = (status: ProgressStatus): Progress => ({
  done: 1,
  target: 5,
  expectedByNow: 2,
  status,
  asOf: '2024-04-30',
  detail: { kind: 'count' },
});
const url = 'https://samtrygg.example/medborgarloften';

describe('socialText', () => {
  it('summarises promises only and names the weakest', () => {
    const text = socialText({
      asOf: '2024-04-30',
      url,
      items: [
        { title: 'Fem trygghetsdialoger', isPromise: true, progress: progress('on-track') },
        { title: 'Fotpatrull varje vecka i fyra centrum', isPromise: true, progress: progress('behind') },
        { title: 'Intern aktivitet', isPromise: false, progress: progress('behind') },
      ],
    });
    expect(text).toBe(
      'Uppföljning av våra medborgarlöften 30 april 2024: 1 av 2 är uppfyllda eller går enligt plan. Ett löfte ligger efter, bland annat "Fotpatrull varje vecka i fyra centrum" (efter plan). Läs mer: https://samtrygg.example/medborgarloften',
    );
  });

  it('stays within the limit and keeps the link', () => {
    const text = socialText({
      asOf: '2024-08-31',
      url,
      items: [{ title: 'Lång titel '.repeat(40), isPromise: true, progress: progress('at-risk') }],
    });
    expect(text.length).toBeLessThanOrEqual(SOCIAL_TEXT_MAX);
    expect(text.endsWith(url)).toBe(true);
  });
});
