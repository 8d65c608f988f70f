import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import type { CameraSiteListItem, CameraSiteView, DisclosureView, InspectionView } from '../../../contracts/cameras.ts';
import type { EvaluationView, SitingView } from '../../../contracts/cameras-analysis.ts';
import { api, ApiError, query } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';

export type { CameraSiteListItem, CameraSiteView, DisclosureView, EvaluationView, InspectionView, SitingView };

export const SITES_KEY = ['camera-sites'] as const;

export const useCameraSites = () =>
  useQuery({ queryKey: SITES_KEY, queryFn: () => api.get<CameraSiteListItem[]>('/api/camera-sites') });
export const useCameraSite = (id: string) =>
  useQuery({ queryKey: [...SITES_KEY, id], queryFn: () => api.get<CameraSiteView>(`/api/camera-sites/${id}`) });
export const useInspections = (id: string) =>
  useQuery({
    queryKey: [...SITES_KEY, id, 'inspections'],
    queryFn: () => api.get<InspectionView[]>(`/api/camera-sites/${id}/inspections`),
  });
/** Each fetch of the log is audited on the server, so it is fetched only when shown and never refetched on focus. */
export const useDisclosures = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...SITES_KEY, id, 'disclosures'],
    queryFn: () => api.get<DisclosureView[]>(`/api/camera-sites/${id}/disclosures`),
    enabled,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });

export interface SitingParams {
  radius: number;
  categories: string;
}
export const useSiting = (params: SitingParams) =>
  useQuery({
    queryKey: ['camera-siting', params],
    queryFn: () => api.get<SitingView>(`/api/camera-sites/siting${query({ ...params })}`),
  });

export interface EvaluationParams {
  comparisonArea: string;
  radius: number;
  ringWidth: number;
  months: number;
  categories: string;
}
export const useEvaluation = (id: string, params: EvaluationParams | null) =>
  useQuery({
    queryKey: [...SITES_KEY, id, 'evaluation', params],
    queryFn: () => api.get<EvaluationView>(`/api/camera-sites/${id}/evaluation${query({ ...params! })}`),
    enabled: params !== null,
  });

/** A mutation on one site that refreshes the register afterwards. */
export function useSiteMutation<TBody, TResult = CameraSiteView>(
  method: 'post' | 'put' | 'patch',
  path: (body: TBody) => string,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api[method]<TResult>(path(body), body),
    onSuccess: () => void client.invalidateQueries({ queryKey: SITES_KEY }),
  });
}

/** The feature's own Swedish text for its error codes, else the app's. */
export function cameraError(error: unknown): string {
  if (error instanceof ApiError) {
    const problem = (error.details as { problem?: string } | undefined)?.problem;
    if (problem && i18n.exists(`cameras.problems.${problem}`))
      return `${i18n.t(`cameras.errors.${error.code}`)} ${i18n.t(`cameras.problems.${problem}`)}`;
    if (i18n.exists(`cameras.errors.${error.code}`)) return i18n.t(`cameras.errors.${error.code}`);
  }
  return errorMessage(error);
}
