import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';
import { errorMessage, fieldErrors } from '../../shared/errors.ts';
import { useFocusAreas, useOrganisations, usePlaces } from '../../shared/reference.ts';
import { usePromiseMutation, type AgreementView, type CommitmentView } from './usePromises.ts';

const KINDS = ['count', 'recurring', 'per-term', 'deliverable'] as const;

/** A coordinator of a party adds a plan activity or a citizen promise with a measurable target. */
export function CommitmentForm({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const focusAreas = useFocusAreas();
  const organisations = useOrganisations();
  const places = usePlaces();
  const [form, setForm] = useState({ code: '', title: '', description: '', activityLabel: '', planId: '', focusAreaCode: '', kind: 'count' as (typeof KINDS)[number], count: '1', periodStart: agreement.periodStart, periodEnd: agreement.periodEnd, isPromise: false });
  const [owners, setOwners] = useState<string[]>([]);
  const [placeCodes, setPlaceCodes] = useState<string[]>([]);
  const set = (key: keyof typeof form) => (value: string | boolean) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (list: string[], setList: (l: string[]) => void, code: string) => setList(list.includes(code) ? list.filter((c) => c !== code) : [...list, code]);
  const plan = agreement.plans.find((p) => p.id === form.planId);
  const create = usePromiseMutation(() =>
    api.post<CommitmentView>('/api/commitments', {
      code: form.code,
      agreementId: agreement.id,
      ...(form.planId ? { planId: form.planId } : {}),
      focusAreaCode: plan?.focusAreaCode ?? form.focusAreaCode,
      isPromise: form.isPromise,
      title: form.title,
      description: form.description,
      activityLabel: form.activityLabel,
      target: { kind: form.kind, count: form.kind === 'deliverable' ? 1 : Number(form.count) },
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      ownerCodes: owners,
      places: placeCodes.map((code) => ({ code })),
    }),
  );
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined);
  };
  return (
    <details className="card">
      <summary>{t('promises.create.title')}</summary>
      <form onSubmit={submit}>
        <div className="grid2">
          <label>{t('promises.create.titleField')}<input value={form.title} onChange={(e) => set('title')(e.target.value)} aria-invalid={Boolean(errors.title)} /></label>
          <label>{t('promises.create.code')}<input value={form.code} onChange={(e) => set('code')(e.target.value)} aria-invalid={Boolean(errors.code)} placeholder="2026-fotpatrull" /></label>
          <label>{t('promises.create.activityLabel')}<input value={form.activityLabel} onChange={(e) => set('activityLabel')(e.target.value)} placeholder="fotpatrull" /></label>
          <label>
            {t('promises.create.plan')}
            <select value={form.planId} onChange={(e) => set('planId')(e.target.value)}>
              <option value="">–</option>
              {agreement.plans.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
            </select>
          </label>
          {!plan ? (
            <label>
              {t('promises.agreement.focusAreas')}
              <select value={form.focusAreaCode} onChange={(e) => set('focusAreaCode')(e.target.value)} aria-invalid={Boolean(errors.focusAreaCode)}>
                <option value="">–</option>
                {(focusAreas.data ?? []).map((f) => <option key={f.code} value={f.code}>{f.name}</option>)}
              </select>
            </label>
          ) : null}
          <label>
            {t('promises.create.kind')}
            <select value={form.kind} onChange={(e) => set('kind')(e.target.value)}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`promises.create.kinds.${k}`)}</option>)}
            </select>
          </label>
          {form.kind !== 'deliverable' ? <label>{t('promises.create.count')}<input type="number" min={1} value={form.count} onChange={(e) => set('count')(e.target.value)} /></label> : null}
          <label>{t('promises.create.start')}<input type="date" value={form.periodStart} onChange={(e) => set('periodStart')(e.target.value)} /></label>
          <label>{t('promises.create.end')}<input type="date" value={form.periodEnd} onChange={(e) => set('periodEnd')(e.target.value)} aria-invalid={Boolean(errors.periodEnd)} /></label>
        </div>
        <label>{t('promises.create.description')}<textarea rows={2} value={form.description} onChange={(e) => set('description')(e.target.value)} /></label>
        <fieldset>
          <legend>{t('promises.owners')}</legend>
          <div className="choices">
            {(organisations.data ?? []).map((o) => (
              <label key={o.code} className="choice"><input type="checkbox" checked={owners.includes(o.code)} onChange={() => toggle(owners, setOwners, o.code)} />{o.name}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('promises.create.places')}</legend>
          <div className="choices">
            {(places.data ?? []).map((p) => (
              <label key={p.code} className="choice"><input type="checkbox" checked={placeCodes.includes(p.code)} onChange={() => toggle(placeCodes, setPlaceCodes, p.code)} />{p.name}</label>
            ))}
          </div>
          {errors.places ? <p className="field-error">{errors.places}</p> : null}
        </fieldset>
        <label className="choice"><input type="checkbox" checked={form.isPromise} onChange={(e) => set('isPromise')(e.target.checked)} />{t('promises.create.isPromise')}</label>
        <button type="submit" className="primary" disabled={create.isPending}>{t('promises.create.submit')}</button>
        {create.isError ? <p role="alert" className="error">{errorMessage(create.error)}{Object.keys(errors).length ? `: ${Object.entries(errors).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}</p> : null}
        {create.isSuccess ? <p role="status" className="success">{t('promises.create.done', { title: create.data.title })}</p> : null}
      </form>
    </details>
  );
}
