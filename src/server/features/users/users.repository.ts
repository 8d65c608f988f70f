import type { Kysely } from 'kysely';
import type { DB, Insertable, Updateable } from '../../db/schema.ts';
import type { UserView } from '../../../contracts/auth.ts';

const userColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.role',
  'u.active',
  'u.password_hash',
  'u.failed_login_count',
  'u.locked_until',
  'u.organisation_id',
  'o.code as organisation_code',
  'o.name as organisation_name',
] as const;

function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('users as u').innerJoin('organisations as o', 'o.id', 'u.organisation_id').select(userColumns);
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return baseQuery(db)
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string) {
  return baseQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export function listUsers(db: Kysely<DB>) {
  return baseQuery(db).orderBy('o.name').orderBy('u.name').execute();
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationCode: row.organisation_code,
    organisationName: row.organisation_name,
    active: row.active,
  };
}

export async function insertUser(db: Kysely<DB>, values: Insertable<DB['users']>): Promise<string> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Kysely<DB>, id: string, changes: Updateable<DB['users']>) {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** The active admins, locked for the rest of the transaction (so two admins cannot demote each other at once). */
export function lockActiveAdmins(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .forUpdate()
    .execute();
}

/** Adds one failed login atomically and returns the new count. */
export async function incrementFailedLogins(db: Kysely<DB>, id: string): Promise<number> {
  const counted = await db
    .updateTable('users')
    .set((eb) => ({ failed_login_count: eb('failed_login_count', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_login_count')
    .executeTakeFirstOrThrow();
  return counted.failed_login_count;
}

export async function isActiveUser(db: Kysely<DB>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}
