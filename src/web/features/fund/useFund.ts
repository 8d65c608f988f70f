import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { api, ApiError, query } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';
import type {
  ApplicationDraft,
  ApplicationListItem,
  ApplicationView,
  BudgetView,
  NotificationView,
  OverviewView,
  ReviewerCandidate,
} from '../../../contracts/fund.ts';

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

export const saveDraft = (id: string | undefined, body: ApplicationDraft) =>
  id
    ? api.put<ApplicationView>(`/api/fund/applications/${id}`, body)
    : api.post<ApplicationView>('/api/fund/applications', body);

/** The fund's own error texts first (its codes are not in the shared list), then the shared ones. */
export function fundErrorMessage(error: unknown): string {
  if (error instanceof ApiError && i18n.exists(`fund.errors.${error.code}`)) return i18n.t(`fund.errors.${error.code}`);
  return errorMessage(error);
}
