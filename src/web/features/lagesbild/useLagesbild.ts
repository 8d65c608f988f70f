import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentLevel,
  HistoryView,
  LagesbildView,
  VersionSummaryView,
  WeekMapView,
} from '../../../contracts/lagesbild.ts';
import { api, query } from '../../shared/api.ts';
import { looksLikeWeek } from '../../../contracts/iso-week.ts';

export const pictureKey = (week: string, live: boolean) => ['lagesbild', week, live ? 'live' : 'shown'] as const;

/**
 * The week's picture; `live` asks for the draft even after publication (coordinators);
 * `refreshMs` refetches it on an interval (meeting mode).
 */
export const usePicture = (week: string, live = false, refreshMs?: number) =>
  useQuery({
    queryKey: pictureKey(week, live),
    queryFn: () => api.get<LagesbildView>(`/api/lagesbild/${week}${query({ live: live || undefined })}`),
    enabled: looksLikeWeek(week),
    refetchInterval: refreshMs ?? false,
  });

/**
 * The map points of the picture shown: a published version's frozen points, or the live draft's.
 * A request of its own, so the figures arrive without waiting for thousands of points.
 */
export const useWeekMap = (picture: Pick<LagesbildView, 'week' | 'status' | 'version' | 'compiledAt'>) => {
  const source = picture.status === 'published' ? { version: picture.version } : { live: true as const };
  return useQuery({
    // The picture's compile time ties the points to the figures shown: a refreshed picture refreshes its map.
    queryKey: ['lagesbild', picture.week, 'map', source, picture.compiledAt],
    queryFn: () => api.get<WeekMapView>(`/api/lagesbild/${picture.week}/map${query(source)}`),
    placeholderData: (previous) => previous,
  });
};

export const useVersions = (week: string) =>
  useQuery({
    queryKey: ['lagesbild', week, 'versions'],
    queryFn: () => api.get<VersionSummaryView[]>(`/api/lagesbild/${week}/versions`),
  });

export const useHistory = (from?: string, to?: string) =>
  useQuery({
    queryKey: ['lagesbild', 'history', from, to],
    queryFn: () => api.get<HistoryView>(`/api/lagesbild/history${query({ from, to })}`),
  });

/** After any edit the pictures, versions and history are refetched. */
function useWeekMutation<T, R>(fn: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['lagesbild'] }),
  });
}

export const useAssess = (week: string) =>
  useWeekMutation((input: { areaCode: string; level: AssessmentLevel; comment: string }) =>
    api.put(`/api/lagesbild/${week}/assessments/${input.areaCode}`, { level: input.level, comment: input.comment }),
  );

export const useSummarise = (week: string) =>
  useWeekMutation((summary: string) => api.put(`/api/lagesbild/${week}/summary`, { summary }));

export const usePublish = (week: string) =>
  useWeekMutation((reason: string | undefined) =>
    api.post<LagesbildView>(`/api/lagesbild/${week}/publish`, reason ? { reason } : {}),
  );
