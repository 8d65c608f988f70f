import { DateTime } from 'luxon';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isUuid } from '../../../contracts/common.ts';
import { ZONE } from '../../../contracts/iso-week.ts';
import type { LagesbildView, RecurringPlaceView } from '../../../contracts/lagesbild.ts';
import { useOrganisations, usePlaces } from '../../shared/reference.ts';
import { ActionError, actionFieldErrors } from '../actions/ActionError.tsx';
import { PRELINK_PARAM } from '../actions/CreateActionFromReport.tsx';
import { useDecideAction, useReportLookup, type ReportRef } from '../actions/useActions.ts';
import { nearestPlace } from './nearest-place.ts';
import './action-form.css';
import { pickLanguage } from '../../shared/localised.ts';

/** A recurring place is named after a named place this close to its centre. */
const NEAR_METRES = 250;
/** Recurring places listed before "show all": the meeting starts with the largest. */
const RECURRING_SHOWN = 6;

const EMPTY = {
  title: '',
  description: '',
  areaCode: '',
  placeCode: '',
  organisationCode: '',
  responsiblePerson: '',
  dueOn: '',
};

/** Adds reports to the linked ones, each once, in number order. */
function merge(linked: readonly ReportRef[], found: readonly ReportRef[]): ReportRef[] {
  const byId = new Map(linked.map((r) => [r.id, r]));
  for (const r of found) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => a.number - b.number);
}

/** Report numbers typed in any way: "120, 134 140". */
const parseNumbers = (text: string) => [
  ...new Set((text.match(/\d+/g) ?? []).map(Number).filter((n) => n > 0 && n <= 2_147_483_647)),
];

/**
 * The meeting decides a new action: what, where (an area, or a named place within one), who, by
 * when, and the reports that motivated it, linked from the week's recurring places with one click
 * or by their numbers. `?rapport=<id>` (from a report's page) prelinks that report.
 */
export function ActionForm({ week, picture }: { week: string; picture: LagesbildView }) {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisations();
  const places = usePlaces();
  const decide = useDecideAction();
  const lookup = useReportLookup();
  const [form, setForm] = useState(EMPTY);
  const [linked, setLinked] = useState<ReportRef[]>([]);
  const [numbers, setNumbers] = useState('');
  const [notFound, setNotFound] = useState<number[]>([]);
  const [prelinkMissing, setPrelinkMissing] = useState(false);
  const [showAllPlaces, setShowAllPlaces] = useState(false);
  const [params, setParams] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const prelinked = useRef<string | null>(null);
  const ids = { place: useId(), description: useId(), numbers: useId(), reports: useId() };
  const errors = actionFieldErrors(decide.error);
  const prelink = params.get(PRELINK_PARAM);

  /** Where is still open: take the area (and named place) the linked reports point to. */
  const suggestWhere = (areaCode: string, placeCode: string | null) =>
    setForm((f) => (f.areaCode || f.placeCode ? f : { ...f, areaCode, placeCode: placeCode ?? '' }));

  useEffect(() => {
    if (!prelink || prelinked.current === prelink) return;
    prelinked.current = prelink;
    if (!isUuid(prelink)) return setPrelinkMissing(true);
    lookup.mutate(
      { ids: [prelink] },
      {
        onSuccess: (found) => {
          setPrelinkMissing(found.length === 0);
          setLinked((current) => merge(current, found));
          if (found[0]) suggestWhere(found[0].areaCode, found[0].placeCode);
          formRef.current?.scrollIntoView({ block: 'start' });
          titleRef.current?.focus({ preventScroll: true });
        },
      },
    );
    // Only the parameter matters: the ref makes this run once per report, whatever else changes
    // (the mutation object is new on every render, so listing it would rerun nothing useful).
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [prelink]);

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const areaName = new Map(picture.byArea.map((a) => [a.areaCode, a.name]));
  const categoryName = new Map(picture.byCategory.map((c) => [c.categoryCode, c.name]));
  const allPlaces = places.data ?? [];
  const placeChoices = allPlaces.filter((p) => p.areaCode === form.areaCode);
  // Before an area is chosen, every place shows, grouped under its area in the meeting's order.
  const placeGroups = [...picture.byArea, { areaCode: '', name: t('lagesbild.actions.noArea') }]
    .map((a) => ({
      areaCode: a.areaCode,
      name: a.name,
      places: allPlaces.filter((p) => (p.areaCode ?? '') === a.areaCode),
    }))
    .filter((g) => g.places.length > 0);
  const linkedIds = new Set(linked.map((r) => r.id));
  const recurring = showAllPlaces ? picture.recurringPlaces : picture.recurringPlaces.slice(0, RECURRING_SHOWN);
  const shortDate = (iso: string) =>
    DateTime.fromISO(iso, { zone: ZONE })
      .setLocale(pickLanguage(i18n.language, 'sv-SE', 'en-GB'))
      .toFormat('d MMM');

  function chooseArea(areaCode: string) {
    const place = allPlaces.find((p) => p.code === form.placeCode);
    setForm({ ...form, areaCode, placeCode: place && place.areaCode === areaCode ? form.placeCode : '' });
  }

  function choosePlace(placeCode: string) {
    const place = allPlaces.find((p) => p.code === placeCode);
    setForm({ ...form, placeCode, areaCode: place?.areaCode ?? form.areaCode });
  }

  function linkPlace(place: RecurringPlaceView) {
    lookup.mutate(
      { ids: place.reportIds },
      {
        onSuccess: (found) => {
          setLinked((current) => merge(current, found));
          suggestWhere(place.areaCode, null);
        },
      },
    );
  }

  function linkNumbers() {
    const wanted = parseNumbers(numbers);
    if (wanted.length === 0) return;
    lookup.mutate(
      { numbers: wanted },
      {
        onSuccess: (found) => {
          setLinked((current) => merge(current, found));
          const missing = wanted.filter((n) => !found.some((r) => r.number === n));
          setNotFound(missing);
          if (missing.length === 0) setNumbers('');
        },
      },
    );
  }

  function onNumbersKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter links the numbers; it must not submit the whole action.
    if (event.key === 'Enter') {
      event.preventDefault();
      linkNumbers();
    }
  }

  return (
    <form
      ref={formRef}
      id="ny-atgard"
      className="card action-form"
      aria-label={t('lagesbild.actions.new')}
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(
          {
            title: form.title,
            description: form.description,
            decidedWeek: week,
            areaCode: form.areaCode || null,
            placeCode: form.placeCode || null,
            organisationCode: form.organisationCode,
            responsiblePerson: form.responsiblePerson,
            dueOn: form.dueOn,
            reportIds: linked.map((r) => r.id),
          },
          {
            onSuccess: () => {
              setForm(EMPTY);
              setLinked([]);
              setNotFound([]);
              setPrelinkMissing(false);
              if (prelink) {
                setParams(
                  (current) => {
                    const next = new URLSearchParams(current);
                    next.delete(PRELINK_PARAM);
                    return next;
                  },
                  { replace: true },
                );
              }
            },
          },
        );
      }}
    >
      <h3>{t('lagesbild.actions.new')}</h3>
      <div className="row">
        <label>
          {t('lagesbild.actions.what')}
          <input
            ref={titleRef}
            aria-label={t('lagesbild.actions.what')}
            value={form.title}
            onChange={set('title')}
            aria-invalid={Boolean(errors.title)}
            required
            minLength={3}
            maxLength={200}
          />
          {errors.title ? <span className="field-error">{errors.title}</span> : null}
        </label>
      </div>
      <div className="row">
        <label>
          {t('lagesbild.actions.where')}
          <select
            aria-label={t('lagesbild.actions.where')}
            value={form.areaCode}
            onChange={(e) => chooseArea(e.target.value)}
            required={!form.placeCode}
            aria-invalid={Boolean(errors.areaCode)}
          >
            <option value="">{t('lagesbild.actions.chooseArea')}</option>
            {picture.byArea.map((a) => (
              <option key={a.areaCode} value={a.areaCode}>
                {a.name}
              </option>
            ))}
          </select>
          {errors.areaCode ? <span className="field-error">{errors.areaCode}</span> : null}
        </label>
        <label>
          {t('lagesbild.actions.place')}
          <select
            aria-label={t('lagesbild.actions.place')}
            aria-describedby={ids.place}
            value={form.placeCode}
            onChange={(e) => choosePlace(e.target.value)}
            aria-invalid={Boolean(errors.placeCode)}
          >
            <option value="">{t('lagesbild.actions.noPlace')}</option>
            {form.areaCode
              ? placeChoices.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))
              : placeGroups.map((group) => (
                  <optgroup key={group.areaCode} label={group.name}>
                    {group.places.map((p) => (
                      <option key={p.code} value={p.code}>
                        {p.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
          <span id={ids.place} className="muted small">
            {t('lagesbild.actions.placeHint')}
          </span>
          {errors.placeCode ? <span className="field-error">{errors.placeCode}</span> : null}
        </label>
      </div>
      <label>
        {t('lagesbild.actions.description')}
        <textarea
          aria-label={t('lagesbild.actions.description')}
          aria-describedby={ids.description}
          rows={2}
          maxLength={4000}
          value={form.description}
          onChange={set('description')}
          aria-invalid={Boolean(errors.description)}
        />
        <span id={ids.description} className="muted small">
          {t('lagesbild.actions.descriptionHint')}
        </span>
        {errors.description ? <span className="field-error">{errors.description}</span> : null}
      </label>
      <div className="row">
        <label>
          {t('lagesbild.actions.organisation')}
          <select
            aria-label={t('lagesbild.actions.organisation')}
            value={form.organisationCode}
            onChange={set('organisationCode')}
            required
            aria-invalid={Boolean(errors.organisationCode)}
          >
            <option value="">{t('lagesbild.actions.chooseOrganisation')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('lagesbild.actions.person')}
          <input
            aria-label={t('lagesbild.actions.person')}
            value={form.responsiblePerson}
            onChange={set('responsiblePerson')}
            maxLength={200}
            aria-invalid={Boolean(errors.responsiblePerson)}
          />
          {errors.responsiblePerson ? <span className="field-error">{errors.responsiblePerson}</span> : null}
        </label>
        <label>
          {t('lagesbild.actions.due')}
          <input
            aria-label={t('lagesbild.actions.due')}
            type="date"
            value={form.dueOn}
            onChange={set('dueOn')}
            required
            aria-invalid={Boolean(errors.dueOn)}
          />
          {errors.dueOn ? <span className="field-error">{errors.dueOn}</span> : null}
        </label>
      </div>

      <fieldset className="action-reports-picker">
        <legend>{t('lagesbild.actions.reportsLegend')}</legend>
        <p id={ids.reports} className="small" aria-live="polite">
          {linked.length === 0
            ? t('lagesbild.actions.noLinked')
            : t('lagesbild.actions.linkedCount', { count: linked.length })}
        </p>
        {linked.length > 0 ? (
          <ul className="report-chips" aria-labelledby={ids.reports}>
            {linked.map((r) => (
              <li key={r.id} className="report-chip" title={`${r.categoryName}, ${shortDate(r.occurredAt)}`}>
                <span>#{r.number}</span>
                <button
                  type="button"
                  aria-label={t('lagesbild.actions.removeReport', { number: r.number })}
                  onClick={() => setLinked(linked.filter((x) => x.id !== r.id))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {prelinkMissing ? (
          <p role="alert" className="error">
            {t('lagesbild.actions.prelinkMissing')}
          </p>
        ) : null}
        {errors.reportIds ? <p className="field-error">{errors.reportIds}</p> : null}

        <h4>{t('lagesbild.actions.recurringHeading')}</h4>
        {picture.recurringPlaces.length === 0 ? (
          <p className="muted small">{t('lagesbild.actions.noRecurring')}</p>
        ) : (
          <ul className="recurring-picker">
            {recurring.map((place) => {
              const near = nearestPlace(place, allPlaces, NEAR_METRES);
              const all = place.reportIds.every((id) => linkedIds.has(id));
              return (
                <li key={place.reportIds[0] ?? `${place.lat},${place.lon}`}>
                  <span className="recurring-text">
                    {t('lagesbild.actions.recurringItem', {
                      area: areaName.get(place.areaCode) ?? place.areaCode,
                      count: place.count,
                      categories: place.categoryCodes.map((c) => categoryName.get(c) ?? c).join(', '),
                      from: shortDate(place.firstAt),
                      to: shortDate(place.lastAt),
                    })}
                    {near ? (
                      <span className="muted"> · {t('lagesbild.actions.near', { place: near.name })}</span>
                    ) : null}
                  </span>
                  {all ? (
                    <span className="linked-note">✓ {t('lagesbild.actions.placeLinked')}</span>
                  ) : (
                    <button
                      type="button"
                      className="small-button"
                      disabled={lookup.isPending}
                      onClick={() => linkPlace(place)}
                    >
                      {t('lagesbild.actions.linkPlace', { count: place.count })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {picture.recurringPlaces.length > RECURRING_SHOWN && !showAllPlaces ? (
          <button type="button" className="link" onClick={() => setShowAllPlaces(true)}>
            {t('lagesbild.actions.showAllRecurring', { count: picture.recurringPlaces.length })}
          </button>
        ) : null}

        <div className="link-by-number">
          <label htmlFor={ids.numbers}>{t('lagesbild.actions.byNumber')}</label>
          <div className="inline-field">
            <input
              id={ids.numbers}
              inputMode="numeric"
              value={numbers}
              onChange={(e) => setNumbers(e.target.value)}
              onKeyDown={onNumbersKey}
              aria-describedby={`${ids.numbers}-hint`}
              aria-invalid={notFound.length > 0}
            />
            <button
              type="button"
              onClick={linkNumbers}
              disabled={lookup.isPending || parseNumbers(numbers).length === 0}
            >
              {t('lagesbild.actions.linkNumbers')}
            </button>
          </div>
          <span id={`${ids.numbers}-hint`} className="muted small">
            {t('lagesbild.actions.byNumberHint')}
          </span>
          {notFound.length > 0 ? (
            <p role="alert" className="error">
              {t('lagesbild.actions.notFound', { numbers: notFound.join(', '), count: notFound.length })}
            </p>
          ) : null}
          <ActionError error={lookup.error} />
        </div>
      </fieldset>

      <button type="submit" className="primary" disabled={decide.isPending}>
        {t('lagesbild.actions.add')}
      </button>
      <ActionError error={decide.error} />
    </form>
  );
}
