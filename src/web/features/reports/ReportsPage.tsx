import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FocusLegend } from '../../shared/FocusLegend.tsx';
import { MapView } from '../../shared/MapView.tsx';

import { ReportFilters } from './ReportFilters.tsx';
import { ReportMarkers } from './ReportMarkers.tsx';
import { ReportTable } from './ReportTable.tsx';
import { useReports, type ReportFilterState } from './useReports.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

const PAGE = 100;
const FILTER_KEYS = ['week', 'areaCode', 'categoryCode', 'organisationCode', 'status'] as const;

/** The filtered report list and the same reports on the map. Filters live in the URL so views can be shared. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: ReportFilterState = { limit: PAGE, offset: Number(params.get('offset') ?? 0) };
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v) filter[key] = v;
  }
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const reports = useReports(filter);
  const mapReports = useReports({ ...filter, limit: 2000, offset: 0 }, view === 'map');

  const update = (next: ReportFilterState & { view?: string }) => {
    const p = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key]) p.set(key, String(next[key]));
    if (next.offset) p.set('offset', String(next.offset));
    if ((next.view ?? view) === 'map') p.set('view', 'map');
    setParams(p);
  };

  return (
    <section>
      <h1>{t('reports.title')}</h1>
      <ReportFilters value={filter} onChange={(f) => update(f)} />
      <div className="toolbar" role="group" aria-label={t('reports.title')}>
        <button type="button" aria-pressed={view === 'list'} onClick={() => update({ ...filter, view: 'list' })}>
          {t('reports.list')}
        </button>
        <button type="button" aria-pressed={view === 'map'} onClick={() => update({ ...filter, view: 'map' })}>
          {t('reports.map')}
        </button>
        {reports.data ? (
          <span className="muted" data-testid="report-total">
            {t('reports.total', { count: reports.data.total })}
          </span>
        ) : null}
      </div>
      <ErrorAlert error={reports.error} />
      {view === 'map' ? (
        <>
          <FocusLegend />
          {mapReports.data && mapReports.data.total > mapReports.data.items.length ? (
            <p className="muted small">
              {t('reports.mapCapped', { shown: mapReports.data.items.length, total: mapReports.data.total })}
            </p>
          ) : null}
          <MapView label={t('reports.map')} height="600px" highlightArea={filter.areaCode ?? null}>
            <ReportMarkers items={mapReports.data?.items ?? []} />
          </MapView>
        </>
      ) : reports.data ? (
        <>
          <ReportTable items={reports.data.items} />
          <div className="pager">
            <button
              type="button"
              disabled={!filter.offset}
              onClick={() => update({ ...filter, offset: Math.max(0, (filter.offset ?? 0) - PAGE) })}
            >
              {t('reports.prev')}
            </button>
            <button
              type="button"
              disabled={(filter.offset ?? 0) + PAGE >= reports.data.total}
              onClick={() => update({ ...filter, offset: (filter.offset ?? 0) + PAGE })}
            >
              {t('reports.next')}
            </button>
          </div>
        </>
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </section>
  );
}
