import type { FeatureModule } from '../../app/feature-routes.tsx';
import { FundApplicationFormPage } from './FundApplicationFormPage.tsx';
import { FundApplicationPage } from './FundApplicationPage.tsx';
import { FundApplicationsPage } from './FundApplicationsPage.tsx';
import { FundOverviewPage } from './FundOverviewPage.tsx';
import { en, sv } from './messages.ts';
import './fund.css';

export const feature: FeatureModule = {
  routes: [
    { path: '/fond', element: <FundOverviewPage /> },
    { path: '/fond/ansokningar', element: <FundApplicationsPage /> },
    { path: '/fond/ansokningar/ny', element: <FundApplicationFormPage /> },
    { path: '/fond/ansokningar/:id', element: <FundApplicationPage /> },
    { path: '/fond/ansokningar/:id/redigera', element: <FundApplicationFormPage /> },
  ],
  nav: [
    { to: '/fond', labelKey: 'fund.nav', order: 70 },
    // Läsare neither apply nor review; they still see the overview and their organisation's applications by link.
    { to: '/fond/ansokningar', labelKey: 'fund.navApplications', roles: ['admin', 'samordnare', 'rapportor'], order: 71 },
  ],
  messages: { sv, en },
};
