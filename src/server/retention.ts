import type { RetentionClass } from './platform/retention/retention-class.ts';
import { auditLogRetention } from './features/audit-log/audit-log.retention.ts';
import { authRetention } from './features/auth/auth.retention.ts';
import { reportsRetention } from './features/reports/reports.retention.ts';

/**
 * Every record class that retention (gallring) knows. A feature defines its classes in
 * `<feature>.retention.ts` and adds them here; the seed pack's retention.json sets their periods.
 */
export const retentionClasses: RetentionClass[] = [...reportsRetention, ...auditLogRetention, ...authRetention];
