import type { Kysely } from 'kysely';
import type { DB, Insertable } from '../../../db/schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { ForbiddenError, UnprocessableError } from '../../../platform/errors.ts';
import type { ActivityImport, ActivityLog, ImportResult, ImportRowError } from '../../../../contracts/promises.ts';
import { activityTarget, loadCommitments } from '../commitment-loader.ts';
import { localDate } from '../progress/calendar.ts';
import { canLogFor } from '../promises.policy.ts';
import type { CommitmentActivitiesTable } from '../promises.tables.ts';
import * as repo from '../promises.repository.ts';
import type { Gazetteer } from '../../../platform/personal-data/finding.ts';
import { findPersonalDataInFields } from '../../../platform/personal-data/rule.ts';
import { parseActivityCsv } from './activity-csv.ts';
import { checkActivity } from './activity-rules.ts';

/**
 * Imports activities from CSV for commitments the actor's organisation owns. All rows or none:
 * any invalid row answers IMPORT_INVALID_ROWS (422) with every row's errors, unless `skipInvalid`,
 * when the valid rows are imported and the invalid ones listed.
 */
export async function importActivities(
  { db, clock, gazetteer }: { db: Kysely<DB>; clock: () => Date; gazetteer: () => Promise<Gazetteer> },
  actor: Actor,
  input: ActivityImport,
): Promise<ImportResult> {
  if (actor.role === 'lasare') throw new ForbiddenError('Read-only users cannot log activities');
  const { rows, fileErrors } = parseActivityCsv(input.csv);
  if (fileErrors.length)
    throw new UnprocessableError('IMPORT_INVALID_FILE', 'The file cannot be imported', { errors: fileErrors });
  if (rows.length === 0)
    throw new UnprocessableError('IMPORT_INVALID_FILE', 'The file has no rows', {
      errors: [{ line: 2, field: 'file', message: 'no rows' }],
    });

  const codes = [...new Set(rows.map((r) => r.commitment).filter(Boolean))];
  const known = new Map((await repo.findCommitmentCodes(db, codes)).map((c) => [c.code, c.id]));
  const loaded = new Map(
    (await loadCommitments(db, { ids: [...known.values()] }, { asOf: clock() })).map((c) => [c.row.id, c]),
  );
  const places = await repo.placesByCodeOrName(db);
  const placeIdByCode = new Map(places.map((p) => [p.code, p.id]));
  const placeCodeByName = new Map(places.map((p) => [p.name.toLowerCase(), p.code]));
  const today = localDate(clock());
  const names = await gazetteer();

  const valid: Insertable<CommitmentActivitiesTable>[] = [];
  const skipped: ImportResult['skipped'] = [];
  for (const row of rows) {
    const errors: ImportRowError[] = [...row.errors];
    const commitment = known.has(row.commitment) ? loaded.get(known.get(row.commitment)!) : undefined;
    if (row.commitment && !commitment)
      errors.push({ line: row.line, field: 'commitment', message: `unknown commitment ${row.commitment}` });
    if (
      commitment &&
      !canLogFor(
        actor,
        commitment.owners.map((o) => o.id),
      )
    ) {
      errors.push({ line: row.line, field: 'commitment', message: 'your organisation does not own this commitment' });
    }
    const placeCode = row.place
      ? placeIdByCode.has(row.place)
        ? row.place
        : (placeCodeByName.get(row.place.toLowerCase()) ?? row.place)
      : undefined;
    let placeId: string | null = null;
    if (commitment && row.errors.length === 0) {
      const input: ActivityLog = {
        occurredOn: row.occurredOn,
        ...(placeCode ? { placeCode } : {}),
        ...(row.note ? { note: row.note } : {}),
        ...(row.evidence ? { evidence: row.evidence } : {}),
      };
      const checked = checkActivity(input, activityTarget(commitment), { today, placeIdByCode });
      errors.push(...checked.problems.map((p) => ({ line: row.line, field: p.field, message: p.message })));
      placeId = checked.placeId;
    }
    // Notes are about what was done, never about whom (contact-ban follow-ups especially).
    for (const finding of findPersonalDataInFields(
      [
        { field: 'note', text: row.note },
        { field: 'evidence', text: row.evidence },
      ],
      names,
    )) {
      errors.push({ line: row.line, field: finding.field, message: `${finding.masked}: ${finding.reasonSv}` });
    }
    if (errors.length || !commitment) {
      skipped.push({ line: row.line, errors });
      continue;
    }
    valid.push({
      commitment_id: commitment.row.id,
      organisation_id: actor.organisationId,
      logged_by: actor.userId,
      occurred_on: row.occurredOn,
      place_id: placeId,
      participants: row.participants ?? null,
      duration_minutes: row.durationMinutes ?? null,
      note: row.note,
      evidence: row.evidence || null,
      source: 'import',
      created_at: clock(),
    });
  }
  if (skipped.length && !input.skipInvalid) {
    throw new UnprocessableError(
      'IMPORT_INVALID_ROWS',
      `${skipped.length} of ${rows.length} rows are invalid; nothing was imported`,
      { rows: skipped },
    );
  }
  await db.transaction().execute(async (trx) => {
    await repo.insertActivities(trx, valid);
    await recordAudit(trx, actor, {
      action: 'commitment.activity.import',
      entityType: 'commitment',
      summary: {
        imported: valid.length,
        skippedLines: skipped.map((s) => s.line),
        commitments: [...new Set(valid.map((v) => v.commitment_id))],
      },
    });
  });
  return { imported: valid.length, skipped };
}
