import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';

interface Detail {
  path: string;
  code: string;
  message: string;
}

const fieldOf = (path: string) => path.replace(/^body\./, '').split('.')[0] ?? '';

/**
 * Field problems of a refused planning change, keyed by field, in the user's language. A text for
 * the field and code (`promises.fieldErrorsFor.partyCodes.too_small`: "choose at least two
 * parties") comes first, then one for codes only this feature answers (PERIOD_END_BEFORE_START,
 * MUST_REMAIN_PARTY, ...), then the shared ones. A code that is taken belongs to the code field.
 */
export function promiseFieldErrors(error: unknown): Record<string, string> {
  const result = fieldErrors(error);
  if (!(error instanceof ApiError)) return result;
  if (error.code === 'CODE_TAKEN') return { code: errorMessage(error) };
  if (!Array.isArray(error.details)) return result;
  for (const d of error.details as Detail[]) {
    const field = fieldOf(d.path);
    const keys = [`promises.fieldErrorsFor.${field}.${d.code}`, `promises.fieldErrors.${d.code}`];
    const key = keys.find((k) => i18n.exists(k));
    if (key) result[field] = i18n.t(key);
  }
  return result;
}

interface OutsideDetails {
  plans?: { title: string }[];
  commitments?: { title: string }[];
  followUps?: { title: string }[];
  count?: number;
}

/**
 * Why a planning change was refused. For a period that would leave plans, commitments,
 * follow-ups or logged activities outside, says which, so the coordinator knows what to change first.
 */
export function PromiseError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : '';
  const details = (error instanceof ApiError ? error.details : undefined) as OutsideDetails | undefined;
  const own = `promises.errors.${code}`;
  const message = code && i18n.exists(own) ? t(own, { count: details?.count ?? 0 }) : errorMessage(error);
  const named = [...(details?.plans ?? []), ...(details?.commitments ?? []), ...(details?.followUps ?? [])].map(
    (x) => x.title,
  );
  return (
    <div role="alert" className="error">
      <p className="tight">{message}</p>
      {code === 'PERIOD_EXCLUDES_CONTENT' && named.length ? (
        <ul className="tight">
          {named.map((title) => (
            <li key={title}>{title}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
