import type { ActionStatus } from '../../../../contracts/actions.ts';
import type { AssessmentLevel } from '../../../../contracts/lagesbild.ts';

export const LEVEL_COLOURS: Record<AssessmentLevel, { fill: string; label: string }> = {
  green: { fill: '#b7e1b0', label: 'Grön – normalläge' },
  yellow: { fill: '#ffe08a', label: 'Gul – förhöjd uppmärksamhet' },
  red: { fill: '#f4a3a3', label: 'Röd – koncentrera resurser' },
};

export const STATUS_SV: Record<ActionStatus, string> = {
  planned: 'Planerad',
  'in-progress': 'Pågår',
  done: 'Klar',
  cancelled: 'Avbruten',
};

const numberSv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
/** Swedish number format with an ASCII space: the standard PDF fonts lack the narrow no-break space. */
export const num = (v: number) => numberSv.format(v).replace(/\s/g, ' ').replace('−', '-');

export const dateTimeSv = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
export const dateSv = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short' }).format(new Date(iso));
