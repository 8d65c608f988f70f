import { DateTime } from 'luxon';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Polygon } from 'react-leaflet';
import { Link, useParams } from 'react-router';
import { MapView } from '../../shared/MapView.tsx';
import { CameraMarkers } from './CameraMarkers.tsx';
import { CameraStatusBadge, WarningList } from './CameraStatusBadge.tsx';
import { DisclosureLog } from './DisclosureLog.tsx';
import { EvaluationPanel } from './EvaluationPanel.tsx';
import { InspectionLog } from './InspectionLog.tsx';
import { LegalBasisPanel } from './LegalBasisPanel.tsx';
import { SiteEditForm } from './SiteEditForm.tsx';
import { cameraError, useCameraSite, useSiteMutation, type CameraSiteView } from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

function StatusActions({ site }: { site: CameraSiteView }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(DateTime.now().setZone('Europe/Stockholm').toISODate()!);
  const move = useSiteMutation<{ status: string; on: string }>('post', () => `/api/camera-sites/${site.id}/status`);
  if (!site.can.manage || site.nextStatuses.length === 0) return null;
  return (
    <div className="camera-actions" role="group" aria-label={t('cameras.changeStatus')}>
      <label>
        {t('cameras.statusDate')}
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      </label>
      {site.nextStatuses.map((status) => (
        <button key={status} type="button" disabled={move.isPending} onClick={() => move.mutate({ status, on })}>
          {t(`cameras.moveTo.${status}`)}
        </button>
      ))}
      <ErrorAlert error={move.error} message={cameraError} />
    </div>
  );
}

/** One site: its facts, status, legal basis, inspections, disclosures (for those allowed) and evaluation. */
export function CameraSitePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const site = useCameraSite(id);
  const [editing, setEditing] = useState(false);
  if (site.isError)
    return (
      <p role="alert" className="error">
        {cameraError(site.error)}
      </p>
    );
  if (!site.data) return <p>{t('common.loading')}</p>;
  const s = site.data;
  const facts: [string, string][] = [
    [t('cameras.col.owner'), s.organisationName],
    [t('cameras.col.area'), s.areaName],
    [t('cameras.fields.cameraCount'), `${s.cameraCount}${s.cameraType ? ` (${s.cameraType})` : ''}`],
    [t('cameras.fields.purpose'), s.purpose],
    [t('cameras.fields.motivationShort'), s.motivation],
    [t('cameras.fields.operatingHours'), s.operatingHours],
    [t('cameras.fields.retentionDays'), s.retentionDays === null ? '' : String(s.retentionDays)],
    [t('cameras.fields.signage'), s.signage ? t('cameras.inspections.ok') : t('cameras.inspections.notOk')],
    [t('cameras.fields.responsibleName'), s.responsibleName],
    [t('cameras.fields.installedOn'), s.installedOn ?? ''],
  ];
  return (
    <section>
      <p>
        <Link to="/kameror">{t('cameras.title')}</Link>
      </p>
      <h1>{s.name}</h1>
      <p>
        <CameraStatusBadge status={s.status} />
        {s.positionApproximate ? <span className="muted"> · {t('cameras.approximatePosition')}</span> : null}
      </p>
      {s.warnings.length > 0 ? <WarningList warnings={s.warnings} /> : null}
      <StatusActions site={s} />
      {s.can.manage && !editing ? (
        <button type="button" onClick={() => setEditing(true)}>
          {t('cameras.edit.open')}
        </button>
      ) : null}
      {editing ? <SiteEditForm site={s} onDone={() => setEditing(false)} /> : null}
      <div className="grid2">
        <section aria-labelledby="details-title" className="card">
          <h2 id="details-title">{t('cameras.details')}</h2>
          <dl className="facts camera-facts">
            {facts
              .filter(([, v]) => v !== '')
              .map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </Fragment>
              ))}
            {s.motivatingReports.length > 0 ? (
              <>
                <dt>{t('cameras.fields.motivatingReports')}</dt>
                <dd data-testid="motivating-reports">
                  {s.motivatingReports.map((r, i) => (
                    <Fragment key={r.id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/rapporter/${r.id}`}>#{r.number}</Link>
                    </Fragment>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <MapView label={t('cameras.mapLabel')} height="320px" highlightArea={s.areaCode}>
          {s.fieldOfView ? (
            <Polygon
              positions={s.fieldOfView.coordinates[0]!.map(([lon, lat]) => [lat, lon] as [number, number])}
              pathOptions={{ color: '#b35c00', fillOpacity: 0.3 }}
            />
          ) : null}
          <CameraMarkers sites={[s]} includeDecommissioned />
        </MapView>
      </div>
      <LegalBasisPanel site={s} />
      <InspectionLog site={s} />
      {s.can.seeDisclosures ? <DisclosureLog site={s} /> : null}
      <EvaluationPanel site={s} />
    </section>
  );
}
