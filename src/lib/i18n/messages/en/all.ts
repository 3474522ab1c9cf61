/** The English of every area: one chunk, loaded when English is chosen. */
import type { MessageTree } from '../index';
import { en as common } from './common';
import { en as dashboard } from './dashboard';
import { en as library } from './library';
import { en as risk } from './risk';
import { en as overTime } from './overTime';
import { en as design } from './design';
import { en as portfolio } from './portfolio';
import { en as training } from './training';
import { en as workbench } from './workbench';
import { en as compare } from './compare';
import { en as report } from './report';
import { en as glossary } from './glossary';
import { en as bookSource } from './bookSource';
import { en as charts } from './charts';
import { en as problems } from './problems';

export const EN: MessageTree = {
  ...common,
  ...dashboard,
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
  ...problems,
};
