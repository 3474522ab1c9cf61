/**
 * Both languages of every area at once, for tests and the command line (the page loads them in parts:
 * index.ts). `AREAS` lets the messages test check that no two area files claim the same group.
 */
import { flatten, type MessageKey, type MessageTree } from './index';
import { zh as commonZh } from './zh/common';
import { en as commonEn } from './en/common';
import { zh as dashboardZh } from './zh/dashboard';
import { en as dashboardEn } from './en/dashboard';
import { zh as libraryZh } from './zh/library';
import { en as libraryEn } from './en/library';
import { zh as riskZh } from './zh/risk';
import { en as riskEn } from './en/risk';
import { zh as overTimeZh } from './zh/overTime';
import { en as overTimeEn } from './en/overTime';
import { zh as designZh } from './zh/design';
import { en as designEn } from './en/design';
import { zh as portfolioZh } from './zh/portfolio';
import { en as portfolioEn } from './en/portfolio';
import { zh as trainingZh } from './zh/training';
import { en as trainingEn } from './en/training';
import { zh as workbenchZh } from './zh/workbench';
import { en as workbenchEn } from './en/workbench';
import { zh as compareZh } from './zh/compare';
import { en as compareEn } from './en/compare';
import { zh as reportZh } from './zh/report';
import { en as reportEn } from './en/report';
import { zh as glossaryZh } from './zh/glossary';
import { en as glossaryEn } from './en/glossary';
import { zh as bookSourceZh } from './zh/bookSource';
import { en as bookSourceEn } from './en/bookSource';
import { zh as chartsZh } from './zh/charts';
import { en as chartsEn } from './en/charts';
import { zh as problemsZh } from './zh/problems';
import { en as problemsEn } from './en/problems';

/** Each area's two languages, by area name. */
export const AREAS = {
  common: { zh: commonZh, en: commonEn },
  dashboard: { zh: dashboardZh, en: dashboardEn },
  library: { zh: libraryZh, en: libraryEn },
  risk: { zh: riskZh, en: riskEn },
  overTime: { zh: overTimeZh, en: overTimeEn },
  design: { zh: designZh, en: designEn },
  portfolio: { zh: portfolioZh, en: portfolioEn },
  training: { zh: trainingZh, en: trainingEn },
  workbench: { zh: workbenchZh, en: workbenchEn },
  compare: { zh: compareZh, en: compareEn },
  report: { zh: reportZh, en: reportEn },
  glossary: { zh: glossaryZh, en: glossaryEn },
  bookSource: { zh: bookSourceZh, en: bookSourceEn },
  charts: { zh: chartsZh, en: chartsEn },
  problems: { zh: problemsZh, en: problemsEn },
};

export const zhTree: MessageTree = {
  ...commonZh,
  ...dashboardZh,
  ...libraryZh,
  ...riskZh,
  ...overTimeZh,
  ...designZh,
  ...portfolioZh,
  ...trainingZh,
  ...workbenchZh,
  ...compareZh,
  ...reportZh,
  ...glossaryZh,
  ...bookSourceZh,
  ...chartsZh,
  ...problemsZh,
};
export const enTree: MessageTree = {
  ...commonEn,
  ...dashboardEn,
  ...libraryEn,
  ...riskEn,
  ...overTimeEn,
  ...designEn,
  ...portfolioEn,
  ...trainingEn,
  ...workbenchEn,
  ...compareEn,
  ...reportEn,
  ...glossaryEn,
  ...bookSourceEn,
  ...chartsEn,
  ...problemsEn,
};

/** Each language's strings by path (`zh['metric.roe']`). */
export const zh = flatten(zhTree) as Record<MessageKey, string>;
export const en = flatten(enTree) as Record<MessageKey, string>;
export const MESSAGES = { zh, en } as const;
