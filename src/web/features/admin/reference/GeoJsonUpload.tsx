import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api.ts';
import { errorMessage } from '../../../shared/errors.ts';
import { useUploadGeoJson } from './useReferenceChanges.ts';
import { pickLanguage } from '../../../shared/localised.ts';

interface GeoProblem {
  featureIndex?: number;
  message: string;
  messageEn: string;
}

/** Uploads a GeoJSON file to an admin endpoint and lists every problem the server found. */
export function GeoJsonUpload({
  url,
  title,
  hint,
  refresh,
}: {
  url: string;
  title: string;
  hint: string;
  refresh: string[];
}) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadGeoJson(url, refresh);
  const problems: GeoProblem[] =
    upload.error instanceof ApiError ? ((upload.error.details as { problems?: GeoProblem[] })?.problems ?? []) : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <h3>{title}</h3>
      <p className="muted small">{hint}</p>
      <input
        type="file"
        accept=".json,.geojson,application/geo+json,application/json"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        aria-label={title}
      />
      <button type="submit" disabled={!file || upload.isPending}>
        {t('admin.upload')}
      </button>
      {upload.isSuccess ? (
        <p role="status" className="success">
          {t('admin.uploaded')}
        </p>
      ) : null}
      {upload.isError ? (
        <div role="alert" className="error">
          <p>{problems.length ? t('admin.problems') : errorMessage(upload.error)}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.featureIndex !== undefined ? `${t('admin.feature', { index: p.featureIndex + 1 })}: ` : ''}
                {pickLanguage(i18n.language, p.message, p.messageEn)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
