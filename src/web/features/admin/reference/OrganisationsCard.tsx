import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api.ts';

import { useOrganisations } from '../../../shared/reference.ts';
import { useReferenceMutation } from './useReferenceMutation.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';

const KINDS = ['municipality', 'police', 'housing', 'property', 'fire-rescue', 'correctional', 'other'] as const;

export function OrganisationsCard() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const [form, setForm] = useState({ code: '', name: '', shortName: '', kind: 'other' as (typeof KINDS)[number] });
  const create = useReferenceMutation(['organisations'], () => api.post('/api/organisations', form));
  const toggle = useReferenceMutation(['organisations'], (o: { code: string; active: boolean }) =>
    api.patch(`/api/organisations/${o.code}`, { active: !o.active }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(undefined as never, {
      onSuccess: () => setForm({ code: '', name: '', shortName: '', kind: 'other' }),
    });
  }

  return (
    <section className="card" aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('admin.organisations')}</h2>
      <ul>
        {(organisations.data ?? []).map((o) => (
          <li key={o.code}>
            {o.name}{' '}
            <span className="muted small">
              ({o.code}, {t(`admin.kinds.${o.kind}`)})
            </span>{' '}
            {!o.active ? <span className="badge">{t('admin.inactive')}</span> : null}{' '}
            <button type="button" className="link small" onClick={() => toggle.mutate(o)}>
              {o.active ? t('admin.deactivate') : t('admin.activate')}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={t('admin.newOrganisation')}>
        <h3>{t('admin.newOrganisation')}</h3>
        <label>
          {t('admin.name')}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <div className="row">
          <label>
            {t('admin.shortName')}
            <input required value={form.shortName} onChange={(e) => setForm({ ...form, shortName: e.target.value })} />
          </label>
          <label>
            {t('admin.code')}
            <input
              required
              pattern="[a-z0-9][a-z0-9-]*"
              value={form.code}
              onChange={(e) => setForm({ ...form, code: e.target.value })}
            />
          </label>
        </div>
        <label>
          {t('admin.kind')}
          <select
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as (typeof KINDS)[number] })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('admin.create')}</button>
        <ErrorAlert error={create.error} />
        <ErrorAlert error={toggle.error} />
      </form>
    </section>
  );
}
