import { Navigate } from 'react-router';
import type { FeatureModule } from '../../app/feature-routes.tsx';
import { FundApplicationFormPage } from './FundApplicationFormPage.tsx';
import { FundApplicationPage } from './FundApplicationPage.tsx';
import { FundApplicationsPage } from './FundApplicationsPage.tsx';
import { FundOverviewPage } from './FundOverviewPage.tsx';
import './fund.css';

export const feature: FeatureModule = {
  routes: [
    // The overview lives under its own path so the menu marks it apart from the applications.
    { path: '/fond/budget', element: <FundOverviewPage /> },
    { path: '/fond', element: <Navigate to="/fond/budget" replace /> },
    { path: '/fond/ansokningar', element: <FundApplicationsPage /> },
    { path: '/fond/ansokningar/ny', element: <FundApplicationFormPage /> },
    { path: '/fond/ansokningar/:id', element: <FundApplicationPage /> },
    { path: '/fond/ansokningar/:id/redigera', element: <FundApplicationFormPage /> },
  ],
  nav: [
    { to: '/fond/budget', labelKey: 'fund.nav', order: 70 },
    // Läsare neither apply nor review; they still see the overview and their organisation's applications by link.
    {
      to: '/fond/ansokningar',
      labelKey: 'fund.navApplications',
      roles: ['admin', 'samordnare', 'rapportor'],
      order: 71,
    },
  ],
};
