import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusAreas, useOrganisations, usePlaces } from '../../shared/reference.ts';
import { codeFrom } from './codes.ts';
import { Choices, Field, Select, TextArea, sameSet } from './FormFields.tsx';
import { PromiseError, promiseFieldErrors } from './promiseErrors.tsx';
import { useSaveCommitment, type AgreementView, type CommitmentView } from './usePromises.ts';

const KINDS = ['count', 'recurring', 'per-term', 'deliverable'] as const;
type Kind = (typeof KINDS)[number];
type PlaceSpan = { code: string; from?: string; to?: string };
const sortByCode = (list: PlaceSpan[]) => [...list].sort((a, b) => a.code.localeCompare(b.code));

/**
 * A plan activity or a citizen promise with a measurable target, new or changed, by a coordinator
 * of a party. Progress is never typed in here: it is computed from logged activities. On edit only
 * what changed is sent; a kept place keeps the dates it was added or ended on.
 */
export function CommitmentForm({
  agreement,
  commitment,
  onDone,
}: {
  agreement: AgreementView;
  commitment?: CommitmentView;
  onDone?: (saved: CommitmentView) => void;
}) {
  const { t } = useTranslation();
  const focusAreas = useFocusAreas();
  const organisations = useOrganisations();
  const places = usePlaces();
  const c = commitment;
  const [form, setForm] = useState({
    title: c?.title ?? '',
    description: c?.description ?? '',
    activityLabel: c?.activityLabel ?? '',
    planId: c?.planId ?? '',
    focusAreaCode: c?.focusAreaCode ?? '',
    kind: c?.target.kind ?? 'count',
    count: String(c?.target.count ?? 1),
    periodStart: c?.periodStart ?? agreement.periodStart,
    periodEnd: c?.periodEnd ?? agreement.periodEnd,
    isPromise: c?.isPromise ?? false,
  });
  const [code, setCode] = useState<string | null>(null);
  const [owners, setOwners] = useState<string[]>(c?.owners.map((o) => o.code) ?? []);
  const [placeCodes, setPlaceCodes] = useState<string[]>(c?.places.map((p) => p.code) ?? []);
  // A weekly target owes a place only between the dates it was added and ended (both optional).
  const [placeDates, setPlaceDates] = useState<Record<string, { from: string; to: string }>>(
    Object.fromEntries((c?.places ?? []).map((p) => [p.code, { from: p.from ?? '', to: p.to ?? '' }])),
  );
  const set =
    <K extends keyof typeof form>(key: K) =>
    (value: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const plan = agreement.plans.find((p) => p.id === form.planId);
  const chosenCode = code ?? codeFrom(form.title, form.periodStart.slice(0, 4));
  const focusAreaCode = plan && !c ? plan.focusAreaCode : form.focusAreaCode;

  const spans = (): PlaceSpan[] =>
    placeCodes.map((code) => {
      const dates = placeDates[code];
      return { code, ...(dates?.from ? { from: dates.from } : {}), ...(dates?.to ? { to: dates.to } : {}) };
    });
  const setPlaceDate = (code: string, key: 'from' | 'to', value: string) =>
    setPlaceDates((all) => ({
      ...all,
      [code]: { from: all[code]?.from ?? '', to: all[code]?.to ?? '', [key]: value },
    }));
  const placeName = (code: string) => places.data?.find((p) => p.code === code)?.name ?? code;
  const target = { kind: form.kind, count: form.kind === 'deliverable' ? 1 : Number(form.count) };
  const save = useSaveCommitment(c?.id);
  /** The new commitment, or only what changed in the one being edited. */
  const request = () => {
    const body = {
      planId: form.planId || null,
      focusAreaCode,
      isPromise: form.isPromise,
      title: form.title,
      description: form.description,
      activityLabel: form.activityLabel,
      target,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      ownerCodes: owners,
      places: spans(),
    };
    if (!c) {
      const { planId, ...rest } = body;
      return {
        ...rest,
        code: chosenCode,
        agreementId: agreement.id,
        ...(planId ? { planId } : {}),
      };
    }
    const changed = Object.fromEntries(
      Object.entries({
        planId: body.planId !== c.planId,
        focusAreaCode: body.focusAreaCode !== c.focusAreaCode,
        isPromise: body.isPromise !== c.isPromise,
        title: body.title !== c.title,
        description: body.description !== c.description,
        activityLabel: body.activityLabel !== c.activityLabel,
        target: body.target.kind !== c.target.kind || body.target.count !== c.target.count,
        periodStart: body.periodStart !== c.periodStart,
        periodEnd: body.periodEnd !== c.periodEnd,
        ownerCodes: !sameSet(
          owners,
          c.owners.map((o) => o.code),
        ),
        places:
          JSON.stringify(sortByCode(spans())) !==
          JSON.stringify(
            sortByCode(
              c.places.map((p) => ({
                code: p.code,
                ...(p.from ? { from: p.from } : {}),
                ...(p.to ? { to: p.to } : {}),
              })),
            ),
          ),
      })
        .filter(([, differs]) => differs)
        .map(([key]) => [key, body[key as keyof typeof body]]),
    );
    return changed;
  };
  const errors = promiseFieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(request(), { onSuccess: (saved) => onDone?.(saved) });
  };
  const name = c ? t('promises.create.editTitle', { title: c.title }) : t('promises.create.title');

  return (
    <form className="card planning-form" onSubmit={submit} aria-label={name} noValidate>
      <h3 className="tight">{name}</h3>
      <fieldset className="plain" disabled={save.isPending}>
        <div className="grid2">
          <Field
            label={t('promises.create.titleField')}
            value={form.title}
            onChange={set('title')}
            error={errors.title}
            required
          />
          {c ? null : (
            <Field
              label={t('promises.create.code')}
              value={chosenCode}
              onChange={setCode}
              error={errors.code}
              hint={t('promises.codeHint')}
            />
          )}
          <Field
            label={t('promises.create.activityLabel')}
            value={form.activityLabel}
            onChange={set('activityLabel')}
            error={errors.activityLabel}
            placeholder={t('promises.create.activityExample')}
            required
          />
          <Select label={t('promises.create.plan')} value={form.planId} onChange={set('planId')} error={errors.planId}>
            <option value="">{t('promises.create.noPlan')}</option>
            {agreement.plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Select>
          {!plan || c ? (
            <Select
              label={t('promises.planForm.focusArea')}
              value={form.focusAreaCode}
              onChange={set('focusAreaCode')}
              error={errors.focusAreaCode}
            >
              <option value="">–</option>
              {(focusAreas.data ?? []).map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name}
                </option>
              ))}
            </Select>
          ) : null}
          <Select label={t('promises.create.kind')} value={form.kind} onChange={(v) => set('kind')(v as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`promises.create.kinds.${k}`)}
              </option>
            ))}
          </Select>
          {form.kind !== 'deliverable' ? (
            <Field
              label={t('promises.create.count')}
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              value={form.count}
              onChange={set('count')}
              error={errors.target}
            />
          ) : null}
          <Field
            label={t('promises.create.start')}
            type="date"
            value={form.periodStart}
            onChange={set('periodStart')}
            error={errors.periodStart}
            required
          />
          <Field
            label={t('promises.create.end')}
            type="date"
            value={form.periodEnd}
            onChange={set('periodEnd')}
            error={errors.periodEnd}
            required
          />
        </div>
        <TextArea
          label={t('promises.create.description')}
          value={form.description}
          onChange={set('description')}
          error={errors.description}
          hint={t('promises.create.descriptionHint')}
        />
        <Choices
          legend={t('promises.owners')}
          options={(organisations.data ?? []).map((o) => ({ code: o.code, name: o.name }))}
          chosen={owners}
          onChange={setOwners}
          error={errors.ownerCodes}
        />
        <Choices
          legend={t('promises.create.places')}
          options={(places.data ?? []).map((p) => ({ code: p.code, name: p.name }))}
          chosen={placeCodes}
          onChange={setPlaceCodes}
          error={errors.places}
        />
        {form.kind === 'recurring' && placeCodes.length ? (
          <fieldset>
            <legend>{t('promises.create.placeDates')}</legend>
            <p className="small muted tight">{t('promises.create.placeDatesHint')}</p>
            {placeCodes.map((code) => (
              <div key={code} className="place-dates">
                <span className="place-name" aria-hidden="true">
                  {placeName(code)}
                </span>
                {(['from', 'to'] as const).map((key) => (
                  <Field
                    key={key}
                    // Seen: "Från" beside the place's name; heard: "Från (Flemingsberg C)".
                    label={
                      <>
                        {t(key === 'from' ? 'promises.create.start' : 'promises.create.end')}
                        <span className="visually-hidden"> ({placeName(code)})</span>
                      </>
                    }
                    type="date"
                    value={placeDates[code]?.[key] ?? ''}
                    onChange={(v) => setPlaceDate(code, key, v)}
                  />
                ))}
              </div>
            ))}
          </fieldset>
        ) : null}
        <label className="choice">
          <input type="checkbox" checked={form.isPromise} onChange={(e) => set('isPromise')(e.target.checked)} />
          {t('promises.create.isPromise')}
        </label>
        <button type="submit" className="primary">
          {save.isPending ? t('promises.saving') : t(c ? 'promises.create.saveChanges' : 'promises.create.submit')}
        </button>
      </fieldset>
      <PromiseError error={save.error} />
    </form>
  );
}
