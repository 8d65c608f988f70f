import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createFundApplicationsService } from './fund-applications.service.ts';
import { createFundBudgetService } from './fund-budget.service.ts';
import { createFundDecisionsService } from './fund-decisions.service.ts';

/** The fund's services: budgets and pots, applications, and review/decision/follow-up. */
export function createFundServices({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  const applications = createFundApplicationsService({ db, clock });
  return {
    budget: createFundBudgetService({ db, clock }),
    applications,
    decisions: createFundDecisionsService({ db, clock, applications }),
  };
}

export type FundServices = ReturnType<typeof createFundServices>;
