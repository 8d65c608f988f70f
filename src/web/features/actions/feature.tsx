import type { FeatureModule } from '../../app/feature-routes.tsx';
import { ActionsPage } from './ActionsPage.tsx';
import './actions.css';

/**
 * Actions (åtgärder) decided in the weekly meetings, followed up between them. They are decided
 * in the meeting view (lagesbild); this feature lists them and edits status, responsibility and
 * outcome, as far as the API lets the user.
 */
export const feature: FeatureModule = {
  routes: [{ path: '/atgarder', element: <ActionsPage /> }],
  nav: [{ to: '/atgarder', labelKey: 'actions.nav', order: 36 }],
};
