import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Typed view of the database for Kysely. Each feature declares its tables in its own
 * `<feature>.tables.ts`; this file only composes them.
 */
import type { PlatformTables } from '../platform/platform.tables.ts';
import type { ReferenceTables } from '../features/reference/reference.tables.ts';
import type { ReportTables } from '../features/reports/reports.tables.ts';
import type { PromiseTables } from '../features/promises/promises.tables.ts';
import type { LagesbildTables } from '../features/lagesbild/lagesbild.tables.ts';
import type { ActionTables } from '../features/actions/actions.tables.ts';
import type { FundTables } from '../features/fund/fund.tables.ts';
import type { CameraTables } from '../features/cameras/cameras.tables.ts';
import type { RetentionTables } from '../platform/retention/retention.tables.ts';

export interface DB
  extends
    PlatformTables,
    ReferenceTables,
    ReportTables,
    FundTables,
    LagesbildTables,
    ActionTables,
    PromiseTables,
    CameraTables,
    RetentionTables {}

/** A timestamptz column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz column with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export type { Generated, Insertable, Selectable, Updateable };
