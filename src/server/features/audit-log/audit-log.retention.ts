import type { RetentionClass } from '../../platform/retention/retention-class.ts';

/** The audit log's record class: entries older than the plan's period are deleted. */
export const auditLogRetention: RetentionClass[] = [
  {
    name: 'audit.entries',
    description: 'Behandlingshistoriken (vem ändrade vad och när).',
    actions: ['delete'],
    async countDue(db, { cutoff, held }) {
      let query = db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('at', '<', cutoff);
      if (held.length) query = query.where((eb) => eb(eb.cast('id', 'text'), 'not in', held));
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async apply(db, { cutoff, held }) {
      let query = db.deleteFrom('audit_log').where('at', '<', cutoff);
      if (held.length) query = query.where((eb) => eb(eb.cast('id', 'text'), 'not in', held));
      return Number((await query.executeTakeFirst()).numDeletedRows);
    },
  },
];
