import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The admin's starting point; keeps the main menu short. */
export function AdminPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('nav.admin')}</h1>
      <ul className="admin-links">
        <li className="card">
          <Link to="/admin/anvandare">{t('nav.users')}</Link>
          <p className="muted small">{t('admin.usersHint')}</p>
        </li>
        <li className="card">
          <Link to="/admin/referensdata">{t('nav.reference')}</Link>
          <p className="muted small">{t('admin.referenceHint')}</p>
        </li>
        <li className="card">
          <Link to="/admin/logg">{t('nav.audit')}</Link>
          <p className="muted small">{t('admin.auditHint')}</p>
        </li>
      </ul>
    </section>
  );
}
