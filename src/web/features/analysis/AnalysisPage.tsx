import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AnalysisKind } from '../../../contracts/analysis.ts';
import { MapView } from '../../shared/MapView.tsx';
import { AnalysisForm } from './AnalysisForm.tsx';
import { toParams } from './analysis-form-state.ts';
import { formStateToSearch, searchToFormState } from './analysis-url.ts';
import { AnalysisLegend } from './AnalysisLegend.tsx';
import { ConcentrationFigures } from './ConcentrationFigures.tsx';
import { DensityLayer } from './DensityLayer.tsx';
import { EmergingSection } from './EmergingSection.tsx';
import { EvaluationFigures } from './EvaluationFigures.tsx';
import { DensitySummary, HotspotSummary } from './HotspotSummary.tsx';
import { HotspotLayer } from './HotspotLayer.tsx';
import { MethodExplanations } from './MethodExplanations.tsx';
import { NearRepeatTable } from './NearRepeatTable.tsx';
import { RunStatus } from './RunStatus.tsx';
import { runQueries } from './useAnalysis.ts';
import { useAnalysisRun, type AnalysisRun } from './useAnalysisRun.ts';

/** A result section: its heading, then the run's state (calculating, queued, cancelled, error) or its result. */
function Section<T>({
  id,
  title,
  run,
  children,
}: {
  id: string;
  title: string;
  run: Omit<AnalysisRun<AnalysisKind>, 'data'> & { data: T | undefined };
  children: (data: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={id} aria-busy={run.working}>
      <h2 id={id}>{title}</h2>
      <RunStatus run={run} testId={`${id}-status`} />
      {run.data !== undefined && !run.working ? children(run.data) : null}
    </section>
  );
}

/**
 * Period, categories and parameters in; every analysis runs on the server's queue and each section
 * shows its own progress (and can be cancelled) until its answer arrives.
 */
export function AnalysisPage() {
  const { t } = useTranslation();
  // The URL holds the last run's settings (shareable); `run=1` marks that one has been asked for.
  const [search, setSearch] = useSearchParams();
  const initial = useMemo(() => searchToFormState(search), [search]);
  const params = useMemo(() => (search.get('run') ? toParams(initial) : null), [search, initial]);
  const queries = useMemo(() => (params ? runQueries(params) : null), [params]);
  const [layers, setLayers] = useState({ hotspots: true, density: true });
  const hotspots = useAnalysisRun('hotspots', queries?.hotspots ?? null);
  const density = useAnalysisRun('density', queries?.density ?? null);
  const nearRepeat = useAnalysisRun('near-repeat', queries?.['near-repeat'] ?? null);
  const evaluation = useAnalysisRun('evaluation', queries?.evaluation ?? null);
  const emerging = useAnalysisRun('emerging', queries?.emerging ?? null);
  const concentration = useAnalysisRun('concentration', queries?.concentration ?? null);
  const busy = [hotspots, density, nearRepeat, evaluation, emerging, concentration].some((r) => r.working);
  const layer = (key: keyof typeof layers) => (
    <label className="choice">
      <input
        type="checkbox"
        checked={layers[key]}
        onChange={(e) => setLayers((l) => ({ ...l, [key]: e.target.checked }))}
      />
      {t(`analysis.layers.${key}`)}
    </label>
  );

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
              {layer('hotspots')}
              {layer('density')}
            </div>
            <AnalysisLegend hotspots={layers.hotspots} density={layers.density} />
            <MapView label={t('analysis.mapLabel')} height="560px">
              {layers.density && density.data ? <DensityLayer contours={density.data.contours} /> : null}
              {layers.hotspots && hotspots.data ? <HotspotLayer cells={hotspots.data.cells} /> : null}
            </MapView>
          </section>

          <div className="grid2">
            <Section id="analysis-hotspots" title={t('analysis.sections.hotspots')} run={hotspots}>
              {(h) => <HotspotSummary view={h} />}
            </Section>
            <Section id="analysis-density" title={t('analysis.sections.density')} run={density}>
              {(d) => <DensitySummary view={d} />}
            </Section>
          </div>
          <Section id="analysis-near-repeat" title={t('analysis.sections.nearRepeat')} run={nearRepeat}>
            {(v) => <NearRepeatTable view={v} />}
          </Section>
          <Section id="analysis-evaluation" title={t('analysis.sections.evaluation')} run={evaluation}>
            {(v) => <EvaluationFigures view={v} />}
          </Section>
          <Section id="analysis-emerging" title={t('analysis.sections.emerging')} run={emerging}>
            {(v) => <EmergingSection view={v} />}
          </Section>
          <Section id="analysis-concentration" title={t('analysis.sections.concentration')} run={concentration}>
            {(v) => <ConcentrationFigures view={v} />}
          </Section>
        </>
      ) : null}

      <section aria-labelledby="analysis-methods">
        <h2 id="analysis-methods">{t('analysis.sections.methods')}</h2>
        <MethodExplanations metres={params?.spaceBand ?? 200} days={params?.timeBand ?? 7} />
      </section>
    </section>
  );
}
