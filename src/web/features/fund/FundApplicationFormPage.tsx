import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ApplicationDraft, ApplicationView } from '../../../contracts/fund.ts';
import { formatOre, oreToDecimalString, parseKronor } from '../../../contracts/fund-money.ts';
import { useAreas, useFocusAreas, usePlaces } from '../../shared/reference.ts';
import { fundErrorMessage, saveDraft, useApplication, useApplicationAction, useFundMe } from './useFund.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

interface FormState {
  title: string;
  purpose: string;
  preventionType: 'social' | 'situational';
  focusAreaCodes: string[];
  areaCodes: string[];
  placeCodes: string[];
  periodStart: string;
  periodEnd: string;
  costs: { label: string; kronor: string }[];
  expectedEffect: string;
  indicators: string;
  links: string;
}

const toKronorText = (ore: number) => oreToDecimalString(ore).replace('.', ',').replace(/,00$/, '');

function fromView(a: ApplicationView): FormState {
  return {
    title: a.title,
    purpose: a.purpose,
    preventionType: a.preventionType,
    focusAreaCodes: a.focusAreaCodes,
    areaCodes: a.areaCodes,
    placeCodes: a.placeCodes,
    periodStart: a.periodStart ?? '',
    periodEnd: a.periodEnd ?? '',
    costs: a.costItems.map((c) => ({ label: c.label, kronor: toKronorText(c.amountOre) })),
    expectedEffect: a.expectedEffect,
    indicators: a.indicators.join('\n'),
    links: a.links.map((l) => l.ref).join('\n'),
  };
}

const EMPTY: FormState = {
  title: '',
  purpose: '',
  preventionType: 'social',
  focusAreaCodes: [],
  areaCodes: [],
  placeCodes: [],
  periodStart: '',
  periodEnd: '',
  costs: [{ label: '', kronor: '' }],
  expectedEffect: '',
  indicators: '',
  links: '',
};
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const toggle = (list: string[], code: string) =>
  list.includes(code) ? list.filter((c) => c !== code) : [...list, code];

/** Create or edit a draft application. Amounts are typed in kronor and sent as öre. */
export function FundApplicationFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useFundMe();
  const existing = useApplication(id);
  const focusAreas = useFocusAreas();
  const areas = useAreas();
  const places = usePlaces();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (existing.data) setForm(fromView(existing.data));
  }, [existing.data]);
  const save = useApplicationAction((body: ApplicationDraft) => saveDraft(id, body));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const amounts = form.costs.map((c) => parseKronor(c.kronor));
  const total = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const costItems = form.costs.filter((c) => c.label.trim() || c.kronor.trim());
    const parsed = costItems.map((c) => ({ label: c.label.trim(), amountOre: parseKronor(c.kronor) }));
    if (parsed.some((c) => c.amountOre === null)) return setProblem(t('fund.form.invalidAmount'));
    const links = lines(form.links).map((ref) =>
      /^\d{4}-W\d{2}$/.test(ref) ? { kind: 'picture-week' as const, ref } : { kind: 'report' as const, ref },
    );
    save.mutate(
      {
        year: Number((form.periodStart || `${me.data?.currentYear ?? new Date().getFullYear()}`).slice(0, 4)),
        title: form.title,
        purpose: form.purpose,
        preventionType: form.preventionType,
        focusAreaCodes: form.focusAreaCodes,
        areaCodes: form.areaCodes,
        placeCodes: form.placeCodes,
        periodStart: form.periodStart || null,
        periodEnd: form.periodEnd || null,
        costItems: parsed.map((c) => ({ label: c.label, amountOre: c.amountOre! })),
        expectedEffect: form.expectedEffect,
        indicators: lines(form.indicators),
        links,
      },
      { onSuccess: (view) => navigate(`/fond/ansokningar/${view.id}`) },
    );
  }

  return (
    <section className="fund fund-form report-form">
      <h1>{id ? t('fund.form.titleEdit') : t('fund.form.titleNew')}</h1>
      <form onSubmit={onSubmit}>
        <label>
          {t('fund.form.title')}
          <input value={form.title} onChange={(e) => set('title', e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('fund.form.purpose')}
          <textarea value={form.purpose} onChange={(e) => set('purpose', e.target.value)} rows={3} />
        </label>
        <fieldset>
          <legend>{t('fund.form.preventionType')}</legend>
          <div className="choices">
            {(['social', 'situational'] as const).map((type) => (
              <label key={type} className="choice">
                <input
                  type="radio"
                  name="preventionType"
                  checked={form.preventionType === type}
                  onChange={() => set('preventionType', type)}
                />
                {t(`fund.preventionType.${type}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('fund.form.focusAreas')}</legend>
          <div className="choices">
            {(focusAreas.data ?? []).map((f) => (
              <label key={f.code} className="choice">
                <input
                  type="checkbox"
                  checked={form.focusAreaCodes.includes(f.code)}
                  onChange={() => set('focusAreaCodes', toggle(form.focusAreaCodes, f.code))}
                />
                {f.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('fund.form.areas')}</legend>
          <div className="choices">
            {(areas.data ?? []).map((a) => (
              <label key={a.code} className="choice">
                <input
                  type="checkbox"
                  checked={form.areaCodes.includes(a.code)}
                  onChange={() => set('areaCodes', toggle(form.areaCodes, a.code))}
                />
                {a.name}
              </label>
            ))}
          </div>
        </fieldset>
        {form.areaCodes.length > 0 ? (
          <fieldset>
            <legend>{t('fund.form.places')}</legend>
            <div className="choices">
              {/* Only the places in the chosen districts, so the list stays short. */}
              {(places.data ?? [])
                .filter((p) => p.areaCode !== null && form.areaCodes.includes(p.areaCode))
                .map((p) => (
                  <label key={p.code} className="choice">
                    <input
                      type="checkbox"
                      checked={form.placeCodes.includes(p.code)}
                      onChange={() => set('placeCodes', toggle(form.placeCodes, p.code))}
                    />
                    {p.name}
                  </label>
                ))}
            </div>
          </fieldset>
        ) : null}
        <div className="row">
          <label>
            {t('fund.form.periodStart')}
            <input type="date" value={form.periodStart} onChange={(e) => set('periodStart', e.target.value)} />
          </label>
          <label>
            {t('fund.form.periodEnd')}
            <input type="date" value={form.periodEnd} onChange={(e) => set('periodEnd', e.target.value)} />
          </label>
        </div>
        <fieldset>
          <legend>{t('fund.form.costs')}</legend>
          {form.costs.map((c, i) => (
            <div className="fund-cost-row" key={i}>
              <label>
                {t('fund.form.costLabel')} {i + 1}
                <input
                  value={c.label}
                  onChange={(e) =>
                    set(
                      'costs',
                      form.costs.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                    )
                  }
                />
              </label>
              <label>
                {t('fund.form.costAmount')} {i + 1}
                <input
                  inputMode="decimal"
                  value={c.kronor}
                  aria-invalid={c.kronor !== '' && amounts[i] === null}
                  onChange={(e) =>
                    set(
                      'costs',
                      form.costs.map((x, j) => (j === i ? { ...x, kronor: e.target.value } : x)),
                    )
                  }
                />
              </label>
              <button
                type="button"
                onClick={() =>
                  set(
                    'costs',
                    form.costs.filter((_, j) => j !== i),
                  )
                }
              >
                {t('fund.form.removeCost')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set('costs', [...form.costs, { label: '', kronor: '' }])}>
            {t('fund.form.addCost')}
          </button>
          <p data-testid="fund-requested-total">
            {t('fund.form.requested')}: <strong>{formatOre(total)}</strong>
          </p>
        </fieldset>
        <label>
          {t('fund.form.expectedEffect')}
          <textarea value={form.expectedEffect} onChange={(e) => set('expectedEffect', e.target.value)} rows={3} />
        </label>
        <label>
          {t('fund.form.indicators')}
          <textarea value={form.indicators} onChange={(e) => set('indicators', e.target.value)} rows={3} />
        </label>
        <label>
          {t('fund.form.links')}
          <textarea value={form.links} onChange={(e) => set('links', e.target.value)} rows={2} />
        </label>
        {problem ? (
          <p role="alert" className="error">
            {problem}
          </p>
        ) : null}
        <ErrorAlert error={save.error} message={fundErrorMessage} />
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('fund.form.save')}
        </button>
      </form>
    </section>
  );
}
