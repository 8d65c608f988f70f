import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { shiftWeek, weekOf, weekRange } from '../../../contracts/iso-week.ts';
import type { ActionsService } from '../actions/actions.service.ts';
import type { ReportsService } from '../reports/reports.service.ts';
import { compileMap, compilePicture, type CompileDeps } from './compile.ts';
import type {
  AssessmentInput,
  FeedbackView,
  HistoryQuery,
  HistoryView,
  LagesbildView,
  PublishInput,
  VersionSummaryView,
  WeekMapView,
} from '../../../contracts/lagesbild.ts';
import { canEditPicture, liveAudience, snapshotAudience } from './lagesbild.policy.ts';
import * as repo from './lagesbild.repository.ts';
import { feedbackFor, feedbackForMany } from './feedback.ts';
import { renderPicturePdf } from './pdf/picture-pdf.ts';

export interface LagesbildServiceDeps {
  db: Kysely<DB>;
  actions: ActionsService;
  reports: ReportsService;
  clock: () => Date;
}

const HISTORY_DEFAULT_WEEKS = 26;

/**
 * The reader a partnership snapshot is compiled for: someone who sees only reports shared with the
 * whole partnership, so actions in that snapshot never list restricted reports. No such user
 * exists; the nil id matches no author.
 */
const partnershipReader = (publisher: Actor): Actor => ({
  ...publisher,
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'lasare',
  organisationKind: 'other',
});
const HISTORY_MAX_WEEKS = 156;

/** weekRange with the error the API answers: VALIDATION (400) for a week that does not exist. */
function existingWeek(week: string): string {
  try {
    weekRange(week);
    return week;
  } catch {
    throw new ValidationError('No such week', [
      { path: 'params.week', message: 'no such ISO week', code: 'INVALID_WEEK' },
    ]);
  }
}

export function createLagesbildService({ db, actions, reports, clock }: LagesbildServiceDeps) {
  const compileDeps = { db, actions, clock };

  function requireEditor(actor: Actor) {
    if (!canEditPicture(actor)) throw new ForbiddenError('Only coordinators edit the weekly picture');
  }

  async function areaId(code: string): Promise<string> {
    const areas = await repo.activeAreas(db);
    const area = areas.find((a) => a.code === code);
    if (!area) throw new NotFoundError('Area');
    return area.id;
  }

  async function published(actor: Actor, week: string, version: number | 'latest'): Promise<LagesbildView | undefined> {
    const row = await repo.findVersionSnapshot(db, week, version, snapshotAudience(actor));
    return row?.snapshot;
  }

  async function live(actor: Actor, week: string): Promise<LagesbildView> {
    const [compiled, latest] = await Promise.all([
      compilePicture(compileDeps, week, liveAudience(actor), actor),
      repo.latestVersion(db, week),
    ]);
    return { ...compiled, version: (latest?.version ?? 0) + 1 };
  }

  /**
   * The week's picture: the latest published version, or the live draft when the week is not
   * published (or a coordinator asks for `live`). Throws VALIDATION for a week that does not exist.
   */
  async function picture(actor: Actor, week: string, options: { live?: boolean } = {}): Promise<LagesbildView> {
    existingWeek(week);
    if (!(options.live && canEditPicture(actor))) {
      const snapshot = await published(actor, week, 'latest');
      if (snapshot) return snapshot;
    }
    return live(actor, week);
  }

  /** One published version. Throws NOT_FOUND when the week has no such version. */
  async function version(actor: Actor, week: string, number: number): Promise<LagesbildView> {
    existingWeek(week);
    const snapshot = await published(actor, week, number);
    if (!snapshot) throw new NotFoundError('Version');
    return snapshot;
  }

  /**
   * The week's map points, from the same source as `picture` with the same options: the published
   * version's frozen points, or the live ones. Throws VALIDATION (week), NOT_FOUND (version).
   */
  async function map(
    actor: Actor,
    week: string,
    options: { live?: boolean; version?: number | undefined } = {},
  ): Promise<WeekMapView> {
    existingWeek(week);
    if (options.version !== undefined || !(options.live && canEditPicture(actor))) {
      const row = await repo.findVersionMap(db, week, options.version ?? 'latest', snapshotAudience(actor));
      if (row)
        return {
          week,
          status: 'published',
          version: row.version,
          reports: row.reports,
          reportsTruncated: row.reports_truncated,
        };
      if (options.version !== undefined) throw new NotFoundError('Version');
    }
    const [points, latest] = await Promise.all([
      compileMap(compileDeps, week, liveAudience(actor)),
      repo.latestVersion(db, week),
    ]);
    return { ...points, status: 'draft', version: (latest?.version ?? 0) + 1 };
  }

  return {
    picture,
    version,
    map,

    async versions(_actor: Actor, week: string): Promise<VersionSummaryView[]> {
      existingWeek(week);
      const rows = await repo.listVersions(db, week);
      return rows.map((r) => ({
        version: r.version,
        publishedAt: r.published_at.toISOString(),
        publishedBy: r.published_by,
        reason: r.reason,
      }));
    },

    /** A coordinator sets an area's colour and comment. Throws FORBIDDEN, NOT_FOUND (area), PERSONAL_DATA. */
    async assess(actor: Actor, week: string, areaCode: string, input: AssessmentInput): Promise<LagesbildView> {
      requireEditor(actor);
      existingWeek(week);
      const id = await areaId(areaCode);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findAssessment(trx, week, id);
        await repo.upsertAssessment(trx, {
          week,
          areaId: id,
          level: input.level,
          comment: input.comment,
          userId: actor.userId,
          at: clock(),
        });
        await recordAudit(trx, actor, {
          action: 'lagesbild.assess',
          entityType: 'lagesbild',
          entityId: null,
          summary: { week, areaCode, before: before ?? null, after: input },
        });
      });
      return live(actor, week);
    },

    /** A coordinator writes the week's summary. Throws FORBIDDEN, PERSONAL_DATA. */
    async summarise(actor: Actor, week: string, summary: string): Promise<LagesbildView> {
      requireEditor(actor);
      existingWeek(week);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findDraft(trx, week);
        await repo.upsertSummary(trx, week, summary, actor.userId, clock());
        await recordAudit(trx, actor, {
          action: 'lagesbild.summarise',
          entityType: 'lagesbild',
          summary: { week, before: before?.summary ?? '', after: summary },
        });
      });
      return live(actor, week);
    },

    /**
     * Freezes the picture as the next version: every figure for both audiences, assessments,
     * summary and actions. From version 2 on a reason is required. Throws FORBIDDEN,
     * VALIDATION (REASON_REQUIRED), LAGESBILD_PUBLISHED_MEANWHILE (409) on a concurrent publish.
     */
    async publish(actor: Actor, week: string, input: PublishInput): Promise<LagesbildView> {
      requireEditor(actor);
      const range = weekRange(existingWeek(week));
      if (range.from > clock()) {
        throw new ValidationError('A week that has not begun cannot be published', [
          { path: 'params.week', message: 'week has not begun', code: 'WEEK_IN_FUTURE' },
        ]);
      }
      const latest = await repo.latestVersion(db, week);
      const version = (latest?.version ?? 0) + 1;
      if (version > 1 && !input.reason) {
        throw new ValidationError('A corrected picture needs a reason', [
          { path: 'body.reason', message: 'required from version 2 on', code: 'REASON_REQUIRED' },
        ]);
      }
      const at = clock();
      // Actions are read first, through their own service (its own connection): inside the
      // snapshot's transaction they would wait for the one PGlite connection the snapshot holds.
      const readers = [actor, partnershipReader(actor)] as const;
      const actionLists = await Promise.all(
        readers.map((reader) => actions.list(reader, { decidedInOrOpen: [week, shiftWeek(week, -1)] })),
      );
      const prefetchedActions: CompileDeps['actions'] = {
        list: async (reader) => actionLists[readers.indexOf(reader)] ?? [],
      };
      try {
        // One snapshot (repeatable read) for compiling and for linking: a report filed while the
        // picture is published is either counted and linked, or neither ("counted in v1" is true).
        await db
          .transaction()
          .setIsolationLevel('repeatable read')
          .execute(async (trx) => {
            const snapshot = { ...compileDeps, db: trx, actions: prefetchedActions };
            const [full, partnership, fullMap, partnershipMap] = await Promise.all([
              compilePicture(snapshot, week, { kind: 'full' }, readers[0]),
              compilePicture(snapshot, week, { kind: 'partnership' }, readers[1]),
              compileMap(snapshot, week, { kind: 'full' }),
              compileMap(snapshot, week, { kind: 'partnership' }),
            ]);
            const stamp = {
              status: 'published' as const,
              version,
              publishedAt: at.toISOString(),
              publishedBy: actor.name,
              reason: input.reason ?? null,
            };
            const versionId = await repo.insertVersion(trx, {
              week,
              version,
              reason: input.reason ?? null,
              full: { ...full, ...fullMap, ...stamp },
              partnership: { ...partnership, ...partnershipMap, ...stamp },
              userId: actor.userId,
              at,
            });
            await repo.linkVersionReports(trx, versionId, range.from, range.to);
            await recordAudit(trx, actor, {
              action: 'lagesbild.publish',
              entityType: 'lagesbild',
              entityId: versionId,
              summary: { week, version, reason: input.reason ?? null, total: full.total },
            });
          });
      } catch (error) {
        // The unique (week, version) key turns a concurrent publish into a conflict, never a duplicate.
        if (String((error as { code?: unknown }).code) === '23505') {
          throw new ConflictError(
            'LAGESBILD_PUBLISHED_MEANWHILE',
            'Someone published this week meanwhile; reload and try again',
          );
        }
        throw error;
      }
      return (await published(actor, week, version))!;
    },

    /** Area x week colour matrix, newest week last. Throws VALIDATION for a bad or too long range. */
    async history(_actor: Actor, query: HistoryQuery): Promise<HistoryView> {
      const to = existingWeek(query.to ?? weekOf(clock()));
      const from = existingWeek(query.from ?? shiftWeek(to, -(HISTORY_DEFAULT_WEEKS - 1)));
      const weeks: string[] = [];
      for (
        let w = from;
        weekRange(w).from <= weekRange(to).from && weeks.length <= HISTORY_MAX_WEEKS;
        w = shiftWeek(w, 1)
      )
        weeks.push(w);
      if (weeks.length > HISTORY_MAX_WEEKS || weeks.length === 0) {
        throw new ValidationError('Bad history range', [
          {
            path: 'query.from',
            message: `from must not be after to, at most ${HISTORY_MAX_WEEKS} weeks`,
            code: 'INVALID_RANGE',
          },
        ]);
      }
      const [areas, levels] = await Promise.all([repo.activeAreas(db), repo.levelsBetween(db, from, to)]);
      const publishedByWeek = new Map(levels.published.map((p) => [p.week, p]));
      const draftLevel = new Map(levels.drafts.map((d) => [`${d.week}|${d.code}`, d.level]));
      return {
        weeks,
        areas: areas.map((a) => ({
          areaCode: a.code,
          name: a.name,
          levels: weeks.map((w) => {
            const snapshot = publishedByWeek.get(w);
            if (snapshot) return snapshot.levels.find((l) => l.areaCode === a.code)?.level ?? null;
            return draftLevel.get(`${w}|${a.code}`) ?? null;
          }),
        })),
        published: levels.published
          .map((p) => ({ week: p.week, version: p.version, publishedAt: new Date(p.published_at).toISOString() }))
          .sort((a, b) => a.week.localeCompare(b.week)),
      };
    },

    /** The picture (latest published, a given version, or the draft) as a Swedish PDF. Throws as `picture`/`version`. */
    async pdf(
      actor: Actor,
      week: string,
      options: { version?: number | undefined; compress?: boolean } = {},
    ): Promise<{ filename: string; bytes: Buffer }> {
      const shown = options.version ? await version(actor, week, options.version) : await picture(actor, week);
      const bytes = await renderPicturePdf(shown, await repo.areaShapes(db), { compress: options.compress ?? true });
      return {
        filename: `lagesbild-${week}${shown.status === 'published' ? `-v${shown.version}` : '-utkast'}.pdf`,
        bytes,
      };
    },

    /** What became of a report: review, pictures it was counted in, actions it led to. Throws NOT_FOUND. */
    async feedback(actor: Actor, reportId: string): Promise<FeedbackView> {
      return feedbackFor({ db, actions, reports }, actor, reportId);
    },

    /** Feedback on several reports (visible ones only, in the order given). */
    async feedbackOnMany(actor: Actor, reportIds: readonly string[]): Promise<FeedbackView[]> {
      return feedbackForMany({ db, actions, reports }, actor, reportIds);
    },
  };
}

export type LagesbildService = ReturnType<typeof createLagesbildService>;
