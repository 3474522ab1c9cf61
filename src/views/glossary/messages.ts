/** The glossary view's own strings: zh first, en second. */
import { defineMessages } from '../../lib/i18n/i18n.svelte';

export const gm = defineMessages(
  {
    title: '术语表',
    intro: '界面上出现的每个术语，中英文定义。点课程文字或公式面板中的术语链接可直接跳到这里。',
    search: '搜索术语',
    searchHelp: '输入中文、英文或缩写',
    count: '共 {n} 条',
    none: '没有找到“{q}”。',
    related: '相关：',
    otherLanguage: 'English',
    notFound: '术语表中没有“{term}”。',
    backToTop: '回到顶部',
  },
  {
    title: 'Glossary',
    intro: 'Every term on screen, defined in Chinese and English. Term links in lessons and formula panels lead here.',
    search: 'Search terms',
    searchHelp: 'Type Chinese, English or an abbreviation',
    count: '{n} terms',
    none: 'Nothing found for "{q}".',
    related: 'Related: ',
    otherLanguage: '中文',
    notFound: 'The glossary has no "{term}".',
    backToTop: 'Back to top',
  },
);
