import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';
import { errorMessage } from '../../shared/errors.ts';
import { useImportActivities } from './usePromises.ts';

interface RowErrors {
  line: number;
  errors: { line: number; field: string; message: string }[];
}

/** Bulk import for those who keep their own lists: all rows or none, unless told to skip the bad ones. */
export function ImportPage() {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const mutation = useImportActivities();
  const failed =
    mutation.error instanceof ApiError
      ? (mutation.error.details as { rows?: RowErrors[]; errors?: RowErrors['errors'] } | undefined)
      : undefined;
  const rows: RowErrors[] =
    failed?.rows ?? (failed?.errors ? [{ line: 1, errors: failed.errors }] : (mutation.data?.skipped ?? []));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ csv, skipInvalid });
  };
  return (
    <section className="report-form">
      <h1>{t('promises.import.title')}</h1>
      <p>{t('promises.import.intro')}</p>
      <pre className="card small">
        åtagande;datum;plats;antal;minuter;anteckning{'\n'}2026-fotpatrull;2026-03-04;skogas-c;2;15;
      </pre>
      <form onSubmit={submit}>
        <label>
          {t('promises.import.file')}
          <input type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
        </label>
        <label>
          {t('promises.import.text')}
          <textarea rows={8} value={csv} onChange={(e) => setCsv(e.target.value)} />
        </label>
        <label className="choice">
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
          {t('promises.import.skip')}
        </label>
        <button type="submit" className="primary" disabled={!csv || mutation.isPending}>
          {t('promises.import.submit')}
        </button>
      </form>
      {mutation.isError ? (
        <p role="alert" className="error">
          {mutation.error instanceof ApiError ? mutation.error.message : errorMessage(mutation.error)}
        </p>
      ) : null}
      {mutation.isSuccess ? (
        <p role="status" className="success">
          {t('promises.import.done', { count: mutation.data.imported })}
        </p>
      ) : null}
      {rows.length ? (
        <table className="data">
          <caption>{t('promises.import.rowErrors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('promises.import.line')}</th>
              <th scope="col">{t('promises.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
