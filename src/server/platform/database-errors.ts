/**
 * PostgreSQL's SQLSTATE for a broken unique constraint. Both drivers (pg and PGlite) put the
 * SQLSTATE on the thrown error's `code`.
 */
const UNIQUE_VIOLATION = '23505';

/** Whether a database error is a unique-key violation (a concurrent insert of the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code) === UNIQUE_VIOLATION;
}
