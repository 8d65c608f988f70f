import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusAreas } from '../../shared/reference.ts';
import { Field, Select } from './FormFields.tsx';
import { PromiseError, promiseFieldErrors } from './promiseErrors.tsx';
import { useSavePlan, type AgreementView, type PlanView } from './usePromises.ts';

/** An activity plan under an agreement: a focus area and a period inside the agreement's. New, or changed. */
export function PlanForm({
  agreement,
  plan,
  onDone,
}: {
  agreement: AgreementView;
  plan?: PlanView;
  onDone: (saved: PlanView) => void;
}) {
  const { t } = useTranslation();
  const focusAreas = useFocusAreas();
  const [title, setTitle] = useState(plan?.title ?? '');
  const [focusAreaCode, setFocusAreaCode] = useState(plan?.focusAreaCode ?? agreement.focusAreas[0]?.code ?? '');
  const [periodStart, setPeriodStart] = useState(plan?.periodStart ?? agreement.periodStart);
  const [periodEnd, setPeriodEnd] = useState(plan?.periodEnd ?? agreement.periodEnd);
  const save = useSavePlan(agreement.id, plan?.id);
  const body = () =>
    plan
      ? {
          ...(title !== plan.title ? { title } : {}),
          ...(focusAreaCode !== plan.focusAreaCode ? { focusAreaCode } : {}),
          ...(periodStart !== plan.periodStart ? { periodStart } : {}),
          ...(periodEnd !== plan.periodEnd ? { periodEnd } : {}),
        }
      : { title, focusAreaCode, periodStart, periodEnd };
  const errors = promiseFieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(body(), { onSuccess: onDone });
  };
  // The agreement's own focus areas first: a plan is usually for one of them.
  const own = new Set(agreement.focusAreas.map((f) => f.code));
  const options = [...(focusAreas.data ?? [])].sort((a, b) => Number(own.has(b.code)) - Number(own.has(a.code)));
  const name = plan ? t('promises.planForm.editTitle', { title: plan.title }) : t('promises.planForm.newTitle');
  return (
    <form className="card planning-form" onSubmit={submit} aria-label={name} noValidate>
      <h4 className="tight">{name}</h4>
      <fieldset className="plain" disabled={save.isPending}>
        <div className="grid2">
          <Field label={t('promises.planForm.title')} value={title} onChange={setTitle} error={errors.title} required />
          <Select
            label={t('promises.planForm.focusArea')}
            value={focusAreaCode}
            onChange={setFocusAreaCode}
            error={errors.focusAreaCode}
          >
            <option value="">–</option>
            {options.map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </Select>
          <Field
            label={t('promises.create.start')}
            type="date"
            value={periodStart}
            onChange={setPeriodStart}
            error={errors.periodStart}
            required
          />
          <Field
            label={t('promises.create.end')}
            type="date"
            value={periodEnd}
            onChange={setPeriodEnd}
            error={errors.periodEnd}
            required
          />
        </div>
        <button type="submit" className="primary">
          {save.isPending ? t('promises.saving') : t('promises.planForm.submit')}
        </button>
      </fieldset>
      <PromiseError error={save.error} />
    </form>
  );
}
