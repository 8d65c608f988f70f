import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shiftWeek, weekOf } from '../../../contracts/iso-week.ts';
import { useAreas, useCategories, useOrganisations } from '../../shared/reference.ts';
import type { ReportFilterState } from './useReports.ts';
import { localName } from '../../shared/localised.ts';

const STATUSES = ['new', 'reviewed', 'closed', 'withdrawn'] as const;

/** Week, area, category, organisation and status filters; the list and the map share them. */
export function ReportFilters({
  value,
  onChange,
}: {
  value: ReportFilterState;
  onChange: (next: ReportFilterState) => void;
}) {
  const { t, i18n } = useTranslation();
  const areas = useAreas();
  const categories = useCategories();
  const organisations = useOrganisations();
  const weeks = useMemo(() => {
    const current = weekOf(new Date());
    return Array.from({ length: 53 }, (_, i) => shiftWeek(current, -i));
  }, []);
  const set = (key: keyof ReportFilterState) => (event: { target: { value: string } }) =>
    onChange({ ...value, [key]: event.target.value || undefined, offset: 0 });

  return (
    <fieldset className="filters">
      <legend>{t('reports.filters')}</legend>
      <label>
        {t('reports.week')}
        <select value={value.week ?? ''} onChange={set('week')}>
          <option value="">{t('reports.all')}</option>
          {weeks.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.area')}
        <select value={value.areaCode ?? ''} onChange={set('areaCode')}>
          <option value="">{t('reports.all')}</option>
          {(areas.data ?? []).map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.category')}
        <select value={value.categoryCode ?? ''} onChange={set('categoryCode')}>
          <option value="">{t('reports.all')}</option>
          {(categories.data ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {localName(i18n.language, c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.organisation')}
        <select value={value.organisationCode ?? ''} onChange={set('organisationCode')}>
          <option value="">{t('reports.all')}</option>
          {(organisations.data ?? []).map((o) => (
            <option key={o.code} value={o.code}>
              {o.shortName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reports.status')}
        <select value={value.status ?? ''} onChange={set('status')}>
          <option value="">{t('reports.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`reports.statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
