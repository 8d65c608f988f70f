import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api.ts';

import { useCategories, useFocusAreas } from '../../../shared/reference.ts';
import { useReferenceMutation } from './useReferenceMutation.ts';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';

/** The report taxonomy per focus area: add categories, retire old ones (they stay on old reports). */
export function CategoriesCard() {
  const { t } = useTranslation();
  const focusAreas = useFocusAreas();
  const categories = useCategories();
  const [form, setForm] = useState({ code: '', name: '', nameEn: '', focusAreaCode: '' });
  const create = useReferenceMutation(['categories'], () => api.post('/api/categories', { ...form, description: '' }));
  const toggle = useReferenceMutation(['categories'], (c: { code: string; active: boolean }) =>
    api.patch(`/api/categories/${c.code}`, { active: !c.active }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(undefined as never, {
      onSuccess: () => setForm({ code: '', name: '', nameEn: '', focusAreaCode: form.focusAreaCode }),
    });
  }

  return (
    <section className="card" aria-labelledby="categories-title">
      <h2 id="categories-title">
        {t('admin.focusAreas')} · {t('admin.categories')}
      </h2>
      <ul>
        {(focusAreas.data ?? []).map((f) => (
          <li key={f.code}>
            <span className="dot" style={{ background: f.color }} aria-hidden="true" /> <strong>{f.name}</strong>
            <ul className="small">
              {(categories.data ?? [])
                .filter((c) => c.focusAreaCode === f.code)
                .map((c) => (
                  <li key={c.code}>
                    <span className={c.active ? '' : 'muted'}>{c.name}</span>{' '}
                    <button type="button" className="link" onClick={() => toggle.mutate(c)}>
                      {c.active ? t('admin.retire') : t('admin.activate')}
                    </button>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={t('admin.newCategory')}>
        <h3>{t('admin.newCategory')}</h3>
        <label>
          {t('admin.name')}
          <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <div className="row">
          <label>
            {t('admin.nameEn')}
            <input required value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
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
          {t('admin.focusArea')}
          <select
            required
            value={form.focusAreaCode}
            onChange={(e) => setForm({ ...form, focusAreaCode: e.target.value })}
          >
            <option value="">–</option>
            {(focusAreas.data ?? []).map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
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
