import { describe, expect, it } from 'vitest';
import { canMoveSite, legalBasisProblem } from './camera-status.ts';
import { disclosureProblem } from './disclosure-rules.ts';
import { legalBasisWarnings, warningStartsOn } from './legal-basis-warnings.ts';

const selfAssessment = {
  kind: 'self-assessment' as const,
  decidedOn: '2026-03-01',
  reviewOn: '2027-03-01',
  conclusion: 'monitoring-outweighs' as const,
  residualRisk: 'medium' as const,
};

describe('site status', () => {
  it('moves forward one step at a time and never back from decommissioned', () => {
    expect(canMoveSite('proposed', 'assessing')).toBe(true);
    expect(canMoveSite('proposed', 'installed')).toBe(false);
    expect(canMoveSite('approved', 'installed')).toBe(true);
    expect(canMoveSite('installed', 'approved')).toBe(false);
    expect(canMoveSite('decommissioned', 'proposed')).toBe(false);
  });

  it('needs a legal basis that carries monitoring on the day', () => {
    expect(legalBasisProblem(null, '2026-06-01')).toBe('MISSING');
    expect(legalBasisProblem(selfAssessment, '2026-06-01')).toBeNull();
    expect(legalBasisProblem(selfAssessment, '2026-02-28')).toBe('NOT_YET_DECIDED');
    expect(legalBasisProblem({ ...selfAssessment, conclusion: 'privacy-outweighs' }, '2026-06-01')).toBe(
      'BALANCING_AGAINST',
    );
    expect(legalBasisProblem({ ...selfAssessment, residualRisk: 'high' }, '2026-06-01')).toBe(
      'PRIOR_CONSULTATION_MISSING',
    );
    expect(
      legalBasisProblem({ ...selfAssessment, residualRisk: 'high', imyConsultedOn: '2026-02-01' }, '2026-06-01'),
    ).toBeNull();
    // A passed review date warns but does not void the self-assessment.
    expect(legalBasisProblem(selfAssessment, '2027-06-01')).toBeNull();
    const permit = { kind: 'imy-permit' as const, decidedOn: '2019-05-02', reviewOn: '2026-05-31' };
    expect(legalBasisProblem(permit, '2026-05-31')).toBeNull();
    expect(legalBasisProblem(permit, '2026-06-01')).toBe('PERMIT_EXPIRED');
    expect(legalBasisProblem({ ...permit, reviewOn: null }, '2030-01-01')).toBeNull();
  });
});

describe('warnings', () => {
  const installed = { status: 'installed' as const };
  it('start exactly 90 days before the review date', () => {
    expect(warningStartsOn('2027-03-01')).toBe('2026-12-01');
    expect(legalBasisWarnings(installed, selfAssessment, '2026-11-30')).toEqual([]);
    expect(legalBasisWarnings(installed, selfAssessment, '2026-12-01')).toEqual([
      { kind: 'review-due', dueOn: '2027-03-01', daysLeft: 90 },
    ]);
    expect(legalBasisWarnings(installed, selfAssessment, '2027-03-02')).toEqual([
      { kind: 'review-overdue', dueOn: '2027-03-01', daysLeft: -1 },
    ]);
  });

  it('count calendar days across the change to summer time', () => {
    const permit = { kind: 'imy-permit' as const, reviewOn: '2026-04-30' };
    expect(legalBasisWarnings(installed, permit, '2026-01-30')).toEqual([
      { kind: 'permit-expiring', dueOn: '2026-04-30', daysLeft: 90 },
    ]);
    expect(legalBasisWarnings(installed, permit, '2026-01-29')).toEqual([]);
    expect(legalBasisWarnings(installed, permit, '2026-05-01')[0]!.kind).toBe('permit-expired');
  });

  it('are silent for decommissioned sites and permits without end', () => {
    expect(legalBasisWarnings({ status: 'decommissioned' }, selfAssessment, '2027-03-01')).toEqual([]);
    expect(legalBasisWarnings(installed, { kind: 'imy-permit', reviewOn: null }, '2027-03-01')).toEqual([]);
  });
});

describe('disclosures', () => {
  const site = { status: 'installed' as const, installedOn: '2026-03-01', decommissionedOn: null, retentionDays: 14 };
  const span = {
    recordingFrom: new Date('2026-05-01T20:00:00Z'),
    recordingTo: new Date('2026-05-01T22:00:00Z'),
    releasedAt: new Date('2026-05-03T09:00:00Z'),
  };
  it('need a site that recorded and still kept the footage', () => {
    expect(disclosureProblem(site, span)).toBeNull();
    expect(disclosureProblem({ ...site, status: 'approved', installedOn: null }, span)).toBe('NEVER_INSTALLED');
    expect(disclosureProblem({ ...site, retentionDays: 0 }, span)).toBe('NO_RETENTION');
    expect(disclosureProblem({ ...site, retentionDays: null }, span)).toBe('NO_RETENTION');
    expect(disclosureProblem({ ...site, installedOn: '2026-05-02' }, span)).toBe('BEFORE_INSTALLATION');
    expect(disclosureProblem({ ...site, status: 'decommissioned', decommissionedOn: '2026-04-30' }, span)).toBe(
      'AFTER_DECOMMISSIONING',
    );
    expect(disclosureProblem(site, { ...span, releasedAt: new Date('2026-05-16T09:00:00Z') })).toBe('BEYOND_RETENTION');
  });
});
