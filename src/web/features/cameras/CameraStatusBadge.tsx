import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS } from './CameraMarkers.tsx';
import type { CameraSiteListItem } from './useCameras.ts';

export function CameraStatusBadge({ status }: { status: CameraSiteListItem['status'] }) {
  const { t } = useTranslation();
  return (
    <span className="camera-status" style={{ background: STATUS_COLOURS[status] }}>
      {t(`cameras.status.${status}`)}
    </span>
  );
}

/** The warnings of one or more sites, as a list that screen readers announce as such. */
export function WarningList({
  warnings,
}: {
  warnings: { kind: string; dueOn: string; daysLeft: number; siteName?: string; siteId?: string }[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="camera-warnings">
      {warnings.map((w) => (
        <li key={`${w.siteId ?? ''}${w.kind}${w.dueOn}`} className={w.daysLeft < 0 ? 'overdue' : ''}>
          {w.siteName ? <strong>{w.siteName}: </strong> : null}
          {t(`cameras.warning.${w.kind}`, { date: w.dueOn, days: Math.abs(w.daysLeft) })}
        </li>
      ))}
    </ul>
  );
}
