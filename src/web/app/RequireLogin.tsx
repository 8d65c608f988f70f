import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../contracts/common.ts';
import { useSession } from './session.tsx';

export function RequireLogin({ children }: { children: ReactNode }) {
  const { user, loading, loggedOut } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <p className="page">{t('common.loading')}</p>;
  if (!user)
    return <Navigate to="/login" replace state={loggedOut ? null : { from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A page only some roles may use; others see a clear message instead of a broken page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  const { t } = useTranslation();
  if (!user || !roles.includes(user.role)) {
    return (
      <p role="alert" className="error">
        {t('errors.FORBIDDEN')}
      </p>
    );
  }
  return <>{children}</>;
}
