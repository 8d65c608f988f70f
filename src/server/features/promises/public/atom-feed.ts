import { escapeHtml } from './html.ts';
import { STATUS_SV } from './labels.ts';
import type { PublicFollowUp } from './public.service.ts';

/** Atom 1.0 feed (RFC 4287) of published follow-ups, newest first; every text is escaped. */
export function renderAtomFeed(followUps: PublicFollowUp[], urls: { page: string; feed: string }): string {
  // A feed must say when it last changed; without entries that is the Unix epoch, stable for caches.
  const updated =
    followUps
      .map((f) => f.publishedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const entries = followUps.map((f) => {
    const content = `<ul>${f.items.map((i) => `<li><strong>${escapeHtml(i.title)}</strong>: ${escapeHtml(STATUS_SV[i.status])}, ${i.done} av ${i.target}.${i.comment ? ` ${escapeHtml(i.comment)}` : ''}</li>`).join('')}</ul>`;
    return `  <entry>
    <id>urn:uuid:${escapeHtml(f.id)}</id>
    <title>${escapeHtml(f.title)}</title>
    <updated>${escapeHtml(f.publishedAt)}</updated>
    <published>${escapeHtml(f.publishedAt)}</published>
    <link rel="alternate" type="text/html" href="${escapeHtml(`${urls.page}#uppfoljning-${f.id}`)}"/>
    <summary type="text">${escapeHtml(f.socialText)}</summary>
    <content type="html">${escapeHtml(content)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">
  <id>${escapeHtml(urls.page)}</id>
  <title>Medborgarlöften – uppföljningar</title>
  <subtitle>Polisens och kommunens uppföljningar av medborgarlöftena</subtitle>
  <updated>${escapeHtml(updated)}</updated>
  <author><name>Polisen och kommunen</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(urls.feed)}"/>
  <link rel="alternate" type="text/html" href="${escapeHtml(urls.page)}"/>
${entries.join('\n')}
</feed>
`;
}
