import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { BudgetView, OverviewView, PotContractView, PotCreate, PotView } from '../../../contracts/fund.ts';
import { canApply, isFundManager } from './fund.policy.ts';
import * as potsRepo from './fund-pots.repository.ts';
import * as summaryRepo from './fund-summary.repository.ts';
import { summariseGrants } from './fund.summary.ts';
import { swedishToday } from './fund.views.ts';
import { isOverdue } from './fund.workflow.ts';

export interface FundBudgetServiceDeps {
  db: Kysely<DB>;
  clock: () => Date;
}

/** Budgets per year, their pots, and the overview of what the money went to. */
export function createFundBudgetService({ db, clock }: FundBudgetServiceDeps) {
  const currentYear = () => Number(swedishToday(clock()).slice(0, 4));

  return {
    currentYear,

    /** What the actor may do in the fund, so the web app shows the right entries. */
    capabilities(actor: Actor) {
      return { canApply: canApply(actor), isManager: isFundManager(actor), currentYear: currentYear() };
    },

    /** The year's pots with granted and remaining money (the public contract's shape, extended). */
    async pots(_actor: Actor, year = currentYear()): Promise<PotContractView[]> {
      return (await potsRepo.listPotsByYear(db, year)).map(potsRepo.toPotView);
    },

    /** Every year's budget with its pots, newest year first. */
    async budgets(_actor: Actor): Promise<BudgetView[]> {
      const budgets = await potsRepo.listBudgets(db);
      return Promise.all(budgets.map((b) => potsRepo.budgetView(db, b)));
    },

    /** Sets the year's total. Throws FORBIDDEN, BUDGET_BELOW_ALLOCATED (409) when pots already hold more. */
    async setBudget(actor: Actor, year: number, input: { totalOre: number; source: string }): Promise<BudgetView> {
      if (!isFundManager(actor)) throw new ForbiddenError('Only the fund managers set budgets');
      const row = await db.transaction().execute(async (trx) => {
        const locked = await potsRepo.lockBudget(trx, year);
        if (locked && (await potsRepo.allocatedOre(trx, locked.id)) > input.totalOre) {
          throw new ConflictError('BUDGET_BELOW_ALLOCATED', 'The pots already hold more than this total');
        }
        const budget = await potsRepo.upsertBudget(trx, { year, total_ore: input.totalOre, source: input.source });
        await recordAudit(trx, actor, {
          action: 'fund.budget.set',
          entityType: 'fund_budget',
          entityId: budget.id,
          summary: { before: { totalOre: locked?.total_ore ?? null }, after: { totalOre: input.totalOre } },
        });
        return budget;
      });
      return potsRepo.budgetView(db, row);
    },

    /** Allocates a pot out of the year's budget. Throws FORBIDDEN, NOT_FOUND (no budget), BUDGET_EXCEEDED (409), POT_CODE_TAKEN (409). */
    async createPot(actor: Actor, input: PotCreate): Promise<PotView> {
      if (!isFundManager(actor)) throw new ForbiddenError('Only the fund managers allocate pots');
      const id = await db.transaction().execute(async (trx) => {
        const budget = await potsRepo.lockBudget(trx, input.year);
        if (!budget) throw new NotFoundError('Budget');
        const allocated = await potsRepo.allocatedOre(trx, budget.id);
        if (allocated + input.amountOre > budget.total_ore) {
          throw new ConflictError('BUDGET_EXCEEDED', 'The budget does not have that much unallocated', {
            unallocatedOre: budget.total_ore - allocated,
          });
        }
        if (await potsRepo.potCodeTaken(trx, input.code))
          throw new ConflictError('POT_CODE_TAKEN', 'A pot with this code exists');
        const potId = await potsRepo.insertPot(trx, {
          budget_id: budget.id,
          code: input.code,
          name: input.name,
          purpose: input.purpose,
          amount_ore: input.amountOre,
          source: input.source,
        });
        await recordAudit(trx, actor, {
          action: 'fund.pot.create',
          entityType: 'fund_pot',
          entityId: potId,
          summary: { after: { year: input.year, name: input.name, amountOre: input.amountOre } },
        });
        return potId;
      });
      return potsRepo.toPotView((await potsRepo.findPotById(db, id))!);
    },

    /** What the year's safety money went to: pots, grants per prevention type, focus area and area, and reported results. */
    async overview(_actor: Actor, year = currentYear()): Promise<OverviewView> {
      const budgetRow = await potsRepo.findBudgetByYear(db, year);
      const budget = budgetRow ? await potsRepo.budgetView(db, budgetRow) : null;
      const grants = await summaryRepo.listGrants(db, year);
      const ids = grants.map((g) => g.id);
      const [links, followUps] = await Promise.all([
        summaryRepo.listGrantLinks(db, ids),
        summaryRepo.listFollowUpsOf(db, ids),
      ]);
      const today = swedishToday(clock());
      const of = <T extends { application_id: string }>(rows: T[], id: string) =>
        rows.filter((r) => r.application_id === id);
      const summary = summariseGrants(
        grants.map((g) => ({
          id: g.id,
          preventionType: g.prevention_type,
          grantedOre: g.granted_ore,
          focusAreas: of(links.focusAreas, g.id),
          areas: of(links.areas, g.id),
        })),
      );
      return {
        year,
        budget,
        ...summary,
        granted: grants.map((g) => {
          const fus = of(followUps, g.id);
          return {
            id: g.id,
            title: g.title,
            organisationName: g.organisation_name,
            preventionType: g.prevention_type,
            grantedOre: g.granted_ore,
            spentOre: fus.reduce((s, f) => s + (f.spent_ore ?? 0), 0),
            areaCodes: of(links.areas, g.id).map((a) => a.code),
            overdueFollowUps: fus.filter((f) => isOverdue({ dueOn: f.due_on, reportedAt: f.reported_at }, today))
              .length,
          };
        }),
        results: followUps
          .filter((f) => f.reported_at !== null)
          .map((f) => ({
            applicationId: f.application_id,
            title: f.title,
            dueOn: f.due_on,
            spentOre: f.spent_ore,
            indicatorResults: f.indicator_results,
            comment: f.comment,
          })),
      };
    },
  };
}

export type FundBudgetService = ReturnType<typeof createFundBudgetService>;
