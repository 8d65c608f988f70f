import type { RetentionClass } from '../../platform/retention/retention-class.ts';

/** What a report's free text becomes when it is erased; the report itself stays for the statistics. */
export const ERASED_TEXT = '[Gallrad]';

/** The reports feature's record classes for retention (gallring). */
export const reportsRetention: RetentionClass[] = [
  {
    name: 'reports.free-text',
    description: 'Rapporternas fritext (beskrivning, granskningsanteckning); kategori, plats och tid bevaras.',
    actions: ['anonymise'],
    async countDue(db, { cutoff, held }) {
      let query = db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '<', cutoff)
        .where('text_erased_at', 'is', null);
      if (held.length) query = query.where('id', 'not in', held);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    async apply(db, { cutoff, held }, now) {
      let query = db
        .updateTable('reports')
        .set({ description: ERASED_TEXT, review_note: null, text_erased_at: now })
        .where('created_at', '<', cutoff)
        .where('text_erased_at', 'is', null);
      if (held.length) query = query.where('id', 'not in', held);
      return Number((await query.executeTakeFirst()).numUpdatedRows);
    },
  },
];
