/**
 * The app's screens, one folder each under src/views/. The nav and the hash router read this list;
 * a new screen adds one entry. `label` is bilingual data so a view needs no global message key.
 */
import type { Component } from 'svelte';
// The home screen comes with the page's first chunk: no second round trip before the first figures.
import * as dashboard from './dashboard/DashboardView.svelte';

export interface ViewEntry {
  id: string;
  label: { zh: string; en: string };
  /** Loads the screen's code on first visit: the page's first chunk carries only the dashboard. */
  load: () => Promise<{ default: Component }>;
  /**
   * The screen says itself when its first figures are on screen (idle.ts `firstScreenShown`), since
   * they come after its first render; for any other screen the app says so once it is mounted.
   */
  marksFirstScreen?: boolean;
}

export const VIEWS: ViewEntry[] = [
  { id: 'dashboard', label: { zh: '配比看板', en: 'Mix dashboard' }, load: () => Promise.resolve(dashboard), marksFirstScreen: true },
  { id: 'risk', label: { zh: '风险分布', en: 'Loss distribution' }, load: () => import('./risk/RiskView.svelte') },
  { id: 'over-time', label: { zh: '经营推演', en: 'Over time' }, load: () => import('./over-time/OverTimeView.svelte') },
  { id: 'design', label: { zh: '配合比设计', en: 'Mix design' }, load: () => import('./design/DesignView.svelte') },
  { id: 'workbench', label: { zh: '战略工作台', en: 'Workbench' }, load: () => import('./workbench/WorkbenchView.svelte') },
  { id: 'library', label: { zh: '情景库', en: 'Library' }, load: () => import('./library/LibraryView.svelte') },
  { id: 'compare', label: { zh: '情景对比', en: 'Compare' }, load: () => import('./compare/CompareView.svelte') },
  {
    id: 'portfolio',
    label: { zh: '客户投资组合', en: 'Client portfolios' },
    load: () => {
      // Its analysis workers start while the screen's code loads, not once it has mounted.
      void import('../lib/state/portfolio-session.svelte').then((m) => m.portfolioSession().analysis.prewarm());
      return import('./portfolio/PortfolioView.svelte');
    },
  },
  { id: 'training', label: { zh: '课程与工作坊', en: 'Lessons & workshops' }, load: () => import('./training/TrainingView.svelte') },
  { id: 'glossary', label: { zh: '术语表', en: 'Glossary' }, load: () => import('./glossary/GlossaryView.svelte') },
];
