import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../../app/session.tsx';
import { MapView } from '../../shared/MapView.tsx';
import { CameraMarkers } from './CameraMarkers.tsx';
import { CameraStatusBadge, WarningList } from './CameraStatusBadge.tsx';
import { cameraError, useCameraSites } from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

/** The register: warnings first, then every site on the map and in a table. */
export function CameraRegisterPage() {
  const { t } = useTranslation();
  const user = useUser();
  const sites = useCameraSites();
  const coordinator = user.role === 'admin' || user.role === 'samordnare';
  const warnings = (sites.data ?? []).flatMap((s) => s.warnings.map((w) => ({ ...w, siteId: s.id, siteName: s.name })));
  return (
    <section>
      <h1>{t('cameras.title')}</h1>
      <p className="muted">{t('cameras.intro')}</p>
      <div className="toolbar">
        <Link to="/kameror/placering">{t('cameras.siting')}</Link>
        {coordinator ? <Link to="/kameror/ny">{t('cameras.propose')}</Link> : null}
      </div>
      <ErrorAlert error={sites.error} message={cameraError} />
      <section aria-labelledby="camera-warnings-title">
        <h2 id="camera-warnings-title">{t('cameras.warningsTitle')}</h2>
        {warnings.length > 0 ? <WarningList warnings={warnings} /> : <p className="muted">{t('cameras.noWarnings')}</p>}
      </section>
      <MapView label={t('cameras.mapLabel')} height="460px">
        <CameraMarkers sites={sites.data ?? []} />
      </MapView>
      <table className="camera-table">
        <thead>
          <tr>
            <th>{t('cameras.col.name')}</th>
            <th>{t('cameras.col.status')}</th>
            <th>{t('cameras.col.area')}</th>
            <th>{t('cameras.col.basis')}</th>
            <th>{t('cameras.col.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {(sites.data ?? []).map((site) => (
            <tr key={site.id}>
              <td>
                <Link to={`/kameror/${site.id}`}>{site.name}</Link>
              </td>
              <td>
                <CameraStatusBadge status={site.status} />
              </td>
              <td>{site.areaName}</td>
              <td>
                {site.legalBasis ? (
                  `${t(`cameras.basisKind.${site.legalBasis.kind}`)}, ${site.legalBasis.reviewOn ? t(site.legalBasis.kind === 'imy-permit' ? 'cameras.validUntil' : 'cameras.reviewOn', { date: site.legalBasis.reviewOn }) : t('cameras.noEnd')}`
                ) : (
                  <span className="muted">{t('cameras.noBasis')}</span>
                )}
              </td>
              <td>{site.organisationName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
