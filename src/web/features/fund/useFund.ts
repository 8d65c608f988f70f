import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import type { z } from 'zod';
import { api, ApiError, query } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';
import type {
  ApplicationDraft,
  ApplicationListItem,
  ApplicationView,
  BudgetView,
  Decision,
  FollowUpReport,
  NotificationView,
  OverviewView,
  Payment,
  PotContractView,
  ReviewerCandidate,
  ReviewSave,
} from '../../../contracts/fund.ts';
import type { potCreateSchema } from '../../../contracts/fund.ts';

export interface FundCapabilities {
  canApply: boolean;
  isManager: boolean;
  currentYear: number;
}

export const useFundMe = () =>
  useQuery({ queryKey: ['fund', 'me'], queryFn: () => api.get<FundCapabilities>('/api/fund/me') });
export const useBudgets = () =>
  useQuery({ queryKey: ['fund', 'budgets'], queryFn: () => api.get<BudgetView[]>('/api/fund/budgets') });
export const useOverview = (year: number | undefined) =>
  useQuery({
    queryKey: ['fund', 'overview', year],
    queryFn: () => api.get<OverviewView>(`/api/fund/overview${query({ year })}`),
    enabled: year !== undefined,
  });
export const usePots = (year: number) =>
  useQuery({
    queryKey: ['fund', 'pots', year],
    queryFn: () => api.get<PotContractView[]>(`/api/fund/pots?year=${year}`),
  });

export const useApplications = () =>
  useQuery({
    queryKey: ['fund', 'applications'],
    queryFn: () => api.get<ApplicationListItem[]>('/api/fund/applications'),
  });
export const useApplication = (id: string | undefined) =>
  useQuery({
    queryKey: ['fund', 'application', id],
    queryFn: () => api.get<ApplicationView>(`/api/fund/applications/${id}`),
    enabled: Boolean(id),
  });
export const useNotifications = () =>
  useQuery({
    queryKey: ['fund', 'notifications'],
    queryFn: () => api.get<NotificationView[]>('/api/fund/notifications'),
  });
export const useReviewerCandidates = (enabled: boolean) =>
  useQuery({
    queryKey: ['fund', 'reviewers'],
    queryFn: () => api.get<ReviewerCandidate[]>('/api/fund/reviewers'),
    enabled,
  });

/** A mutation on one application; afterwards everything the fund shows is refetched (pots move with decisions). */
export function useApplicationAction<T>(run: (body: T) => Promise<ApplicationView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => {
      client.setQueryData(['fund', 'application', view.id], view);
      void client.invalidateQueries({ queryKey: ['fund'] });
    },
  });
}

// The mutations: each names its endpoint once; components pass the body.

/**
 * A request body as a form builds it: amounts come from parseKronor, which gives null for text
 * that is no amount, and the API answers that with a field error the form shows.
 */
type FormBody<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };

/** Creates an application (draft), or saves the given draft. */
export const useSaveDraft = (id: string | undefined) =>
  useApplicationAction((body: ApplicationDraft) =>
    id
      ? api.put<ApplicationView>(`/api/fund/applications/${id}`, body)
      : api.post<ApplicationView>('/api/fund/applications', body),
  );

export const useSubmitApplication = (id: string | undefined) =>
  useApplicationAction(() => api.post<ApplicationView>(`/api/fund/applications/${id}/submit`));

export const useAssignReviewer = (applicationId: string) =>
  useApplicationAction((reviewerId: string) =>
    api.post<ApplicationView>(`/api/fund/applications/${applicationId}/reviewers`, { reviewerId }),
  );

export const useSaveReview = (applicationId: string) =>
  useApplicationAction((body: FormBody<ReviewSave>) =>
    api.put<ApplicationView>(`/api/fund/applications/${applicationId}/review`, body),
  );

export const useDecide = (applicationId: string) =>
  useApplicationAction((body: FormBody<Decision>) =>
    api.post<ApplicationView>(`/api/fund/applications/${applicationId}/decision`, body),
  );

export const useReportFollowUp = (applicationId: string, followUpId: string) =>
  useApplicationAction((body: FormBody<FollowUpReport>) =>
    api.post<ApplicationView>(`/api/fund/applications/${applicationId}/follow-ups/${followUpId}`, body),
  );

export const usePay = (applicationId: string) =>
  useApplicationAction((body: FormBody<Payment>) =>
    api.post<ApplicationView>(`/api/fund/applications/${applicationId}/payments`, body),
  );

/** The year's budget and its pots; both change what the overview shows. */
export function useBudgetAdmin(year: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['fund'] });
  return {
    setBudget: useMutation({
      mutationFn: (body: { totalOre: number | null; source: string }) =>
        api.put<BudgetView>(`/api/fund/budgets/${year}`, body),
      onSuccess: refresh,
    }),
    addPot: useMutation({
      mutationFn: (body: FormBody<z.input<typeof potCreateSchema>>) => api.post('/api/fund/pots', body),
      onSuccess: refresh,
    }),
  };
}

/** The fund's own error texts first (its codes are not in the shared list), then the shared ones. */
export function fundErrorMessage(error: unknown): string {
  if (error instanceof ApiError && i18n.exists(`fund.errors.${error.code}`)) return i18n.t(`fund.errors.${error.code}`);
  return errorMessage(error);
}
