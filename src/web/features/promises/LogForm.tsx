import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { usePlaces } from '../../shared/reference.ts';
import { ProgressSummary } from './ProgressSummary.tsx';
import { todayInSweden, useLogActivity, type CommitmentView } from './usePromises.ts';

const yesterday = () => {
  const d = new Date(`${todayInSweden()}T12:00:00`);
  d.setDate(d.getDate() - 1);
  return d.toISOString().slice(0, 10);
};

/**
 * Logging what was done in a few taps: the place as big buttons, today preselected, two people
 * and fifteen minutes as defaults (a 15-minute foot patrol by two officers is the common case).
 */
export function LogForm({ commitment }: { commitment: CommitmentView }) {
  const { t } = useTranslation();
  const allPlaces = usePlaces();
  const places = commitment.places.length
    ? commitment.places
    : (allPlaces.data ?? []).map((p) => ({ code: p.code, name: p.name }));
  const [placeCode, setPlaceCode] = useState(commitment.places.length === 1 ? commitment.places[0]!.code : '');
  const [occurredOn, setOccurredOn] = useState(todayInSweden());
  const [participants, setParticipants] = useState('2');
  const [minutes, setMinutes] = useState(commitment.target.kind === 'recurring' ? '15' : '');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const mutation = useLogActivity(commitment.id);
  const activity = () => ({
    occurredOn,
    ...(placeCode ? { placeCode } : {}),
    ...(participants ? { participants: Number(participants) } : {}),
    ...(minutes ? { durationMinutes: Number(minutes) } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
  });
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(activity(), { onSuccess: () => setNote('') });
  };
  const placeRequired = commitment.target.kind === 'recurring';

  return (
    <form className="card log-form" onSubmit={submit} aria-labelledby={`log-${commitment.id}`}>
      <h2 id={`log-${commitment.id}`}>{t('promises.log.title', { what: commitment.activityLabel })}</h2>
      <fieldset>
        <legend>
          {t('promises.log.place')}
          {placeRequired ? '' : ` ${t('promises.log.optional')}`}
        </legend>
        <div className="place-buttons">
          {commitment.places.map((p) => (
            <button key={p.code} type="button" aria-pressed={placeCode === p.code} onClick={() => setPlaceCode(p.code)}>
              {p.name}
            </button>
          ))}
        </div>
        {!commitment.places.length ? (
          <label>
            {t('promises.log.place')}
            <select value={placeCode} onChange={(e) => setPlaceCode(e.target.value)}>
              <option value="">{t('promises.log.noPlace')}</option>
              {places.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {errors.placeCode ? <p className="field-error">{errors.placeCode}</p> : null}
      </fieldset>
      <fieldset>
        <legend>{t('promises.log.when')}</legend>
        <div className="choices">
          <button
            type="button"
            aria-pressed={occurredOn === todayInSweden()}
            onClick={() => setOccurredOn(todayInSweden())}
          >
            {t('promises.log.today')}
          </button>
          <button type="button" aria-pressed={occurredOn === yesterday()} onClick={() => setOccurredOn(yesterday())}>
            {t('promises.log.yesterday')}
          </button>
          <label className="inline">
            {t('promises.log.date')}
            <input
              type="date"
              value={occurredOn}
              max={todayInSweden()}
              onChange={(e) => setOccurredOn(e.target.value)}
              aria-invalid={Boolean(errors.occurredOn)}
            />
          </label>
        </div>
        {errors.occurredOn ? <p className="field-error">{errors.occurredOn}</p> : null}
      </fieldset>
      <div className="row">
        <label>
          {t('promises.log.participants')}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={1000}
            value={participants}
            onChange={(e) => setParticipants(e.target.value)}
          />
        </label>
        <label>
          {t('promises.log.minutes')}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
      </div>
      {commitment.target.kind === 'deliverable' ? (
        <label>
          {t('promises.log.evidence')}
          <input value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        </label>
      ) : null}
      <label>
        {t('promises.log.note')} {t('promises.log.optional')}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={Boolean(errors.note)} />
        <span className="small muted">{t('promises.log.noteHint')}</span>
      </label>
      {errors.note ? <p className="field-error">{errors.note}</p> : null}
      <button type="submit" className="primary big" disabled={mutation.isPending || (placeRequired && !placeCode)}>
        {t('promises.log.submit')}
      </button>
      {mutation.isError && !Object.keys(errors).length ? (
        <p role="alert" className="error">
          {errorMessage(mutation.error)}
        </p>
      ) : null}
      {mutation.isSuccess ? (
        <div role="status" className="success">
          <p>{t('promises.log.saved')}</p>
          <ProgressSummary commitment={mutation.data} />
        </div>
      ) : null}
    </form>
  );
}
