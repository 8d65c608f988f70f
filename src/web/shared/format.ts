import { DateTime } from 'luxon';
import { ZONE } from '../../contracts/iso-week.ts';

/** Dates and numbers are shown in Swedish formats and Swedish local time. */
export const formatDateTime = (iso: string) =>
  DateTime.fromISO(iso, { zone: ZONE }).setLocale('sv-SE').toFormat('d MMM yyyy HH:mm');
export const formatDate = (iso: string) =>
  DateTime.fromISO(iso, { zone: ZONE }).setLocale('sv-SE').toFormat('d MMM yyyy');
export const formatNumber = (n: number) => new Intl.NumberFormat('sv-SE').format(n);

/** `YYYY-MM-DDTHH:mm` in Swedish local time, for <input type="datetime-local">. */
export const toLocalInput = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
/** The instant of a datetime-local value read as Swedish local time, as ISO with offset. */
export const fromLocalInput = (value: string) =>
  DateTime.fromISO(value, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
