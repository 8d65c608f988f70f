import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { DisclosureCreate, DisclosureView } from '../../../contracts/cameras.ts';
import * as repo from './cameras.repository.ts';
import { canLogDisclosures, canSeeDisclosures } from './cameras.policy.ts';
import { ownership, toDisclosureView } from './camera-views.ts';
import { disclosureProblem } from './disclosure-rules.ts';

/** Releases of footage. The log is for named roles only (cameras.policy.ts); every read is audited. */
export function createDisclosuresService({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  /** The site, or NOT_FOUND both when it is missing and when the actor may not see its log. */
  async function siteWithLog(actor: Actor, id: string, may: typeof canSeeDisclosures) {
    const site = await repo.findSiteById(db, id);
    if (!site || !may(actor, ownership(site))) throw new NotFoundError('Disclosure log');
    return site;
  }

  return {
    /** The site's disclosure log, newest first; the read itself is audited. Throws NOT_FOUND. */
    async list(actor: Actor, siteId: string): Promise<DisclosureView[]> {
      await siteWithLog(actor, siteId, canSeeDisclosures);
      return db.transaction().execute(async (trx) => {
        const rows = await repo.listDisclosures(trx, siteId);
        await recordAudit(trx, actor, {
          action: 'camera-disclosure.view',
          entityType: 'camera-site',
          entityId: siteId,
          summary: { entries: rows.length },
        });
        return rows.map(toDisclosureView);
      });
    },

    /**
     * Logs a release of footage. Throws NOT_FOUND, VALIDATION (release in the future),
     * NO_RECORDINGS (409: never installed, no retention, outside the recorded or kept span).
     */
    async log(actor: Actor, siteId: string, input: DisclosureCreate): Promise<DisclosureView> {
      const site = await siteWithLog(actor, siteId, canLogDisclosures);
      const span = {
        recordingFrom: new Date(input.recordingFrom),
        recordingTo: new Date(input.recordingTo),
        releasedAt: new Date(input.releasedAt),
      };
      if (span.releasedAt > clock()) {
        throw new ValidationError('The release lies in the future', [
          { path: 'body.releasedAt', message: 'must not be in the future', code: 'DATE_IN_FUTURE' },
        ]);
      }
      const problem = disclosureProblem(
        {
          status: site.status,
          installedOn: site.installed_on,
          decommissionedOn: site.decommissioned_on,
          retentionDays: site.retention_days,
        },
        span,
      );
      if (problem)
        throw new ConflictError('NO_RECORDINGS', `The site has no recordings for that span (${problem})`, { problem });
      const id = await db.transaction().execute(async (trx) => {
        const newId = await repo.insertDisclosure(trx, {
          site_id: siteId,
          recipient: input.recipient,
          case_reference: input.caseReference,
          recording_from: span.recordingFrom,
          recording_to: span.recordingTo,
          released_at: span.releasedAt,
          released_by_name: input.releasedByName,
          logged_by: actor.userId,
        });
        await recordAudit(trx, actor, {
          action: 'camera-disclosure.log',
          entityType: 'camera-site',
          entityId: siteId,
          summary: {
            after: {
              caseReference: input.caseReference,
              recipient: input.recipient,
              recordingFrom: input.recordingFrom,
              recordingTo: input.recordingTo,
            },
          },
        });
        return newId;
      });
      return toDisclosureView((await repo.listDisclosures(db, siteId)).find((d) => d.id === id)!);
    },
  };
}

export type DisclosuresService = ReturnType<typeof createDisclosuresService>;
