/** Strings of the one problem list (lib/ui/ProblemList.svelte): files, links and forms that did not validate. */
export const zh = {
  problems: {
    at: '位置 {path}',
    whole: '整个文件',
    expected: '应为 {expected}',
    received: '实际为 {received}',
    more: '另有 {count} 处问题未列出。',
  },
};
