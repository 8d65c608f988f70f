import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ReferenceService } from '../reference/reference.service.ts';
import type { UsersService } from '../users/users.service.ts';
import { createCameraAnalysisService } from './camera-analysis.service.ts';
import { createCameraRegisterService } from './cameras.service.ts';
import { createDisclosuresService } from './disclosures.service.ts';

/** The camera feature's services, wired with only what each uses (one entry in services.ts). */
export function createCameraServices(deps: {
  db: Kysely<DB>;
  reference: ReferenceService;
  users: Pick<UsersService, 'isActiveUser'>;
  clock: () => Date;
}) {
  return {
    register: createCameraRegisterService(deps),
    disclosures: createDisclosuresService(deps),
    analysis: createCameraAnalysisService(deps),
  };
}

export type CameraServices = ReturnType<typeof createCameraServices>;
