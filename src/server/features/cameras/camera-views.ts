import type { Actor } from '../../platform/actor.ts';
import type {
  CameraSiteListItem,
  CameraSiteView,
  DisclosureView,
  InspectionView,
  LegalBasisView,
} from '../../../contracts/cameras.ts';
import type { SiteRow } from './cameras.repository.ts';
import type * as repo from './cameras.repository.ts';
import { nextStatuses, type LegalBasisFacts } from './camera-status.ts';
import { legalBasisWarnings } from './legal-basis-warnings.ts';
import { canManageSite, canSeeDisclosures } from './cameras.policy.ts';

/** The legal basis of a site row as the facts the status rules look at. */
export function basisFacts(row: SiteRow): LegalBasisFacts | null {
  if (!row.basis_kind || !row.basis_decided_on) return null;
  return {
    kind: row.basis_kind,
    decidedOn: row.basis_decided_on,
    reviewOn: row.basis_review_on,
    conclusion: row.basis_balancing?.conclusion,
    residualRisk: row.basis_dpia?.residualRisk,
    imyConsultedOn: row.basis_dpia?.imyConsultedOn ?? null,
  };
}

export const ownership = (row: SiteRow) => ({
  organisationId: row.organisation_id,
  responsibleUserId: row.responsible_user_id,
});

export function toListItem(row: SiteRow, today: string): CameraSiteListItem {
  const basis = basisFacts(row);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    areaCode: row.area_code,
    location: { lat: row.lat, lon: row.lon },
    legalBasis: basis ? { kind: basis.kind, decidedOn: basis.decidedOn, reviewOn: basis.reviewOn } : null,
    areaName: row.area_name,
    organisationCode: row.organisation_code,
    organisationName: row.organisation_name,
    positionApproximate: row.position_approximate,
    cameraCount: row.camera_count,
    installedOn: row.installed_on,
    warnings: legalBasisWarnings(row, basis, today),
  };
}

function toLegalBasisView(row: SiteRow): LegalBasisView | null {
  const basis = basisFacts(row);
  if (!basis) return null;
  return {
    kind: basis.kind,
    decidedOn: basis.decidedOn,
    reviewOn: basis.reviewOn,
    reference: row.basis_reference ?? '',
    conditions: row.basis_conditions ?? '',
    balancing: row.basis_balancing,
    dpia: row.basis_dpia,
    updatedAt: row.basis_updated_at!.toISOString(),
  };
}

export function toSiteView(
  row: SiteRow,
  actor: Actor,
  today: string,
  motivatingReports: { id: string; number: number }[],
): CameraSiteView {
  return {
    ...toListItem(row, today),
    legalBasis: toLegalBasisView(row),
    placeCode: row.place_code,
    fieldOfView: row.field_of_view,
    cameraType: row.camera_type,
    purpose: row.purpose,
    focusAreaCode: row.focus_area_code,
    motivation: row.motivation,
    // Only the reports this viewer may see: a restricted report's id is not shown to others.
    motivatingReportIds: motivatingReports.map((r) => r.id),
    motivatingReports,
    operatingHours: row.operating_hours,
    retentionDays: row.retention_days,
    signage: row.signage,
    responsibleName: row.responsible_name,
    responsibleUserId: row.responsible_user_id,
    decommissionedOn: row.decommissioned_on,
    nextStatuses: [...nextStatuses(row.status)],
    can: { manage: canManageSite(actor, ownership(row)), seeDisclosures: canSeeDisclosures(actor, ownership(row)) },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type InspectionRow = Awaited<ReturnType<typeof repo.listInspections>>[number];
export const toInspectionView = (r: InspectionRow): InspectionView => ({
  id: r.id,
  kind: r.kind,
  occurredOn: r.occurred_on,
  working: r.working,
  maskingCorrect: r.masking_correct,
  signsPresent: r.signs_present,
  note: r.note,
  resolvedOn: r.resolved_on,
  recordedByName: r.recorded_by_name,
  createdAt: r.created_at.toISOString(),
});

type DisclosureRow = Awaited<ReturnType<typeof repo.listDisclosures>>[number];
export const toDisclosureView = (r: DisclosureRow): DisclosureView => ({
  id: r.id,
  recipient: r.recipient,
  caseReference: r.case_reference,
  recordingFrom: r.recording_from.toISOString(),
  recordingTo: r.recording_to.toISOString(),
  releasedAt: r.released_at.toISOString(),
  releasedByName: r.released_by_name,
  loggedByName: r.logged_by_name,
  createdAt: r.created_at.toISOString(),
});
