import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityView,
  AgreementView,
  CommitmentView,
  EvaluationView,
  FollowUpView,
  ImportResult,
  PlanView,
} from '../../../contracts/promises.ts';
import { api, query } from '../../shared/api.ts';

export type { ActivityView, AgreementView, CommitmentView, EvaluationView, FollowUpView, ImportResult, PlanView };

export const useAgreements = () =>
  useQuery({ queryKey: ['agreements'], queryFn: () => api.get<AgreementView[]>('/api/agreements') });

export const useCommitments = (filter: { year?: number; loggable?: boolean; agreementId?: string } = {}) =>
  useQuery({
    queryKey: ['commitments', filter],
    queryFn: () => api.get<CommitmentView[]>(`/api/commitments${query(filter)}`),
  });

export const useCommitment = (id: string) =>
  useQuery({ queryKey: ['commitments', 'one', id], queryFn: () => api.get<CommitmentView>(`/api/commitments/${id}`) });

export const useActivities = (id: string) =>
  useQuery({
    queryKey: ['commitments', 'activities', id],
    queryFn: () => api.get<ActivityView[]>(`/api/commitments/${id}/activities`),
  });

export const useFollowUps = (agreementId: string | undefined) =>
  useQuery({
    queryKey: ['follow-ups', agreementId],
    queryFn: () => api.get<FollowUpView[]>(`/api/agreements/${agreementId}/follow-ups`),
    enabled: Boolean(agreementId),
  });

export const useEvaluation = (agreementId: string | undefined, year: number) =>
  useQuery({
    queryKey: ['evaluation', agreementId, year],
    queryFn: () => api.get<EvaluationView>(`/api/agreements/${agreementId}/evaluation?year=${year}`),
    enabled: Boolean(agreementId),
  });

/** Every mutation here changes agreements, progress or follow-ups: refresh them all afterwards. */
export function usePromiseMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // refetchType 'all': pages not on screen (the overview behind the quick log) are fresh when opened,
    // instead of showing the old progress until their own refetch lands.
    onSuccess: () =>
      Promise.all(
        ['agreements', 'commitments', 'follow-ups', 'evaluation'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key], refetchType: 'all' }),
        ),
      ),
  });
}

export const todayInSweden = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());

/** Calendar years a commitment's period touches. */
export function yearsOf(c: Pick<CommitmentView, 'periodStart' | 'periodEnd'>): number[] {
  const from = Number(c.periodStart.slice(0, 4));
  return Array.from({ length: Number(c.periodEnd.slice(0, 4)) - from + 1 }, (_, i) => from + i);
}

/** Every year some commitment runs in, newest first. */
export const commitmentYears = (commitments: CommitmentView[] | undefined) =>
  [...new Set((commitments ?? []).flatMap(yearsOf))].sort((a, b) => b - a);

/** The current year when it has commitments, otherwise the latest year that has. */
export function defaultYear(commitments: CommitmentView[] | undefined): number {
  const current = Number(todayInSweden().slice(0, 4));
  const years = commitmentYears(commitments);
  return years.includes(current) || years.length === 0 ? current : years[0]!;
}

/** The agreement whose period covers today, else the newest. */
export function currentAgreement(agreements: AgreementView[] | undefined): AgreementView | undefined {
  const today = todayInSweden();
  return agreements?.find((a) => a.periodStart <= today && a.periodEnd >= today) ?? agreements?.[0];
}

// The mutations: each names its endpoint once; components pass the body.

/** Creates an agreement, or changes the given one. */
export const useSaveAgreement = (agreementId?: string) =>
  usePromiseMutation((body: Record<string, unknown>) =>
    agreementId
      ? api.patch<AgreementView>(`/api/agreements/${agreementId}`, body)
      : api.post<AgreementView>('/api/agreements', body),
  );

export const useSaveFollowUpDates = (agreementId: string) =>
  usePromiseMutation((dates: string[]) =>
    api.put<AgreementView>(`/api/agreements/${agreementId}/follow-up-dates`, { dates }),
  );

/** Creates a plan under the agreement, or changes the given plan. */
export const useSavePlan = (agreementId: string, planId?: string) =>
  usePromiseMutation((body: Record<string, unknown>) =>
    planId
      ? api.patch<PlanView>(`/api/agreements/${agreementId}/plans/${planId}`, body)
      : api.post<PlanView>(`/api/agreements/${agreementId}/plans`, body),
  );

/** Creates a commitment, or changes the given one. */
export const useSaveCommitment = (commitmentId?: string) =>
  usePromiseMutation((body: Record<string, unknown>) =>
    commitmentId
      ? api.patch<CommitmentView>(`/api/commitments/${commitmentId}`, body)
      : api.post<CommitmentView>('/api/commitments', body),
  );

export const useLogActivity = (commitmentId: string) =>
  usePromiseMutation((body: Record<string, unknown>) =>
    api.post<CommitmentView>(`/api/commitments/${commitmentId}/activities`, body),
  );

export const useWithdrawActivity = (activityId: string) =>
  usePromiseMutation(() => api.post(`/api/commitment-activities/${activityId}/withdraw`));

export const useImportActivities = () =>
  usePromiseMutation((body: { csv: string; skipInvalid: boolean }) =>
    api.post<ImportResult>('/api/commitment-activities/import', body),
  );

export const useCreateFollowUp = (agreementId: string | undefined) =>
  usePromiseMutation((asOf: string | undefined) =>
    api.post<FollowUpView>(`/api/agreements/${agreementId}/follow-ups`, { asOf }),
  );

export const useSaveFollowUpComment = (followUpId: string, commitmentId: string) =>
  usePromiseMutation((comment: string) =>
    api.put<FollowUpView>(`/api/follow-ups/${followUpId}/comments/${commitmentId}`, { comment }),
  );

export const useApproveFollowUp = (followUpId: string) =>
  usePromiseMutation(() => api.post<FollowUpView>(`/api/follow-ups/${followUpId}/approve`));

export const useSaveAssessment = (commitmentId: string) =>
  usePromiseMutation((assessment: string) => api.put(`/api/commitments/${commitmentId}/assessment`, { assessment }));
