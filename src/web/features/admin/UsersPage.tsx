import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../contracts/auth.ts';
import { api } from '../../shared/api.ts';
import { fieldErrors } from '../../shared/errors.ts';
import { useOrganisations } from '../../shared/reference.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

const ROLES = ['rapportor', 'samordnare', 'lasare', 'admin'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<UserView[]>('/api/users') });
  const organisations = useOrganisations();
  const [form, setForm] = useState({
    name: '',
    email: '',
    password: '',
    organisationCode: '',
    role: 'rapportor' as (typeof ROLES)[number],
  });
  const create = useMutation({
    mutationFn: () => api.post<UserView>('/api/users', form),
    onSuccess: () => {
      setForm({ ...form, name: '', email: '', password: '' });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api.patch<UserView>(`/api/users/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const errors = fieldErrors(create.error);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
    'aria-invalid': Boolean(errors[key]),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <section>
      <h1>{t('admin.users')}</h1>
      <form className="card" onSubmit={submit} aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('admin.newUser')}</h2>
        <div className="grid2">
          <label>
            {t('admin.name')}
            <input required {...field('name')} />
          </label>
          <label>
            {t('admin.email')}
            <input type="email" required {...field('email')} />
            {errors.email ? <span className="field-error">{errors.email}</span> : null}
          </label>
          <label>
            {t('admin.password')}
            <input type="password" autoComplete="new-password" required minLength={12} {...field('password')} />
            {errors.password ? <span className="field-error">{errors.password}</span> : null}
          </label>
          <label>
            {t('admin.organisation')}
            <select required {...field('organisationCode')}>
              <option value="">–</option>
              {(organisations.data ?? [])
                .filter((o) => o.active)
                .map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('admin.role')}
            <select {...field('role')}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.create')}
        </button>
        {create.isSuccess ? (
          <p role="status" className="success">
            {t('admin.created', { email: create.data.email })}
          </p>
        ) : null}
        <ErrorAlert error={create.error} />
      </form>

      <ErrorAlert error={update.error} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.email')}</th>
            <th scope="col">{t('admin.organisation')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('reports.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('admin.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.organisationName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.active ? t('admin.active') : t('admin.inactive')}</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => update.mutate({ id: u.id, body: { active: !u.active } })}
                >
                  {u.active ? t('admin.deactivate') : t('admin.activate')}
                </button>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => update.mutate({ id: u.id, body: { unlock: true } })}
                >
                  {t('admin.unlock')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
