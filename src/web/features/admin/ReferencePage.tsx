import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';
import { useAreas, useCategories, useFocusAreas, useOrganisations, usePlaces } from '../../shared/reference.ts';

interface AreaProblem {
  featureIndex?: number;
  message: string;
  messageEn: string;
}

/** Reference data at a glance, and replacing the area set by uploading GeoJSON. */
export function ReferencePage() {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisations();
  const focusAreas = useFocusAreas();
  const categories = useCategories();
  const areas = useAreas();
  const places = usePlaces();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const text = await file!.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'INVALID_AREAS', 'not JSON', { problems: [{ message: 'Filen är inte giltig JSON.', messageEn: 'The file is not valid JSON.' }] });
      }
      return api.put('/api/areas', parsed);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['areas'] }),
  });
  const problems: AreaProblem[] = upload.error instanceof ApiError ? ((upload.error.details as { problems?: AreaProblem[] })?.problems ?? []) : [];

  return (
    <section>
      <h1>{t('admin.reference')}</h1>
      <div className="grid2">
        <section className="card">
          <h2>{t('admin.organisations')}</h2>
          <ul>{(organisations.data ?? []).map((o) => <li key={o.code}>{o.name} <span className="muted small">({o.code})</span></li>)}</ul>
        </section>
        <section className="card">
          <h2>{t('admin.focusAreas')}</h2>
          <ul>
            {(focusAreas.data ?? []).map((f) => (
              <li key={f.code}>
                <span className="dot" style={{ background: f.color }} aria-hidden="true" /> {f.name}
                <ul className="small">
                  {(categories.data ?? []).filter((c) => c.focusAreaCode === f.code).map((c) => <li key={c.code}>{c.name}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t('admin.areas')}</h2>
          <ul>{(areas.data ?? []).map((a) => <li key={a.code}>{a.name} {a.approximate ? <span className="muted small">({t('admin.approximate')})</span> : null}</li>)}</ul>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate();
            }}
          >
            <h3>{t('admin.uploadAreas')}</h3>
            <p className="muted small">{t('admin.uploadHint')}</p>
            <input type="file" accept=".json,.geojson,application/geo+json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-label={t('admin.uploadAreas')} />
            <button type="submit" disabled={!file || upload.isPending}>{t('admin.upload')}</button>
          </form>
          {upload.isSuccess ? <p role="status" className="success">{t('admin.uploaded')}</p> : null}
          {upload.isError ? (
            <div role="alert" className="error">
              <p>{problems.length ? t('admin.problems') : errorMessage(upload.error)}</p>
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.featureIndex !== undefined ? `${t('admin.feature', { index: p.featureIndex + 1 })}: ` : ''}
                    {i18n.language === 'en' ? p.messageEn : p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
        <section className="card">
          <h2>{t('admin.places')}</h2>
          <ul>{(places.data ?? []).map((p) => <li key={p.code}>{p.name} {p.approximate ? <span className="muted small">({t('admin.approximate')})</span> : null}</li>)}</ul>
        </section>
      </div>
    </section>
  );
}
