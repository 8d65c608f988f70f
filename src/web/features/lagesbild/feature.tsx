import type { FeatureModule } from '../../app/feature-routes.tsx';
import { HistoryPage } from './HistoryPage.tsx';
import { LagesbildPage } from './LagesbildPage.tsx';
import { PrintPage } from './PrintPage.tsx';
import { VersionPage } from './VersionPage.tsx';
import './lagesbild.css';

export { ReportFeedback } from './ReportFeedback.tsx';

/**
 * The weekly picture. Everyone logged in reads it (figures follow their visibility); the
 * editing controls appear for coordinators only, and the API enforces the same.
 */
export const feature: FeatureModule = {
  routes: [
    { path: '/lagesbild', element: <LagesbildPage /> },
    { path: '/lagesbild/historik', element: <HistoryPage /> },
    { path: '/lagesbild/:week', element: <LagesbildPage /> },
    { path: '/lagesbild/:week/utskrift', element: <PrintPage /> },
    { path: '/lagesbild/:week/version/:version', element: <VersionPage /> },
  ],
  nav: [{ to: '/lagesbild', labelKey: 'lagesbild.nav', order: 35 }],
};
