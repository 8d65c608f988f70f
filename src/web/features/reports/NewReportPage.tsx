import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleMarker } from 'react-leaflet';
import { Link } from 'react-router';
import type { ReportView } from '../../../contracts/reports.ts';
import { PersonalDataAlert } from '../../shared/PersonalDataAlert.tsx';
import { personalDataFindings } from '../../shared/personal-data.ts';
import { api } from '../../shared/api.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { fromLocalInput, toLocalInput } from '../../shared/format.ts';
import { MapView } from '../../shared/MapView.tsx';
import { useCategories, useFocusAreas, usePlaces } from '../../shared/reference.ts';

const TARGETS = ['public-space', 'property', 'business', 'person'] as const;
const SEVERITIES = ['low', 'medium', 'high'] as const;

/** Filing a report on a phone in under a minute: category, place, time, text. */
export function NewReportPage() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const focusAreas = useFocusAreas();
  const places = usePlaces();
  const queryClient = useQueryClient();

  const [categoryCode, setCategoryCode] = useState('');
  const [point, setPoint] = useState<{ lat: number; lon: number } | null>(null);
  const [placeCode, setPlaceCode] = useState('');
  const [occurredAt, setOccurredAt] = useState(() => toLocalInput(new Date()));
  const [occurredUntil, setOccurredUntil] = useState('');
  const [target, setTarget] = useState<(typeof TARGETS)[number]>('public-space');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('medium');
  const [visibility, setVisibility] = useState<'partnership' | 'restricted'>('partnership');

  const mutation = useMutation({
    mutationFn: () =>
      api.post<ReportView>('/api/reports', {
        categoryCode,
        occurredAt: fromLocalInput(occurredAt),
        ...(occurredUntil ? { occurredUntil: fromLocalInput(occurredUntil) } : {}),
        ...(point ? { location: point } : {}),
        ...(placeCode ? { placeCode } : {}),
        target,
        description,
        severity,
        visibility,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });

  const grouped = useMemo(
    () =>
      (focusAreas.data ?? []).map((f) => ({
        focus: f,
        items: (categories.data ?? []).filter((c) => c.active && c.focusAreaCode === f.code),
      })),
    [focusAreas.data, categories.data],
  );
  const selectedPlace = places.data?.find((p) => p.code === placeCode);
  const shownPoint = point ?? (selectedPlace ? { lat: selectedPlace.lat, lon: selectedPlace.lon } : null);
  const errors = fieldErrors(mutation.error);
  const personalData = personalDataFindings(mutation.error) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  function reset() {
    mutation.reset();
    setDescription('');
    setPoint(null);
    setPlaceCode('');
    setOccurredAt(toLocalInput(new Date()));
    setOccurredUntil('');
  }

  if (mutation.isSuccess) {
    return (
      <section className="card narrow" aria-live="polite">
        <h1>{t('report.title')}</h1>
        <p className="success" role="status">
          {t('report.sent', { number: mutation.data.number, area: mutation.data.areaName })}
        </p>
        <p>
          <Link to={`/rapporter/${mutation.data.id}`}>{t('reports.open')}</Link>
        </p>
        <button type="button" className="primary" onClick={reset}>
          {t('report.another')}
        </button>
      </section>
    );
  }

  return (
    <form className="report-form" onSubmit={submit} noValidate aria-labelledby="new-report-title">
      <h1 id="new-report-title">{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>

      <label>
        {t('report.category')}
        <select
          required
          value={categoryCode}
          onChange={(e) => setCategoryCode(e.target.value)}
          aria-invalid={Boolean(errors.categoryCode)}
        >
          <option value="">{t('report.chooseCategory')}</option>
          {grouped.map(({ focus, items }) => (
            <optgroup key={focus.code} label={i18n.language === 'en' ? focus.nameEn : focus.name}>
              {items.map((c) => (
                <option key={c.code} value={c.code}>
                  {i18n.language === 'en' ? c.nameEn : c.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errors.categoryCode ? <span className="field-error">{errors.categoryCode}</span> : null}
      </label>

      <fieldset>
        <legend>{t('report.where')}</legend>
        <p className="muted small">{t('report.mapHint')}</p>
        <MapView label={t('report.mapHint')} height="300px" onPick={(p) => setPoint(p)}>
          {shownPoint ? (
            <CircleMarker
              center={[shownPoint.lat, shownPoint.lon]}
              radius={9}
              pathOptions={{ color: '#b3261e', fillOpacity: 0.8 }}
            />
          ) : null}
        </MapView>
        <p className="small" data-testid="picked-point">
          {point
            ? `${t('report.pickedPoint')}: ${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}`
            : selectedPlace
              ? selectedPlace.name
              : t('report.noPoint')}
        </p>
        <label>
          {t('report.place')}
          <select
            value={placeCode}
            onChange={(e) => {
              setPlaceCode(e.target.value);
              setPoint(null);
            }}
          >
            <option value="">{t('report.noPlace')}</option>
            {(places.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {errors.location ? <span className="field-error">{errors.location}</span> : null}
      </fieldset>

      <div className="row">
        <label>
          {t('report.when')}
          <input
            type="datetime-local"
            required
            value={occurredAt}
            max={toLocalInput(new Date())}
            onChange={(e) => setOccurredAt(e.target.value)}
            aria-invalid={Boolean(errors.occurredAt)}
          />
          {errors.occurredAt ? <span className="field-error">{errors.occurredAt}</span> : null}
        </label>
        <label>
          {t('report.until')}
          <input type="datetime-local" value={occurredUntil} onChange={(e) => setOccurredUntil(e.target.value)} />
        </label>
      </div>

      <fieldset className="choices">
        <legend>{t('report.target')}</legend>
        {TARGETS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="target"
              value={value}
              checked={target === value}
              onChange={() => setTarget(value)}
            />
            {t(`report.targets.${value}`)}
          </label>
        ))}
      </fieldset>

      <label>
        {t('report.description')}
        <textarea
          required
          rows={4}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-describedby="description-hint"
          aria-invalid={Boolean(errors.description) || personalData.length > 0}
        />
        <span id="description-hint" className="muted small">
          {t('report.descriptionHint')}
        </span>
        {errors.description && personalData.length === 0 ? (
          <span className="field-error">{errors.description}</span>
        ) : null}
      </label>

      <PersonalDataAlert error={mutation.error} />

      <fieldset className="choices">
        <legend>{t('report.severity')}</legend>
        {SEVERITIES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="severity"
              value={value}
              checked={severity === value}
              onChange={() => setSeverity(value)}
            />
            {t(`report.severities.${value}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="choices">
        <legend>{t('report.visibility')}</legend>
        {(['partnership', 'restricted'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="visibility"
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value)}
            />
            {t(`report.visibilities.${value}`)}
          </label>
        ))}
      </fieldset>

      {mutation.isError && personalData.length === 0 ? (
        <p role="alert" className="error">
          {errorMessage(mutation.error)}
        </p>
      ) : null}
      <button type="submit" className="primary big" disabled={mutation.isPending}>
        {mutation.isPending ? t('report.sending') : t('report.submit')}
      </button>
    </form>
  );
}
