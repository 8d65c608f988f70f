import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportView } from '../../../contracts/reports.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useFocusColours } from '../../shared/reference.ts';

export function StatusBadge({ status }: { status: ReportView['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`reports.statuses.${status}`)}</span>;
}

export function ReportTable({ items }: { items: ReportView[] }) {
  const { t } = useTranslation();
  const colours = useFocusColours();
  if (items.length === 0) return <p className="muted">{t('reports.empty')}</p>;
  return (
    <table className="data">
      <thead>
        <tr>
          <th scope="col">{t('reports.number')}</th>
          <th scope="col">{t('reports.occurred')}</th>
          <th scope="col">{t('reports.category')}</th>
          <th scope="col">{t('reports.area')}</th>
          <th scope="col">{t('reports.organisation')}</th>
          <th scope="col">{t('reports.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id}>
            <td>
              <Link to={`/rapporter/${r.id}`}>#{r.number}</Link>
            </td>
            <td>{formatDateTime(r.occurredAt)}</td>
            <td>
              <span className="dot" style={{ background: colours.get(r.focusAreaCode) }} aria-hidden="true" />{' '}
              {r.categoryName}
              {r.visibility === 'restricted' ? (
                <span className="badge restricted">{t('reports.restricted')}</span>
              ) : null}
            </td>
            <td>{r.placeName ? `${r.areaName} · ${r.placeName}` : r.areaName}</td>
            <td>{r.organisationName}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
