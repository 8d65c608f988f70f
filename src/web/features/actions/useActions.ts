import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportView } from '../../../contracts/reports.ts';
import type { ActionCreate, ActionStatus, ActionUpdate, ActionView } from '../../../contracts/actions.ts';
import { api, query } from '../../shared/api.ts';

/** The page's status filter; `open` is planned or in progress. */
export type StatusFilter = 'open' | 'all' | Extract<ActionStatus, 'done' | 'cancelled'>;
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'all', 'done', 'cancelled'];

export interface ActionFilter {
  status: StatusFilter;
  areaCode?: string | undefined;
  organisationCode?: string | undefined;
}

/** The API's query for a filter. */
export function actionListQuery(filter: ActionFilter): string {
  return query({
    open: filter.status === 'open' ? 'true' : undefined,
    status: filter.status === 'done' || filter.status === 'cancelled' ? filter.status : undefined,
    areaCode: filter.areaCode,
    organisationCode: filter.organisationCode,
  });
}

export const useActionList = (filter: ActionFilter) =>
  useQuery({
    queryKey: ['actions', 'list', filter],
    queryFn: () => api.get<ActionView[]>(`/api/actions${actionListQuery(filter)}`),
  });

/**
 * After a change the action lists are refetched, and so are the weekly pictures and report
 * feedback, which show actions too (both under the `lagesbild` key). The mutation settles once
 * they have arrived, so the screen never shows the old value after Spara.
 */
function useActionMutation<T>(fn: (input: T) => Promise<ActionView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['actions'] }),
        client.invalidateQueries({ queryKey: ['lagesbild'] }),
      ]),
  });
}

/** A coordinator decides an action in the meeting. */
export const useDecideAction = () =>
  useActionMutation((input: ActionCreate) => api.post<ActionView>('/api/actions', input));

/** Changes an action (coordinators anything, the responsible organisation status and outcome). */
export const useUpdateAction = () =>
  useActionMutation((input: { id: string; update: ActionUpdate }) =>
    api.patch<ActionView>(`/api/actions/${input.id}`, input.update),
  );

/** A report as an action links it: its id and the number people use. */
export interface ReportRef {
  id: string;
  number: number;
  areaCode: string;
  placeCode: string | null;
  categoryName: string;
  occurredAt: string;
}

/** Visible reports among the given ids and numbers (the rest are simply absent), in number order. */
export async function lookupReports(ask: {
  ids?: readonly string[];
  numbers?: readonly number[];
}): Promise<ReportRef[]> {
  const reports = await api.get<ReportView[]>(
    `/api/reports/lookup${query({ ids: ask.ids?.join(','), numbers: ask.numbers?.join(',') })}`,
  );
  return reports.map((r) => ({
    id: r.id,
    number: r.number,
    areaCode: r.areaCode,
    placeCode: r.placeCode,
    categoryName: r.categoryName,
    occurredAt: r.occurredAt,
  }));
}

/** `lookupReports` with pending and error state, for buttons that link reports. */
export const useReportLookup = () => useMutation({ mutationFn: lookupReports });
