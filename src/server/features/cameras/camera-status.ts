import type { CameraSiteStatus } from '../../../contracts/cameras.ts';

/**
 * The life of a camera site: proposed -> assessing -> approved -> installed -> decommissioned.
 * An assessment may send a proposal back; any site may be given up (decommissioned); nothing
 * comes back from decommissioned (a new proposal is a new site, so the history stays readable).
 */
const TRANSITIONS: Record<CameraSiteStatus, readonly CameraSiteStatus[]> = {
  proposed: ['assessing', 'decommissioned'],
  assessing: ['proposed', 'approved', 'decommissioned'],
  approved: ['assessing', 'installed', 'decommissioned'],
  installed: ['decommissioned'],
  decommissioned: [],
};

export const nextStatuses = (from: CameraSiteStatus): readonly CameraSiteStatus[] => TRANSITIONS[from];
export const canMoveSite = (from: CameraSiteStatus, to: CameraSiteStatus) => TRANSITIONS[from].includes(to);

/** Statuses that need a legal basis in force: a decision to monitor, and monitoring itself. */
export const NEEDS_LEGAL_BASIS: readonly CameraSiteStatus[] = ['approved', 'installed'];

export interface LegalBasisFacts {
  kind: 'imy-permit' | 'self-assessment';
  decidedOn: string;
  reviewOn: string | null;
  /** Self-assessment only: the balancing's conclusion and the DPIA's residual risk. */
  conclusion?: 'monitoring-outweighs' | 'privacy-outweighs' | undefined;
  residualRisk?: 'low' | 'medium' | 'high' | undefined;
  imyConsultedOn?: string | null | undefined;
}

export type LegalBasisProblem =
  'MISSING' | 'NOT_YET_DECIDED' | 'PERMIT_EXPIRED' | 'BALANCING_AGAINST' | 'PRIOR_CONSULTATION_MISSING';

/**
 * Why a legal basis does not carry monitoring on `date` (YYYY-MM-DD), or null when it does.
 * - a permit is valid from its decision through its last valid day;
 * - a self-assessment carries only when the balancing favours monitoring, and a DPIA with a high
 *   residual risk needs IMY's prior consultation (GDPR art. 36) first. A passed review date is a
 *   warning, not a lapse: the law asks for review, it does not void the assessment.
 */
export function legalBasisProblem(basis: LegalBasisFacts | null, date: string): LegalBasisProblem | null {
  if (!basis) return 'MISSING';
  if (basis.decidedOn > date) return 'NOT_YET_DECIDED';
  if (basis.kind === 'imy-permit') return basis.reviewOn !== null && basis.reviewOn < date ? 'PERMIT_EXPIRED' : null;
  if (basis.conclusion !== 'monitoring-outweighs') return 'BALANCING_AGAINST';
  if (basis.residualRisk === 'high' && !basis.imyConsultedOn) return 'PRIOR_CONSULTATION_MISSING';
  return null;
}
