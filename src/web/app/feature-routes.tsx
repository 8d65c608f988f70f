import type { ReactElement } from 'react';
import type { Role } from '../../contracts/common.ts';

/**
 * Feature modules beyond the foundation (weekly picture, promises, cameras, fund) plug into
 * the shell by exporting `feature` from `src/web/features/<name>/feature.tsx`; they are found
 * at build time, so adding a feature edits no shared file.
 */
export interface FeatureRoute {
  path: string;
  element: ReactElement;
}
export interface FeatureNavItem {
  to: string;
  /** i18n key of the label, e.g. `lagesbild.nav`. */
  labelKey: string;
  /** Who sees the menu entry; everyone logged in when absent. */
  roles?: readonly Role[];
  /** Lower comes first; the foundation's own entries are 10 (new report) to 30 (my reports). */
  order?: number;
}
export interface FeatureModule {
  routes: FeatureRoute[];
  nav?: FeatureNavItem[];
  /**
   * Deprecated: a feature's texts belong in `messages.sv.ts` and `messages.en.ts` beside it (loaded
   * by shared/i18n.ts). Kept only until the analysis feature moves its texts there.
   */
  messages?: { sv: Record<string, unknown>; en: Record<string, unknown> };
}

const modules = import.meta.glob<{ feature: FeatureModule }>('../features/*/feature.tsx', { eager: true });
const features = Object.values(modules).map((m) => m.feature);

export const featureRoutes: FeatureRoute[] = features.flatMap((f) => f.routes);
export const featureNav: FeatureNavItem[] = features
  .flatMap((f) => f.nav ?? [])
  .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
export const featureMessages = features.flatMap((f) => (f.messages ? [f.messages] : []));
