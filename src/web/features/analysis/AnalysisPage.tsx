import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MapView } from '../../shared/MapView.tsx';
import { formatDate } from '../../shared/format.ts';
import { AnalysisForm } from './AnalysisForm.tsx';
import { toParams } from './analysis-form-state.ts';
import { formStateToSearch, searchToFormState } from './analysis-url.ts';
import { AnalysisLegend } from './AnalysisLegend.tsx';
import { DensityLayer } from './DensityLayer.tsx';
import { EvaluationFigures } from './EvaluationFigures.tsx';
import { HotspotAreaTable } from './HotspotAreaTable.tsx';
import { HotspotLayer } from './HotspotLayer.tsx';
import { MethodExplanations } from './MethodExplanations.tsx';
import { NearRepeatTable } from './NearRepeatTable.tsx';
import { analysisErrorMessage, useDensity, useEvaluation, useHotspots, useNearRepeat } from './useAnalysis.ts';

const fmt = (v: number, digits = 2) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: digits }).format(v);

function Failure({ error }: { error: unknown }) {
  return (
    <p role="alert" className="error">
      {analysisErrorMessage(error)}
    </p>
  );
}

/** Period, categories and parameters in; hot spots and density on the map, near repeats and evaluation below. */
export function AnalysisPage() {
  const { t } = useTranslation();
  // The URL holds the last run's settings (shareable); `run=1` marks that one has been asked for.
  const [search, setSearch] = useSearchParams();
  const initial = useMemo(() => searchToFormState(search), [search]);
  const params = useMemo(() => (search.get('run') ? toParams(initial) : null), [search, initial]);
  const [layers, setLayers] = useState({ hotspots: true, density: true });
  const hotspots = useHotspots(params);
  const density = useDensity(params);
  const nearRepeat = useNearRepeat(
    params && {
      categoryCodes: params.categoryCodes,
      ...(params.focusAreaCode ? { focusAreaCode: params.focusAreaCode } : {}),
      spaceBand: params.spaceBand,
      spaceBands: params.spaceBands,
      timeBand: params.timeBand,
      timeBands: params.timeBands,
      iterations: params.iterations,
    },
  );
  const evaluation = useEvaluation(params);
  const busy = [hotspots, density, nearRepeat, evaluation].some((q) => q.isFetching);
  const h = hotspots.data;
  const d = density.data;

  return (
    <section>
      <h1>{t('analysis.title')}</h1>
      <p>{t('analysis.intro')}</p>
      <div className="card">
        <AnalysisForm
          // Remount on a new URL (a run, or the browser's back button) so the form shows its settings.
          key={search.toString()}
          initial={initial}
          busy={busy}
          onRun={(state) => {
            const next = formStateToSearch(state);
            next.set('run', '1');
            setSearch(next);
          }}
        />
      </div>

      {params ? (
        <>
          <section aria-labelledby="analysis-map">
            <h2 id="analysis-map">{t('analysis.sections.map')}</h2>
            <div className="toolbar">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={layers.hotspots}
                  onChange={(e) => setLayers((l) => ({ ...l, hotspots: e.target.checked }))}
                />
                {t('analysis.layers.hotspots')}
              </label>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={layers.density}
                  onChange={(e) => setLayers((l) => ({ ...l, density: e.target.checked }))}
                />
                {t('analysis.layers.density')}
              </label>
            </div>
            <AnalysisLegend hotspots={layers.hotspots} density={layers.density} />
            <MapView label={t('analysis.mapLabel')} height="560px">
              {layers.density && d ? <DensityLayer contours={d.contours} /> : null}
              {layers.hotspots && h ? <HotspotLayer cells={h.cells} /> : null}
            </MapView>
          </section>

          <div className="grid2">
            <section aria-labelledby="analysis-hotspots">
              <h2 id="analysis-hotspots">{t('analysis.sections.hotspots')}</h2>
              {hotspots.isError ? <Failure error={hotspots.error} /> : null}
              {h ? (
                <div data-testid="hotspot-summary">
                  <p>
                    {t('analysis.hotspots.summary', {
                      events: h.events,
                      from: formatDate(h.period.from),
                      to: formatDate(h.period.to),
                      hot: h.hotCells,
                      cold: h.coldCells,
                      cells: h.gridCells,
                      size: h.cellSize,
                      alpha: fmt(h.alpha),
                    })}
                  </p>
                  {h.hotCells > 0 ? <p>{t('analysis.hotspots.eventsInHot', { count: h.eventsInHotCells })}</p> : null}
                  <HotspotAreaTable areas={h.byArea} />
                  {h.hotCells + h.coldCells === 0 ? <p className="card">{t('analysis.hotspots.none')}</p> : null}
                  {h.minPossibleP !== null ? (
                    <p className="card small">
                      {t('analysis.hotspots.permutationLimit', {
                        n: h.permutations,
                        minP: fmt(h.minPossibleP, 4),
                        cells: h.gridCells,
                      })}
                    </p>
                  ) : null}
                  <p className="muted small">{t('analysis.hotspots.sparseHint')}</p>
                </div>
              ) : null}
            </section>
            <section aria-labelledby="analysis-density">
              <h2 id="analysis-density">{t('analysis.sections.density')}</h2>
              {density.isError ? <Failure error={density.error} /> : null}
              {d ? (
                <p data-testid="density-summary">
                  {t('analysis.density.summary', {
                    bandwidth: fmt(d.bandwidth, 0),
                    rule: t(`analysis.density.rules.${d.bandwidthRule}`),
                    max: fmt(d.maxDensity, 1),
                  })}
                </p>
              ) : null}
            </section>
          </div>

          <section aria-labelledby="analysis-near-repeat">
            <h2 id="analysis-near-repeat">{t('analysis.sections.nearRepeat')}</h2>
            {nearRepeat.isError ? <Failure error={nearRepeat.error} /> : null}
            {nearRepeat.data ? <NearRepeatTable view={nearRepeat.data} /> : null}
          </section>

          <section aria-labelledby="analysis-evaluation">
            <h2 id="analysis-evaluation">{t('analysis.sections.evaluation')}</h2>
            {evaluation.isError ? <Failure error={evaluation.error} /> : null}
            {evaluation.data ? <EvaluationFigures view={evaluation.data} /> : null}
          </section>
        </>
      ) : null}

      <section aria-labelledby="analysis-methods">
        <h2 id="analysis-methods">{t('analysis.sections.methods')}</h2>
        <MethodExplanations metres={params?.spaceBand ?? 200} days={params?.timeBand ?? 7} />
      </section>
    </section>
  );
}
