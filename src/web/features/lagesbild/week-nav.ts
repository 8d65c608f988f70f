import { shiftWeek, weekOf } from '../../../contracts/iso-week.ts';

/** The meeting looks back at the last full week by default. */
export const defaultWeek = () => shiftWeek(weekOf(new Date()), -1);
export const WEEK_PATTERN = /^\d{4}-W\d{2}$/;
export { shiftWeek };
