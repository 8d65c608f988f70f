import type { FeatureModule } from '../../app/feature-routes.tsx';
import { RequireRole } from '../../app/RequireLogin.tsx';
import { CameraRegisterPage } from './CameraRegisterPage.tsx';
import { CameraSitePage } from './CameraSitePage.tsx';
import { NewCameraSitePage } from './NewCameraSitePage.tsx';
import { SitingPage } from './SitingPage.tsx';
import './cameras.css';

export { CameraMarkers } from './CameraMarkers.tsx';

export const feature: FeatureModule = {
  routes: [
    { path: '/kameror', element: <CameraRegisterPage /> },
    { path: '/kameror/placering', element: <SitingPage /> },
    {
      path: '/kameror/ny',
      element: (
        <RequireRole roles={['admin', 'samordnare']}>
          <NewCameraSitePage />
        </RequireRole>
      ),
    },
    { path: '/kameror/:id', element: <CameraSitePage /> },
  ],
  nav: [{ to: '/kameror', labelKey: 'cameras.nav', order: 60 }],
};
