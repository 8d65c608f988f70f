import type { ReactElement } from 'react';
import type { Role } from '../../contracts/common.ts';

/**
 * Routes and navigation entries of the feature modules beyond the foundation (weekly picture,
 * promises, cameras, fund). Each feature adds its entries here; the shell renders them.
 */
export interface FeatureRoute {
  path: string;
  element: ReactElement;
}
export interface FeatureNavItem {
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  roles?: readonly Role[];
}

export const featureRoutes: FeatureRoute[] = [
  // feature routes: add one line per page above this comment
];

export const featureNav: FeatureNavItem[] = [
  // feature navigation: add one line per entry above this comment
];
