import { errorMessage } from './errors.ts';
import { PersonalDataAlert } from './PersonalDataAlert.tsx';
import { personalDataFindings } from './personal-data.ts';

/**
 * A refused request, as every form shows it: personal data found is listed field by field
 * (PersonalDataAlert); any other error is one sentence, from the feature's own texts when it
 * passes `message`.
 */
export function ErrorAlert({
  error,
  message = errorMessage,
}: {
  error: unknown;
  message?: (error: unknown) => string;
}) {
  if (!error) return null;
  if (personalDataFindings(error)) return <PersonalDataAlert error={error} />;
  return (
    <p role="alert" className="error">
      {message(error)}
    </p>
  );
}
