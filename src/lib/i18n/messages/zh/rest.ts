/** The Chinese of the areas the first screen does not show (index.ts FIRST_AREAS): one chunk, loaded after it. */
import { zh as library } from './library';
import { zh as risk } from './risk';
import { zh as overTime } from './overTime';
import { zh as design } from './design';
import { zh as portfolio } from './portfolio';
import { zh as training } from './training';
import { zh as workbench } from './workbench';
import { zh as compare } from './compare';
import { zh as report } from './report';
import { zh as glossary } from './glossary';
import { zh as bookSource } from './bookSource';
import { zh as charts } from './charts';

export const REST_ZH = {
  ...library,
  ...risk,
  ...overTime,
  ...design,
  ...portfolio,
  ...training,
  ...workbench,
  ...compare,
  ...report,
  ...glossary,
  ...bookSource,
  ...charts,
};
