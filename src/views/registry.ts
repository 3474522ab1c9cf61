/**
 * The app's screens, one folder each under src/views/. The nav and the hash router read this list;
 * a new screen adds one entry. `label` is bilingual data so a view needs no global message key.
 */
import type { Component } from 'svelte';
import DashboardView from './dashboard/DashboardView.svelte';
import LibraryView from './library/LibraryView.svelte';
import CompareView from './compare/CompareView.svelte';
import DesignView from './design/DesignView.svelte';
import TrainingView from './training/TrainingView.svelte';
import GlossaryView from './glossary/GlossaryView.svelte';
import PortfolioView from './portfolio/PortfolioView.svelte';
import RiskView from './risk/RiskView.svelte';
import OverTimeView from './over-time/OverTimeView.svelte';

export interface ViewEntry {
  id: string;
  label: { zh: string; en: string };
  component: Component;
}

export const VIEWS: ViewEntry[] = [
  { id: 'dashboard', label: { zh: '配比看板', en: 'Mix dashboard' }, component: DashboardView },
  { id: 'risk', label: { zh: '风险分布', en: 'Loss distribution' }, component: RiskView },
  { id: 'over-time', label: { zh: '经营推演', en: 'Over time' }, component: OverTimeView },
  { id: 'design', label: { zh: '配合比设计', en: 'Mix design' }, component: DesignView },
  { id: 'library', label: { zh: '情景库', en: 'Library' }, component: LibraryView },
  { id: 'compare', label: { zh: '情景对比', en: 'Compare' }, component: CompareView },
  { id: 'portfolio', label: { zh: '客户投资组合', en: 'Client portfolios' }, component: PortfolioView },
  { id: 'training', label: { zh: '课程与工作坊', en: 'Lessons & workshops' }, component: TrainingView },
  { id: 'glossary', label: { zh: '术语表', en: 'Glossary' }, component: GlossaryView },
];
