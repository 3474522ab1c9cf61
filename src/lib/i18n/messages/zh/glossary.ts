/** The glossary view's own strings: zh first, en second. */
export const zh = {
  glossary: {
    title: '术语表',
    intro: '界面上出现的每个术语，中英文定义。点课程文字或公式面板中的术语链接可直接跳到这里。',
    search: '搜索术语',
    searchHelp: '输入中文、英文或缩写',
    count: '共 {n} 条',
    none: '没有找到“{q}”。',
    related: '相关：',
    notFound: '术语表中没有“{term}”。',
  },
};
