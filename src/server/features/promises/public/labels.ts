import { DateTime } from 'luxon';
import { parseWeek, ZONE } from '../../../../contracts/iso-week.ts';
import type { Progress, ProgressStatus, Verdict } from '../../../../contracts/promises-progress.ts';

/** Plain-Swedish wording shared by the public page, the feed, the social-media text and the PDF. */
export const STATUS_SV: Record<ProgressStatus, string> = {
  'not-started': 'Inte påbörjat',
  'on-track': 'Enligt plan',
  'at-risk': 'Risk att inte nås',
  behind: 'Efter plan',
  done: 'Uppfyllt',
};

export const VERDICT_SV: Record<Verdict, string> = {
  kept: 'Hållet',
  'partly-kept': 'Delvis hållet',
  'not-kept': 'Inte hållet',
};

export function formatDateSv(date: string): string {
  return DateTime.fromISO(date, { zone: ZONE }).setLocale('sv').toFormat('d MMMM yyyy');
}

/** "3 av 5", with what is counted, in words a resident understands. */
export function progressPhrase(p: Progress): string {
  switch (p.detail.kind) {
    case 'recurring':
      return `${p.done} av ${p.expectedByNow} veckor hittills med insats på varje plats (${p.target} under hela perioden)`;
    case 'per-term':
      return p.detail.terms.map((t) => `${termSv(t.term)}: ${t.done} av ${t.target}`).join(', ');
    case 'deliverable':
      return p.done ? `Klart ${formatDateSv(p.detail.deliveredOn!)}` : 'Inte klart ännu';
    case 'count':
      return `${p.done} av ${p.target} genomförda (${p.expectedByNow} borde vara gjorda vid det här laget)`;
  }
}

export function termSv(term: string): string {
  return `${term.endsWith('VT') ? 'Vårterminen' : 'Höstterminen'} ${term.slice(0, 4)}`;
}

/** `2026-W07` as Swedish readers write it: `v. 7 2026`. */
export function weekSv(week: string): string {
  const { year, number } = parseWeek(week);
  return `v. ${number} ${year}`;
}
