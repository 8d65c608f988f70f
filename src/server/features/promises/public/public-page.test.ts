import { describe, expect, it } from 'vitest';
import { renderAtomFeed } from './atom-feed.ts';
import { renderPublicPage } from './public-page.ts';
import type { PublicFollowUp, PublicPromiseDetail } from './public.service.ts';

const evil = '<script>alert("x")</script> & "quotes"';
const promise: PublicPromiseDetail = {
  id: 'p1',
  title: evil,
  parties: ['Polisen <b>'],
  focusAreaCode: 'trygghet-offentlig-miljo',
  progress: { done: 3, target: 8, expectedByNow: 4 },
  status: 'at-risk',
  description: evil,
  focusAreaName: 'Trygghet i offentlig miljö',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  targetKind: 'recurring',
  places: [{ name: 'Skogås C', weeksInPeriod: 52, weeksElapsed: 4, weeksWithActivity: 3, missedWeeks: ['2024-W02'] }],
  terms: [],
  deliveredOn: null,
};
const followUp: PublicFollowUp = {
  id: 'f1',
  title: 'Uppföljning 30 april 2024',
  asOf: '2024-04-30',
  publishedAt: '2024-05-10T08:00:00.000Z',
  items: [{ title: evil, status: 'behind', done: 1, target: 5, expectedByNow: 2, comment: evil }],
  socialText: evil,
};

describe('public rendering', () => {
  it('escapes every text on the page and keeps its landmarks and headings', () => {
    const page = renderPublicPage({
      promises: [promise],
      followUps: [followUp],
      asOf: new Date('2024-05-10T09:00:00Z'),
      feedUrl: 'https://x.example/medborgarloften/feed.atom',
    });
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(page).toMatch(/<html lang="sv">/);
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    for (const landmark of ['<header>', '<main id="innehall">', '<footer>']) expect(page).toContain(landmark);
    expect(page).toContain('Skogås C: 3 av 4 veckor – missade veckor: v. 2 2024');
    expect(page).toContain('Risk att inte nås');
  });

  it('writes an Atom feed whose entries carry escaped text and the page anchor', () => {
    const feed = renderAtomFeed([followUp], {
      page: 'https://x.example/medborgarloften',
      feed: 'https://x.example/medborgarloften/feed.atom',
    });
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('<updated>2024-05-10T08:00:00.000Z</updated>');
    expect(feed).toContain('href="https://x.example/medborgarloften#uppfoljning-f1"');
    expect(renderAtomFeed([], { page: 'p', feed: 'f' })).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
  });
});
