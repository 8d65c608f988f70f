import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Typed view of the database for Kysely. Each feature declares its tables in its own
 * `<feature>.tables.ts`; this file only composes them.
 */
import type { PlatformTables } from '../platform/platform.tables.ts';
import type { ReferenceTables } from '../features/reference/reference.tables.ts';
import type { ReportTables } from '../features/reports/reports.tables.ts';

export interface DB extends PlatformTables, ReferenceTables, ReportTables {}

/** A timestamptz column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export type { Generated, Insertable, Selectable, Updateable };
