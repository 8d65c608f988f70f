import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraError, useSiteMutation, type CameraSiteView } from './useCameras.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

type Level = 'low' | 'medium' | 'high';
const LEVELS: Level[] = ['low', 'medium', 'high'];
const BALANCING = [
  'purpose',
  'problem',
  'alternatives',
  'whyAlternativesInsufficient',
  'intrusion',
  'mitigations',
] as const;
const DPIA_TEXT = ['dataCategories', 'dataSubjects', 'necessity'] as const;

function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts camera-facts">
      {items.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The site's legal basis: what is recorded, and the structured forms to record or replace it. */
export function LegalBasisPanel({ site }: { site: CameraSiteView }) {
  const { t } = useTranslation();
  const basis = site.legalBasis;
  const [editing, setEditing] = useState(false);
  const lvl = (l: string) => t(`cameras.legal.level.${l}`);
  return (
    <section aria-labelledby="legal-title" className="card">
      <h2 id="legal-title">{t('cameras.legal.title')}</h2>
      {!basis ? (
        <p>{t('cameras.noBasis')}</p>
      ) : (
        <>
          <Facts
            items={[
              [t('cameras.legal.kind'), t(`cameras.basisKind.${basis.kind}`)],
              [t('cameras.legal.decidedOn'), basis.decidedOn],
              [
                basis.kind === 'imy-permit' ? t('cameras.legal.validUntil') : t('cameras.legal.reviewOn'),
                basis.reviewOn ?? t('cameras.noEnd'),
              ],
              ...(basis.kind === 'imy-permit'
                ? ([
                    [t('cameras.legal.reference'), basis.reference],
                    [t('cameras.legal.conditions'), basis.conditions],
                  ] as [string, ReactNode][])
                : []),
            ]}
          />
          {basis.balancing ? (
            <details>
              <summary>{t('cameras.legal.balancing')}</summary>
              <Facts
                items={[
                  ...BALANCING.map((k): [string, ReactNode] => [t(`cameras.legal.${k}`), basis.balancing![k]]),
                  [
                    t('cameras.legal.conclusion'),
                    t(
                      basis.balancing.conclusion === 'monitoring-outweighs'
                        ? 'cameras.legal.conclusionFor'
                        : 'cameras.legal.conclusionAgainst',
                    ),
                  ],
                ]}
              />
            </details>
          ) : null}
          {basis.dpia ? (
            <details>
              <summary>{t('cameras.legal.dpia')}</summary>
              <Facts
                items={[
                  ...DPIA_TEXT.map((k): [string, ReactNode] => [t(`cameras.legal.${k}`), basis.dpia![k]]),
                  ...basis.dpia.risks.map((r, i): [string, ReactNode] => [
                    `${t('cameras.legal.risk')} ${i + 1}`,
                    `${r.description} (${lvl(r.likelihood)}/${lvl(r.severity)}): ${r.measures}`,
                  ]),
                  [t('cameras.legal.residualRisk'), lvl(basis.dpia.residualRisk)],
                  [t('cameras.legal.dpoOpinion'), basis.dpia.dpoConsulted ? basis.dpia.dpoOpinion : '–'],
                ]}
              />
            </details>
          ) : null}
        </>
      )}
      {site.can.manage && !editing ? (
        <button type="button" onClick={() => setEditing(true)}>
          {t('cameras.legal.edit')}
        </button>
      ) : null}
      {site.can.manage && editing ? <LegalBasisForm site={site} onDone={() => setEditing(false)} /> : null}
    </section>
  );
}

function LegalBasisForm({ site, onDone }: { site: CameraSiteView; onDone: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'self-assessment' | 'imy-permit'>(site.legalBasis?.kind ?? 'self-assessment');
  const [v, setV] = useState<Record<string, string>>({
    conclusion: 'monitoring-outweighs',
    residualRisk: 'low',
    likelihood: 'medium',
    severity: 'medium',
    dpoConsulted: 'yes',
  });
  const save = useSiteMutation<Record<string, unknown>>('put', () => `/api/camera-sites/${site.id}/legal-basis`);
  const text = (key: string, multiline = true, required = true) => (
    <label key={key}>
      {t(`cameras.legal.${key}`)}
      {multiline ? (
        <textarea
          rows={2}
          required={required}
          value={v[key] ?? ''}
          onChange={(e) => setV({ ...v, [key]: e.target.value })}
        />
      ) : (
        <input
          type="text"
          required={required}
          value={v[key] ?? ''}
          onChange={(e) => setV({ ...v, [key]: e.target.value })}
        />
      )}
    </label>
  );
  const date = (key: string, required = true) => (
    <label key={key}>
      {t(`cameras.legal.${key}`)}
      <input
        type="date"
        required={required}
        value={v[key] ?? ''}
        onChange={(e) => setV({ ...v, [key]: e.target.value })}
      />
    </label>
  );
  const level = (key: string, label: string) => (
    <label key={key}>
      {label}
      <select value={v[key]} onChange={(e) => setV({ ...v, [key]: e.target.value })}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`cameras.legal.level.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const body =
      kind === 'imy-permit'
        ? {
            kind,
            decidedOn: v.decidedOn,
            validUntil: v.validUntil || null,
            reference: v.reference,
            conditions: v.conditions ?? '',
          }
        : {
            kind,
            decidedOn: v.decidedOn,
            reviewOn: v.reviewOn,
            balancing: { ...Object.fromEntries(BALANCING.map((k) => [k, v[k] ?? ''])), conclusion: v.conclusion },
            dpia: {
              ...Object.fromEntries(DPIA_TEXT.map((k) => [k, v[k] ?? ''])),
              risks: [
                {
                  description: v.riskDescription ?? '',
                  likelihood: v.likelihood,
                  severity: v.severity,
                  measures: v.measures ?? '',
                },
              ],
              residualRisk: v.residualRisk,
              dpoConsulted: v.dpoConsulted === 'yes',
              dpoOpinion: v.dpoOpinion ?? '',
              imyConsultedOn: v.imyConsultedOn || null,
            },
          };
    save.mutate(body, { onSuccess: onDone });
  }

  return (
    <form className="camera-form" onSubmit={submit} aria-label={t('cameras.legal.title')}>
      <label>
        {t('cameras.legal.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="self-assessment">{t('cameras.basisKind.self-assessment')}</option>
          <option value="imy-permit">{t('cameras.basisKind.imy-permit')}</option>
        </select>
      </label>
      {date('decidedOn')}
      {kind === 'imy-permit' ? (
        <>
          {date('validUntil', false)}
          {text('reference', false)}
          {text('conditions', true, false)}
        </>
      ) : (
        <>
          {date('reviewOn')}
          <fieldset>
            <legend>{t('cameras.legal.balancing')}</legend>
            {BALANCING.map((k) => text(k))}
            <label>
              {t('cameras.legal.conclusion')}
              <select value={v.conclusion} onChange={(e) => setV({ ...v, conclusion: e.target.value })}>
                <option value="monitoring-outweighs">{t('cameras.legal.conclusionFor')}</option>
                <option value="privacy-outweighs">{t('cameras.legal.conclusionAgainst')}</option>
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('cameras.legal.dpia')}</legend>
            {DPIA_TEXT.map((k) => text(k))}
            <label>
              {t('cameras.legal.risk')}
              <input
                type="text"
                required
                value={v.riskDescription ?? ''}
                onChange={(e) => setV({ ...v, riskDescription: e.target.value })}
              />
            </label>
            {level('likelihood', t('cameras.legal.likelihood'))}
            {level('severity', t('cameras.legal.severity'))}
            {text('measures')}
            {level('residualRisk', t('cameras.legal.residualRisk'))}
            <label className="inline">
              <input
                type="checkbox"
                checked={v.dpoConsulted === 'yes'}
                onChange={(e) => setV({ ...v, dpoConsulted: e.target.checked ? 'yes' : 'no' })}
              />
              {t('cameras.legal.dpoConsulted')}
            </label>
            {text('dpoOpinion', true, false)}
            {date('imyConsultedOn', false)}
          </fieldset>
        </>
      )}
      <ErrorAlert error={save.error} message={cameraError} />
      <button type="submit" disabled={save.isPending}>
        {t('cameras.legal.save')}
      </button>
    </form>
  );
}
