import { useTranslation } from 'react-i18next';
import { useNearRepeat } from './useAnalysis.ts';
import { WarningNote } from './WarningNote.tsx';

/**
 * A near-repeat warning for the weekly picture and other pages: "after a burglary in X, risk is
 * raised within 200 m for 7 days". It runs the Knox test over the last twelve months for the given
 * categories (all when none), ending at `until` (a past week's end; default now), and shows the sentence only when the test supports it; otherwise,
 * while loading, or when there are too few reports, it renders nothing, so a page never shows a
 * warning the data does not carry.
 */
export function NearRepeatWarning({ categoryCodes, until }: { categoryCodes?: string[]; until?: string }) {
  const { t, i18n } = useTranslation();
  // Only the nearest cell decides the verdict, so one band each way is enough and fastest.
  const result = useNearRepeat({
    ...(categoryCodes?.length ? { categoryCodes } : {}),
    ...(until ? { until } : {}),
    spaceBands: 1,
    timeBands: 1,
    iterations: 99,
  });
  const verdict = result.data?.verdict;
  if (!verdict) return null;
  return (
    <WarningNote title={t('analysis.warning.title')} testId="near-repeat-warning" className="near-repeat-warning">
      {i18n.language === 'en' ? verdict.en : verdict.sv}
    </WarningNote>
  );
}
