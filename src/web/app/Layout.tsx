import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { setLanguage } from '../shared/i18n.ts';
import { useMunicipality } from '../shared/reference.ts';
import { featureNav } from './feature-routes.tsx';
import { useSession, useUser } from './session.tsx';

export function Layout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const municipality = useMunicipality();
  const isAdmin = user.role === 'admin';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      {municipality.data?.demo ? (
        <div className="demo-banner" role="note">
          {t('app.demoBanner')}
        </div>
      ) : null}
      <header className="topbar">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <span className="muted">{municipality.data?.shortName}</span>
        </div>
        <nav aria-label="Huvudmeny" className="mainnav">
          {user.role !== 'lasare' ? <NavLink to="/rapporter/ny">{t('nav.newReport')}</NavLink> : null}
          <NavLink to="/rapporter" end>
            {t('nav.reports')}
          </NavLink>
          {user.role !== 'lasare' ? <NavLink to="/rapporter/mina">{t('nav.myReports')}</NavLink> : null}
          {featureNav
            .filter((item) => !item.roles || item.roles.includes(user.role))
            .map((item) => (
              <NavLink key={item.to} to={item.to}>
                {t(item.labelKey)}
              </NavLink>
            ))}
          {isAdmin ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
        </nav>
        <div className="userbox">
          <span className="small">
            {user.name} · {t(`roles.${user.role}`)} · {user.organisationName}
          </span>
          <button type="button" className="link" onClick={() => setLanguage(i18n.language === 'sv' ? 'en' : 'sv')}>
            {t('nav.language')}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => void logout().then(() => navigate('/login', { replace: true, state: null }))}
          >
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
