import type { Role } from '../src/server/platform/platform.tables.ts';

/**
 * Who may ever be let through each route of the route table: `public` (anyone, also nobody logged
 * in), `signed-in` (every role; what a record shows still depends on who asks), or the roles that
 * may pass (whether one does can still depend on her organisation: a coordinator of an agreement
 * party, the applicant board). Every other role must be refused. `route-access.db.test.ts` fails on a
 * route that is missing here, so a new route cannot arrive without saying who may call it.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

const ADMIN = ['admin'] as const;
const COORDINATORS = ['admin', 'samordnare'] as const;
const WRITERS = ['admin', 'samordnare', 'rapportor'] as const;

export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/health/live': 'public',
  'GET /metrics': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/logout': 'public',

  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'GET /api/audit': ADMIN,

  'GET /api/organisations': 'public',
  'GET /api/focus-areas': 'public',
  'GET /api/categories': 'public',
  'GET /api/areas': 'public',
  'GET /api/places': 'public',
  'GET /api/municipality': 'public',
  'POST /api/organisations': ADMIN,
  'PATCH /api/organisations/:code': ADMIN,
  'PATCH /api/focus-areas/:code': ADMIN,
  'POST /api/categories': ADMIN,
  'PATCH /api/categories/:code': ADMIN,
  'POST /api/places': ADMIN,
  'PUT /api/areas': ADMIN,
  'PUT /api/municipality/boundary': ADMIN,

  'POST /api/reports': WRITERS,
  'GET /api/reports': 'signed-in',
  'GET /api/reports/lookup': 'signed-in',
  'GET /api/reports/:id': 'signed-in',
  'PATCH /api/reports/:id': WRITERS,
  'POST /api/reports/:id/withdraw': WRITERS,
  'POST /api/reports/:id/review': COORDINATORS,
  'GET /api/reports/:id/duplicates': 'signed-in',
  'GET /api/reports/feedback': 'signed-in',
  'GET /api/reports/:id/feedback': 'signed-in',

  'GET /api/agreements': 'signed-in',
  'POST /api/agreements': COORDINATORS,
  'GET /api/agreements/:id': 'signed-in',
  'PATCH /api/agreements/:id': COORDINATORS,
  'POST /api/agreements/:id/plans': COORDINATORS,
  'PATCH /api/agreements/:id/plans/:planId': COORDINATORS,
  'PUT /api/agreements/:id/follow-up-dates': COORDINATORS,
  'GET /api/commitments': 'signed-in',
  'POST /api/commitments': COORDINATORS,
  'GET /api/commitments/:id': 'signed-in',
  'PATCH /api/commitments/:id': COORDINATORS,
  'GET /api/commitments/:id/activities': 'signed-in',
  'POST /api/commitments/:id/activities': WRITERS,
  'POST /api/commitment-activities/:id/withdraw': WRITERS,
  'POST /api/commitment-activities/import': WRITERS,
  'GET /api/agreements/:id/follow-ups': 'signed-in',
  'POST /api/agreements/:id/follow-ups': COORDINATORS,
  'GET /api/follow-ups/:id': 'signed-in',
  'PUT /api/follow-ups/:id/comments/:commitmentId': COORDINATORS,
  'POST /api/follow-ups/:id/approve': COORDINATORS,
  'PUT /api/commitments/:id/assessment': COORDINATORS,
  'GET /api/agreements/:id/evaluation': 'signed-in',
  'GET /api/agreements/:id/evaluation.pdf': 'signed-in',
  'GET /api/public/promises': 'public',
  'GET /medborgarloften': 'public',
  'GET /medborgarloften/feed.atom': 'public',

  'GET /api/actions': 'signed-in',
  'POST /api/actions': COORDINATORS,
  'GET /api/actions/:id': 'signed-in',
  'PATCH /api/actions/:id': COORDINATORS,

  'GET /api/lagesbild/history': 'signed-in',
  'GET /api/lagesbild/:week': 'signed-in',
  'GET /api/lagesbild/:week/map': 'signed-in',
  'GET /api/lagesbild/:week/versions': 'signed-in',
  'GET /api/lagesbild/:week/versions/:version': 'signed-in',
  'PUT /api/lagesbild/:week/assessments/:areaCode': COORDINATORS,
  'PUT /api/lagesbild/:week/summary': COORDINATORS,
  'POST /api/lagesbild/:week/publish': COORDINATORS,
  'GET /api/lagesbild/:week/pdf': 'signed-in',

  'GET /api/analysis/hotspots': 'signed-in',
  'GET /api/analysis/density': 'signed-in',
  'GET /api/analysis/near-repeat': 'signed-in',
  'GET /api/analysis/evaluation': 'signed-in',
  'GET /api/analysis/emerging': 'signed-in',
  'GET /api/analysis/concentration': 'signed-in',
  'POST /api/analysis/runs': 'signed-in',
  'GET /api/analysis/runs/:id': 'signed-in',
  'DELETE /api/analysis/runs/:id': 'signed-in',

  'GET /api/camera-sites': 'signed-in',
  'POST /api/camera-sites': COORDINATORS,
  'GET /api/camera-sites/warnings': 'signed-in',
  'GET /api/camera-sites/siting': 'signed-in',
  'GET /api/camera-sites/:id': 'signed-in',
  'PATCH /api/camera-sites/:id': COORDINATORS,
  'PUT /api/camera-sites/:id/legal-basis': COORDINATORS,
  'POST /api/camera-sites/:id/status': COORDINATORS,
  'GET /api/camera-sites/:id/inspections': 'signed-in',
  'POST /api/camera-sites/:id/inspections': COORDINATORS,
  'POST /api/camera-sites/:id/inspections/:entryId/resolve': COORDINATORS,
  // Footage disclosures: the site's own coordinators and admins; everyone else is told nothing exists.
  'GET /api/camera-sites/:id/disclosures': COORDINATORS,
  'POST /api/camera-sites/:id/disclosures': COORDINATORS,
  'GET /api/camera-sites/:id/evaluation': 'signed-in',

  'GET /api/fund/me': 'signed-in',
  'GET /api/fund/pots': 'signed-in',
  'POST /api/fund/pots': COORDINATORS,
  'GET /api/fund/budgets': 'signed-in',
  'PUT /api/fund/budgets/:year': COORDINATORS,
  'GET /api/fund/overview': 'signed-in',
  'GET /api/fund/summary/:year.pdf': 'signed-in',
  'GET /api/fund/summary/:year.xlsx': 'signed-in',
  'GET /api/fund/applications': 'signed-in',
  // Applicants are boards and municipal companies: any role but läsare, depending on the organisation.
  'POST /api/fund/applications': WRITERS,
  'GET /api/fund/applications/:id': 'signed-in',
  'PUT /api/fund/applications/:id': WRITERS,
  'POST /api/fund/applications/:id/submit': WRITERS,
  'GET /api/fund/reviewers': COORDINATORS,
  'POST /api/fund/applications/:id/reviewers': COORDINATORS,
  // An assigned reviewer may be any official the fund managers chose.
  'PUT /api/fund/applications/:id/review': 'signed-in',
  'POST /api/fund/applications/:id/decision': COORDINATORS,
  'POST /api/fund/applications/:id/payments': COORDINATORS,
  'POST /api/fund/applications/:id/follow-ups/:followUpId': WRITERS,
  'GET /api/fund/notifications': 'signed-in',

  'GET /api/retention/report': ADMIN,
  'GET /api/retention/runs': ADMIN,
  'GET /api/legal-holds': ADMIN,
  'POST /api/legal-holds': ADMIN,
  'POST /api/legal-holds/:id/release': ADMIN,
};
