import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { Link, useSearchParams } from 'react-router';
import { MapView } from '../../shared/MapView.tsx';
import { formatDate, formatNumber } from '../../shared/format.ts';
import { useCategories } from '../../shared/reference.ts';
import { CameraMarkers } from './CameraMarkers.tsx';
import { cameraError, useSiting, type SitingView } from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

type Candidate = SitingView['candidates'][number];
const RADII = [100, 200, 300, 500];

export function candidateName(t: TFunction, c: Candidate): string {
  return c.kind === 'place'
    ? c.name
    : t('cameras.sitingPage.cell', { lat: c.location.lat.toFixed(4), lon: c.location.lon.toFixed(4) });
}

/** The reasons behind a candidate's place in the ranking, as sentences. */
export function candidateReasons(
  t: TFunction,
  c: Candidate,
  radius: number,
  categoryName: (code: string) => string,
): string[] {
  // The three largest categories say enough; the rest would drown the other reasons.
  const top = c.byCategory.slice(0, 3).map((b) => `${categoryName(b.categoryCode)} ${b.count}`);
  if (c.byCategory.length > 3) top.push(t('cameras.sitingPage.more', { count: c.byCategory.length - 3 }));
  const reasons = [
    `${t('cameras.sitingPage.reports', { count: c.reports, radius })}${top.length ? ` (${top.join(', ')})` : ''}`,
  ];
  if (!c.hotspot) reasons.push(t('cameras.sitingPage.noHotspotData'));
  else
    reasons.push(
      t(c.hotspot.hot ? 'cameras.sitingPage.hot' : 'cameras.sitingPage.notHot', {
        z: c.hotspot.z.toFixed(1).replace('.', ','),
      }),
    );
  if (!c.nearestCamera) reasons.push(t('cameras.sitingPage.noCamera'));
  else {
    const camera = {
      name: c.nearestCamera.name,
      status: t(`cameras.status.${c.nearestCamera.status}`).toLowerCase(),
      distance: formatNumber(c.nearestCamera.distanceMetres),
    };
    reasons.push(t(c.covered ? 'cameras.sitingPage.covered' : 'cameras.sitingPage.nearest', camera));
  }
  return reasons;
}

/** Ranked candidate places with their reasons, on the map and in a list; proposing stays a human act. */
export function SitingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const radius = Number(params.get('radius') ?? 200);
  const categories = params.get('categories') ?? '';
  const siting = useSiting({ radius, categories });
  const categoryList = useCategories();
  const categoryName = (code: string) => categoryList.data?.find((c) => c.code === code)?.name ?? code;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const candidates = siting.data?.candidates ?? [];
  const maxScore = Math.max(1, ...candidates.map((c) => c.score));

  const proposeLink = (c: Candidate) => {
    const search = new URLSearchParams({
      name: candidateName(t, c),
      motivation: candidateReasons(t, c, radius, categoryName).join('. '),
    });
    if (c.kind === 'place') search.set('place', c.code);
    else {
      search.set('lat', String(c.location.lat));
      search.set('lon', String(c.location.lon));
    }
    return `/kameror/ny?${search.toString()}`;
  };

  return (
    <section>
      <h1>{t('cameras.sitingPage.title')}</h1>
      <p className="muted">{t('cameras.sitingPage.intro')}</p>
      <div className="filters camera-actions">
        <label>
          {t('cameras.sitingPage.radius')}
          <select value={radius} onChange={(e) => set('radius', e.target.value)}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cameras.sitingPage.category')}
          <select value={categories} onChange={(e) => set('categories', e.target.value)}>
            <option value="">{t('cameras.sitingPage.allCategories')}</option>
            {(categoryList.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {siting.data ? (
          <span className="muted" data-testid="siting-total">
            {t('cameras.sitingPage.total', { count: siting.data.totalReports })} ({formatDate(siting.data.from)}–
            {formatDate(siting.data.to)})
          </span>
        ) : null}
      </div>
      <ErrorAlert error={siting.error} message={cameraError} />
      <MapView label={t('cameras.sitingPage.mapLabel')} height="420px">
        {candidates.map((c, i) => (
          <CircleMarker
            key={c.code}
            center={[c.location.lat, c.location.lon]}
            radius={6 + 14 * (c.score / maxScore)}
            pathOptions={{ color: c.hotspot?.hot ? '#b3261e' : '#1f6fb2', weight: 2, fillOpacity: 0.35 }}
          >
            <Tooltip>{`${i + 1}. ${candidateName(t, c)}: ${candidateReasons(t, c, radius, categoryName).join('; ')}`}</Tooltip>
          </CircleMarker>
        ))}
        <CameraMarkers />
      </MapView>
      <table className="camera-table" aria-label={t('cameras.sitingPage.title')}>
        <thead>
          <tr>
            <th>{t('cameras.sitingPage.rank')}</th>
            <th>{t('cameras.sitingPage.candidate')}</th>
            <th>{t('cameras.sitingPage.score')}</th>
            <th>{t('cameras.sitingPage.reasons')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {candidates.map((c, i) => (
            <tr key={c.code}>
              <td>{i + 1}</td>
              <td>{candidateName(t, c)}</td>
              <td>{formatNumber(Math.round(c.score * 100) / 100)}</td>
              <td>
                <ul className="camera-reasons">
                  {candidateReasons(t, c, radius, categoryName).map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </td>
              <td>
                <Link
                  to={proposeLink(c)}
                  state={{ reportIds: c.reportIds }}
                  aria-label={`${t('cameras.sitingPage.proposeHere')}: ${candidateName(t, c)}`}
                >
                  {t('cameras.sitingPage.proposeHere')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
