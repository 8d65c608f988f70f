import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../shared/api.ts';

import { formatDateTime } from '../../shared/format.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

interface AuditEntry {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  organisationName: string | null;
  summary: unknown;
}

export function AuditPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const log = useQuery({
    queryKey: ['audit', action, offset],
    queryFn: () =>
      api.get<{ items: AuditEntry[]; total: number }>(`/api/audit${query({ action, offset, limit: 100 })}`),
  });
  return (
    <section>
      <h1>{t('admin.audit')}</h1>
      <label className="inline">
        {t('admin.action')}
        <input
          value={action}
          placeholder="report."
          onChange={(e) => {
            setAction(e.target.value);
            setOffset(0);
          }}
        />
      </label>
      <ErrorAlert error={log.error} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('admin.when')}</th>
            <th scope="col">{t('admin.who')}</th>
            <th scope="col">{t('admin.action')}</th>
            <th scope="col">{t('admin.object')}</th>
            <th scope="col">{t('admin.summary')}</th>
          </tr>
        </thead>
        <tbody>
          {(log.data?.items ?? []).map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actorName ? `${e.actorName} (${e.organisationName})` : 'system'}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.entityType}
                {e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}
              </td>
              <td>
                <code className="summary">{JSON.stringify(e.summary)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 100))}>
          {t('reports.prev')}
        </button>
        <button
          type="button"
          disabled={!log.data || offset + 100 >= log.data.total}
          onClick={() => setOffset(offset + 100)}
        >
          {t('reports.next')}
        </button>
      </div>
    </section>
  );
}
