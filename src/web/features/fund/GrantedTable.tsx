import { useTranslation } from 'react-i18next';
import type { GrantedRow } from '../../../contracts/fund.ts';
import { formatOre } from '../../../contracts/fund-money.ts';

/** One breakdown of the granted money (per area, type or focus area) as an accessible table. */
export function GrantedTable({ caption, rows, testId }: { caption: string; rows: GrantedRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="fund-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fund.share')}</th>
          <th scope="col" className="num">
            {t('fund.count')}
          </th>
          <th scope="col" className="num">
            {t('fund.granted')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              {t('fund.noGrants')}
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.count}</td>
              <td className="num">{formatOre(r.grantedOre)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
