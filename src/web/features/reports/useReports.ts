import { useQuery } from '@tanstack/react-query';
import type { ReportListView, ReportView } from '../../../contracts/reports.ts';
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
