import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createAgreementsService } from './agreements.service.ts';
import { createCommitmentsService } from './commitments.service.ts';
import { createEvaluationService } from './evaluation/evaluation.service.ts';
import { createFollowUpsService } from './follow-ups/follow-ups.service.ts';
import { createPublicPromisesService } from './public/public.service.ts';

/** The feature's services, wired with only what each uses; one entry in the app's service list. */
export function createPromisesFeature({ db, clock }: { db: Kysely<DB>; clock: () => Date }) {
  const followUps = createFollowUpsService({ db, clock });
  return {
    agreements: createAgreementsService({ db, clock }),
    commitments: createCommitmentsService({ db, clock }),
    followUps,
    evaluation: createEvaluationService({ db, clock }),
    publicView: createPublicPromisesService({ db, clock, followUps }),
  };
}

export type PromisesFeature = ReturnType<typeof createPromisesFeature>;
