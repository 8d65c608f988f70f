import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
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
