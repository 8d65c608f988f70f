import type { FeatureModule } from '../../app/feature-routes.tsx';
import { AnalysisPage } from './AnalysisPage.tsx';
import { analysisEn } from './messages-en.ts';
import { analysisSv } from './messages-sv.ts';

/**
 * The analysis page. Every role may use it: the API counts only the reports the viewer may see,
 * so a reporter's or reader's analysis never reveals restricted reports, and the methods are as
 * useful to a housing company's safety lead as to the coordinator.
 */
export const feature: FeatureModule = {
  routes: [{ path: '/analys', element: <AnalysisPage /> }],
  nav: [{ to: '/analys', labelKey: 'analysis.nav', order: 40 }],
  messages: { sv: { analysis: analysisSv }, en: { analysis: analysisEn } },
};
