import type { RetentionClass } from '../../platform/retention/retention-class.ts';

/** Login sessions and failed-login counters: short-lived records of little value once old. */
export const authRetention: RetentionClass[] = [
  {
    name: 'auth.sessions',
    description: 'Inloggningssessioner som löpt ut (räknat från utgångstiden).',
    actions: ['delete'],
    async countDue(db, { cutoff }) {
      const row = await db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('expires_at', '<=', cutoff)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async apply(db, { cutoff }) {
      return Number(
        (await db.deleteFrom('sessions').where('expires_at', '<=', cutoff).executeTakeFirst()).numDeletedRows,
      );
    },
  },
  {
    name: 'auth.login-failures',
    description: 'Räknare för misslyckade inloggningar per adress (räknat från senaste försöket).',
    actions: ['delete'],
    async countDue(db, { cutoff }) {
      const row = await db
        .selectFrom('login_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('updated_at', '<', cutoff)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async apply(db, { cutoff }) {
      const result = await db
        .deleteFrom('login_failures')
        .where('updated_at', '<', cutoff)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  },
];
