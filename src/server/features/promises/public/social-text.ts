import type { Progress } from '../../../../contracts/promises-progress.ts';
import { formatDateSv, STATUS_SV } from './labels.ts';

/** Short enough for every common service (X counts 280 characters, links as 23). */
export const SOCIAL_TEXT_MAX = 280;

/**
 * A short text about a follow-up, ready to paste into social media: how many promises are kept
 * or on track, the weakest one named, and where to read more.
 */
export function socialText(input: {
  asOf: string;
  items: { title: string; isPromise: boolean; progress: Progress }[];
  url: string;
}): string {
  const promises = input.items.filter((i) => i.isPromise);
  const good = promises.filter((i) => i.progress.status === 'done' || i.progress.status === 'on-track').length;
  const weak = promises.filter((i) => i.progress.status === 'behind' || i.progress.status === 'at-risk');
  const head = `Uppföljning av våra medborgarlöften ${formatDateSv(input.asOf)}: ${good} av ${promises.length} är uppfyllda eller går enligt plan.`;
  const worst = weak[0];
  const tail = ` Läs mer: ${input.url}`;
  if (!worst) return `${head}${tail}`;
  const who = weak.length === 1 ? 'Ett löfte' : `${weak.length} löften`;
  const middle = (title: string) =>
    ` ${who} ligger efter, bland annat "${title}" (${STATUS_SV[worst.progress.status].toLowerCase()}).`;
  const room = SOCIAL_TEXT_MAX - head.length - tail.length - middle('').length;
  // Shorten the named promise rather than drop the link: the link is what the text is for.
  if (room < 10) return `${head}${tail}`;
  const title = worst.title.length <= room ? worst.title : `${worst.title.slice(0, room - 1)}…`;
  return `${head}${middle(title)}${tail}`;
}
