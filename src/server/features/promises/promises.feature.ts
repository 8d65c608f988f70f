import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Gazetteer } from '../../platform/personal-data/finding.ts';
import { createAgreementsService } from './agreements.service.ts';
import { createCommitmentsService } from './commitments.service.ts';
import { createEvaluationService } from './evaluation/evaluation.service.ts';
import { createFollowUpsService } from './follow-ups/follow-ups.service.ts';
import { createPublicPromisesService } from './public/public.service.ts';

/** The feature's services, wired with only what each uses; one entry in the app's service list. */
export function createPromisesFeature({
  db,
  clock,
  gazetteer,
}: {
  db: Kysely<DB>;
  clock: () => Date;
  gazetteer: () => Promise<Gazetteer>;
}) {
  const followUps = createFollowUpsService({ db, clock });
  return {
    agreements: createAgreementsService({ db, clock }),
    commitments: createCommitmentsService({ db, clock, gazetteer }),
    followUps,
    evaluation: createEvaluationService({ db, clock }),
    publicView: createPublicPromisesService({ db, clock, followUps }),
  };
}

export type PromisesFeature = ReturnType<typeof createPromisesFeature>;
