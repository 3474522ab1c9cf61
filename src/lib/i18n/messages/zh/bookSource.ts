/** Strings of the real / generated book switch, shared by the risk view and the workbench. */
export const zh = {
  bookSource: {
    legend: '计算所用贷款',
    real: '我行实际贷款',
    generated: '模型生成贷款',
    fromReal: '数据来源：我行实际贷款“{name}”（{clients} 户，{loans}），仅保存在本浏览器',
    fromGenerated: '数据来源：模型按情景参数生成的贷款',
    noBook: '本情景没有导入贷款明细：在“情景库”中为情景导入 CSV 后，可改用我行实际贷款计算。',
    remove: '从本浏览器删除这份贷款明细',
    removeConfirm: '从本浏览器（IndexedDB）删除贷款明细“{name}”？此操作不可撤销；分享链接从不包含贷款明细。',
    removed: '贷款明细已从本浏览器删除',
  },
};
