import { useTranslation } from 'react-i18next';
import type { LagesbildView } from '../../../contracts/lagesbild.ts';
import { ChangeArrow } from './ChangeArrow.tsx';

/** Area x category: the count in each cell with its change against the week before. Empty categories are left out. */
export function CategoryMatrix({ picture }: { picture: LagesbildView }) {
  const { t } = useTranslation();
  const cell = new Map(picture.cells.map((c) => [`${c.areaCode}|${c.categoryCode}`, c]));
  const categories = picture.byCategory.filter((c) => c.count + c.previousCount > 0);
  if (categories.length === 0) return <p className="muted">{t('lagesbild.noReports')}</p>;
  return (
    <div className="table-scroll">
      <table className="data matrix">
        <caption className="visually-hidden">{t('lagesbild.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lagesbild.category')}</th>
            {picture.byArea.map((a) => (
              <th scope="col" key={a.areaCode} className="num">
                {a.name}
              </th>
            ))}
            <th scope="col" className="num">
              {t('lagesbild.totalColumn')}
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.categoryCode}>
              <th scope="row">
                <span className="dot" style={{ background: c.color }} aria-hidden="true" /> {c.name}
              </th>
              {picture.byArea.map((a) => {
                const x = cell.get(`${a.areaCode}|${c.categoryCode}`);
                return (
                  <td key={a.areaCode} className="num">
                    {x && x.count + x.previousCount > 0 ? (
                      <>
                        <strong>{x.count}</strong> <ChangeArrow count={x.count} previous={x.previousCount} />
                      </>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                );
              })}
              <td className="num">
                <strong>{c.count}</strong>{' '}
                <ChangeArrow count={c.count} previous={c.previousCount} notable={c.change.notable} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
