import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash;
const unique = () => randomBytes(4).toString('hex');
/** A new organisation of its own, so tests never depend on each other's data. */
export async function createOrganisation(db, kind = 'housing') {
    const code = `org-${unique()}`;
    return db
        .insertInto('organisations')
        .values({ code, name: `Testorganisation ${code}`, short_name: code, kind })
        .returning(['id', 'code', 'name', 'kind'])
        .executeTakeFirstOrThrow();
}
export async function createUser(db, options) {
    cachedHash ??= hashPassword(TEST_PASSWORD);
    const email = `${options.role}-${unique()}@test.samtrygg.local`;
    const row = await db
        .insertInto('users')
        .values({
        email,
        name: options.name ?? `Test ${options.role}`,
        role: options.role,
        organisation_id: options.organisationId,
        password_hash: await cachedHash,
    })
        .returning(['id'])
        .executeTakeFirstOrThrow();
    return { id: row.id, email, password: TEST_PASSWORD };
}
/** A valid report body at a sourced position (Skogås station). */
export function reportBody(overrides = {}) {
    return {
        categoryCode: 'skadegorelse-klotter',
        occurredAt: '2026-11-17T21:30:00+01:00',
        location: { lat: 59.219357, lon: 18.153572 },
        description: 'Klotter på busskuren vid stationen, ca 2 m².',
        ...overrides,
    };
}
