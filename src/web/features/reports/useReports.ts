import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ReportCorrection,
  reportCreateSchema,
  ReportListView,
  ReportReview,
  ReportView,
} from '../../../contracts/reports.ts';
import { api, query } from '../../shared/api.ts';

export interface ReportFilterState {
  week?: string;
  areaCode?: string;
  categoryCode?: string;
  organisationCode?: string;
  status?: string;
  mine?: boolean;
  limit?: number;
  offset?: number;
}

export const useReports = (filter: ReportFilterState, enabled = true) =>
  useQuery({
    queryKey: ['reports', filter],
    queryFn: () => api.get<ReportListView>(`/api/reports${query({ ...filter })}`),
    enabled,
  });

export const useReport = (id: string) =>
  useQuery({ queryKey: ['reports', 'one', id], queryFn: () => api.get<ReportView>(`/api/reports/${id}`) });

/** Files a report; the lists refresh afterwards. */
export function useFileReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof reportCreateSchema>) => api.post<ReportView>('/api/reports', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** A change to one report whose answer replaces the cached report and refreshes lists. */
function useReportChange<T>(id: string, change: (input: T) => Promise<ReportView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (data) => {
      queryClient.setQueryData(['reports', 'one', id], data);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

export const useCorrectReport = (id: string) =>
  useReportChange(id, (body: ReportCorrection) => api.patch<ReportView>(`/api/reports/${id}`, body));

export const useWithdrawReport = (id: string) =>
  useReportChange(id, () => api.post<ReportView>(`/api/reports/${id}/withdraw`));

export const useReviewReport = (id: string) =>
  useReportChange(id, (body: ReportReview) => api.post<ReportView>(`/api/reports/${id}/review`, body));

/** Likely duplicates of a report (same category, near in place and time), as far as the viewer may see. */
export const useLikelyDuplicates = (id: string) =>
  useQuery({
    queryKey: ['reports', 'duplicates', id],
    queryFn: () => api.get<ReportView[]>(`/api/reports/${id}/duplicates`),
  });
