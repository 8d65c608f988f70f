import { useTranslation } from 'react-i18next';
import { useAreas } from '../../shared/reference.ts';
import { CategoriesCard } from './reference/CategoriesCard.tsx';
import { GeoJsonUpload } from './reference/GeoJsonUpload.tsx';
import { OrganisationsCard } from './reference/OrganisationsCard.tsx';
import { PlacesCard } from './reference/PlacesCard.tsx';

/** The deployment's reference data: organisations, taxonomy, areas and boundary, places. */
export function ReferencePage() {
  const { t } = useTranslation();
  const areas = useAreas();
  return (
    <section>
      <h1>{t('admin.reference')}</h1>
      <div className="grid2">
        <OrganisationsCard />
        <CategoriesCard />
        <section className="card" aria-labelledby="areas-title">
          <h2 id="areas-title">{t('admin.areas')}</h2>
          <ul>
            {(areas.data ?? []).map((a) => (
              <li key={a.code}>
                {a.name} {a.approximate ? <span className="muted small">({t('admin.approximate')})</span> : null}
              </li>
            ))}
          </ul>
          <GeoJsonUpload
            url="/api/areas"
            title={t('admin.uploadAreas')}
            hint={t('admin.uploadHint')}
            refresh={['areas', 'places']}
          />
          <GeoJsonUpload
            url="/api/municipality/boundary"
            title={t('admin.uploadBoundary')}
            hint={t('admin.uploadBoundaryHint')}
            refresh={['municipality']}
          />
        </section>
        <PlacesCard />
      </div>
    </section>
  );
}
