/** Request bodies for the camera tests: a complete self-assessment and a proposal at a sourced place. */
export function selfAssessmentBody(
  overrides: { decidedOn?: string; reviewOn?: string; conclusion?: string; residualRisk?: string } = {},
) {
  return {
    kind: 'self-assessment',
    decidedOn: overrides.decidedOn ?? '2026-10-01',
    reviewOn: overrides.reviewOn ?? '2027-10-01',
    balancing: {
      purpose: 'Förebygga skadegörelse och otrygghet vid stationen kvällstid.',
      problem: 'Upprepade rapporter om skadegörelse och ordningsstörning senaste året.',
      alternatives: 'Bättre belysning, ökad väktarnärvaro, ändrad skötsel.',
      whyAlternativesInsufficient: 'Belysningen är redan förbättrad utan märkbar effekt.',
      intrusion: 'Personer som passerar perrongen och gångtunneln filmas.',
      mitigations: 'Maskering av bostadsfönster, bevakning 18–06, lagring 14 dagar.',
      conclusion: overrides.conclusion ?? 'monitoring-outweighs',
    },
    dpia: {
      dataCategories: 'Bild, ej ljud.',
      dataSubjects: 'Resenärer och förbipasserande.',
      necessity: 'Bevakningen begränsas till platsen och tiderna med flest händelser.',
      risks: [
        {
          description: 'Obehörig åtkomst till inspelningar',
          likelihood: 'low',
          severity: 'high',
          measures: 'Loggad åtkomst, två personer vid utlämnande.',
        },
      ],
      residualRisk: overrides.residualRisk ?? 'low',
      dpoConsulted: true,
      dpoOpinion: 'Dataskyddsombudet tillstyrker.',
      imyConsultedOn: null,
    },
  };
}

export function proposalBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Stuvsta station, gångtunneln',
    placeCode: 'stuvsta-station',
    cameraCount: 2,
    retentionDays: 14,
    ...overrides,
  };
}
