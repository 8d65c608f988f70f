import type { FeatureModule } from '../../app/feature-routes.tsx';
import { AgreementPage } from './AgreementPage.tsx';
import { CommitmentPage } from './CommitmentPage.tsx';
import { EvaluationPage } from './EvaluationPage.tsx';
import { FollowUpsPage } from './FollowUpsPage.tsx';
import { ImportPage } from './ImportPage.tsx';
import { PromisesPage } from './PromisesPage.tsx';
import { QuickLogPage } from './QuickLogPage.tsx';
import './promises.css';

export const feature: FeatureModule = {
  routes: [
    { path: '/loften', element: <PromisesPage /> },
    { path: '/loften/overenskommelse', element: <AgreementPage /> },
    { path: '/loften/logga', element: <QuickLogPage /> },
    { path: '/loften/import', element: <ImportPage /> },
    { path: '/loften/uppfoljningar', element: <FollowUpsPage /> },
    { path: '/loften/utvardering', element: <EvaluationPage /> },
    { path: '/loften/:id', element: <CommitmentPage /> },
  ],
  nav: [
    { to: '/loften', labelKey: 'promises.nav.overview', order: 60 },
    // Patrol officers log from the phone: one tap from the menu. Läsare never log.
    { to: '/loften/logga', labelKey: 'promises.nav.log', roles: ['admin', 'samordnare', 'rapportor'], order: 61 },
  ],
};
