/**
 * One description of every scenario input: unit, range, step, zh/en label and help,
 * and the source of its default. The forms, the import validator and the glossary all
 * read this list (docs/architecture.md: one source of truth for each input).
 */
import type { Scenario, Segment } from './scenario';

export type Unit =
  | 'yuan' // money; shown as 亿元/万元 or CNY bn/m
  | 'rate' // a rate per year, decimal; shown in %
  | 'share' // a fraction of a whole; shown in %
  | 'bp' // basis points (a spread over LPR, 加点); the UI shows the equivalent 上浮/下浮 beside it
  | 'ratio' // a plain multiple (deposits per yuan of loans)
  | 'count'
  | 'years'
  | 'quarters'
  | 'sigma'
  | 'perTenBp'; // per +10 bp

export type InputGroup = 'market' | 'bank' | 'segment' | 'levers';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface InputSpec {
  /** Path in the scenario; `segments.*.x` applies to every segment. */
  path: string;
  group: InputGroup;
  unit: Unit;
  min: number;
  max: number;
  /** Step of the form control, in the stored unit. */
  step: number;
  label: Bilingual;
  help: Bilingual;
  /** Where the default comes from, or "assumed for the demo". */
  source: Bilingual;
  /** Whether the value must be a whole number. */
  isInteger?: boolean;
}

/**
 * The label of every scenario input, the one table of them: the form's inputs (INPUT_SPECS reads
 * each one's label here by its path) and the fields the form does not list (segment identity,
 * tenor buckets, the target mix, stress and run settings; FIELD_LABELS). A segment field is keyed
 * `segments.*.<field>`; a parent path labels its children (`levers.targetMix` for
 * `levers.targetMix.small`).
 * @example INPUT_LABELS['segments.*.pd'].en // 'PD (a year)'
 */
export const INPUT_LABELS = {
  'market.lpr1y': { zh: '1年期LPR', en: '1-year LPR' },
  'market.ftpLoans.upTo3m': { zh: 'FTP（≤3个月）', en: 'FTP (≤3m)' },
  'market.ftpLoans.m3to12': { zh: 'FTP（3–12个月）', en: 'FTP (3–12m)' },
  'market.ftpLoans.y1to3': { zh: 'FTP（1–3年）', en: 'FTP (1–3y)' },
  'market.ftpLoans.y3to5': { zh: 'FTP（3–5年）', en: 'FTP (3–5y)' },
  'market.ftpLoans.over5y': { zh: 'FTP（5年以上）', en: 'FTP (>5y)' },
  'market.ftpDepositCredit': { zh: '存款FTP收益', en: 'FTP credit for deposits' },
  'market.ftpPassThrough': { zh: 'FTP与同业利率传导比例', en: 'FTP and money-market pass-through' },
  'market.hqlaYield': { zh: '优质流动性资产收益率', en: 'HQLA yield' },
  'market.wholesaleRate': { zh: '同业/存单融资利率', en: 'Wholesale funding rate' },
  'market.taxRate': { zh: '所得税率', en: 'Tax rate' },
  'market.hurdleRate': { zh: '资本成本（门槛回报率）', en: 'Hurdle rate (cost of equity)' },
  'bank.corporateLoans': { zh: '对公贷款总额', en: 'Corporate loan book' },
  'bank.corporateLoanGrowth': { zh: '对公贷款年增速', en: 'Corporate book growth' },
  'bank.netCapital': { zh: '资本净额', en: 'Net capital' },
  'bank.tier1Capital': { zh: '一级资本净额', en: 'Tier 1 capital' },
  'bank.cet1Capital': { zh: '核心一级资本净额', en: 'CET1 capital' },
  'bank.otherRwa': { zh: '其他风险加权资产', en: 'Other RWA' },
  'bank.hqla': { zh: '合格优质流动性资产', en: 'HQLA' },
  'bank.retailDeposits': { zh: '个人存款', en: 'Retail deposits' },
  'bank.retailStableShare': { zh: '稳定个人存款占比', en: 'Stable share of retail deposits' },
  'bank.retailLoans': { zh: '个人及其他贷款', en: 'Retail and other loans' },
  'bank.otherAssets': { zh: '其他资产', en: 'Other assets' },
  'bank.otherLiabilities': { zh: '其他负债', en: 'Other liabilities' },
  'bank.wholesaleShareUnder30d': { zh: '30天内到期同业融资占比', en: 'Wholesale due within 30 days' },
  'bank.wholesaleShareOver1y': { zh: '1年以上同业融资占比', en: 'Wholesale over 1 year' },
  'segments.*.share': { zh: '贷款占比', en: 'Share of loans' },
  'segments.*.avgExposure': { zh: '户均贷款', en: 'Average exposure' },
  'segments.*.sizeSigma': { zh: '规模离散度σ', en: 'Size dispersion σ' },
  'segments.*.pd': { zh: '违约概率PD', en: 'PD' },
  'segments.*.lgd': { zh: '违约损失率LGD', en: 'LGD' },
  'segments.*.turnover': { zh: '户均年营业额', en: 'Turnover per client' },
  'segments.*.spreadBp': { zh: 'LPR加点', en: 'Spread over LPR' },
  'segments.*.marketSpreadBp': { zh: '市场参考加点', en: 'Market spread' },
  'segments.*.demandElasticity': { zh: '需求弹性', en: 'Demand elasticity' },
  'segments.*.adverseSelectionSlope': { zh: '逆向选择斜率', en: 'Adverse selection' },
  'segments.*.franchiseShare': { zh: '客群基础（占对公贷款）', en: 'Franchise (share of the book)' },
  'segments.*.franchisePdSlope': { zh: '超出客群的PD上升', en: 'PD rise beyond the franchise' },
  'segments.*.franchiseSpreadSlopeBp': { zh: '超出客群的让价', en: 'Price given up beyond the franchise' },
  'segments.*.depositsPerLoan': { zh: '存贷比（派生存款）', en: 'Deposits per yuan of loans' },
  'segments.*.depositRate': { zh: '存款付息率', en: 'Deposit rate' },
  'segments.*.operationalShare': { zh: '经营性存款占比', en: 'Operational share' },
  'segments.*.feePerClient': { zh: '户均中间业务收入', en: 'Fee income per client' },
  'segments.*.productsPerClient': { zh: '户均产品数', en: 'Products per client' },
  'segments.*.acquisitionCostPerClient': { zh: '获客成本', en: 'Cost to win a client' },
  'segments.*.undrawnPerLoan': { zh: '未提用承诺额度', en: 'Undrawn commitments' },
  'segments.*.smallMicroCap': { zh: '小微75%权重上限', en: 'Small & micro 75% cap' },
  'segments.*.servicingCostPerClient': { zh: '户均服务成本', en: 'Servicing cost per client' },
  'segments.*.clientsPerManager': { zh: '每名客户经理管户数', en: 'Clients per manager' },
  'segments.*.riskWeight': { zh: '风险权重（权重法）', en: 'Risk weight (standardized)' },
  'settings.irbScalingFactor': { zh: '内评法缩放因子', en: 'IRB scaling factor' },
  'settings.outputFloor': { zh: '资本底线（输出下限）', en: 'Output floor' },
  'levers.paceQuarters': { zh: '调整节奏（季度）', en: 'Pace (quarters)' },
  'levers.managerCost': { zh: '客户经理人均成本', en: 'Cost per client manager' },
  'levers.onboardingPerManagerPerQuarter': { zh: '人均季度新拓客户数', en: 'New clients per manager per quarter' },
  'levers.managerGrowth': { zh: '客户经理队伍年增速', en: 'Growth of the manager team' },
  'simulation.factorPersistence': { zh: '经济周期持续性φ', en: 'Cycle persistence φ' },
  'simulation.nplWorkoutQuarters': { zh: '不良清收期（季度）', en: 'NPL workout (quarters)' },
  'simulation.attritionCurve.0': { zh: '年流失率（1个产品）', en: 'Attrition a year (1 product)' },
  'simulation.attritionCurve.1': { zh: '年流失率（2个产品）', en: 'Attrition a year (2 products)' },
  'simulation.attritionCurve.2': { zh: '年流失率（3个及以上产品）', en: 'Attrition a year (3+ products)' },
  'simulation.depositPassThrough': { zh: '存款利率传导比例', en: 'Deposit pass-through' },
  'simulation.depositRepricingQuarters': { zh: '存款重定价滞后（季度）', en: 'Deposit repricing lag (quarters)' },
  'simulation.profitRetention': { zh: '利润留存比例', en: 'Profit retention' },
  'levers.managerHeadcount': { zh: '客户经理人数', en: 'Client managers (headcount)' },
  'simulation.paths': { zh: '模拟路径数', en: 'Simulated paths' },
  'simulation.seed': { zh: '随机种子', en: 'Random seed' },
  // —— fields the form does not list ——
  'segments.*.tenor.upTo3m': { zh: '期限占比（≤3个月）', en: 'Tenor share (≤3m)' },
  'segments.*.tenor.m3to12': { zh: '期限占比（3–12个月）', en: 'Tenor share (3–12m)' },
  'segments.*.tenor.y1to3': { zh: '期限占比（1–3年）', en: 'Tenor share (1–3y)' },
  'segments.*.tenor.y3to5': { zh: '期限占比（3–5年）', en: 'Tenor share (3–5y)' },
  'segments.*.tenor.over5y': { zh: '期限占比（5年以上）', en: 'Tenor share (>5y)' },
  'segments.*.key': { zh: '客户层标识', en: 'Segment key' },
  'segments.*.name.zh': { zh: '名称（中文）', en: 'Name (Chinese)' },
  'segments.*.name.en': { zh: '名称（英文）', en: 'Name (English)' },
  'segments.*.correlation': { zh: '资产相关系数', en: 'Asset correlation' },
  'segments.*.depositClass': { zh: '存款类别', en: 'Deposit class' },
  'market.lprPath': { zh: 'LPR年度变动路径', en: 'LPR path' },
  'settings.capitalApproach': { zh: '资本计量方法', en: 'Capital approach' },
  'levers.targetMix': { zh: '目标结构', en: 'Target mix' },
  'stress.factorShift': { zh: '系统性因子冲击', en: 'Systematic factor shift' },
  'stress.pdMultiplier': { zh: 'PD压力倍数', en: 'PD stress multiplier' },
  'stress.lprShock': { zh: 'LPR冲击', en: 'LPR shock' },
  'stress.depositRunOff': { zh: '对公存款额外流失', en: 'Extra deposit run-off' },
  'simulation.horizonYears': { zh: '模拟年数', en: 'Horizon (years)' },
  'simulation.stepsPerYear': { zh: '每年步数', en: 'Steps per year' },
  'simulation.attritionCurve': { zh: '客户流失率曲线', en: 'Attrition curve' },
} as const satisfies Record<string, Bilingual>;

export type LabelledPath = keyof typeof INPUT_LABELS;

const ASSUMED: Bilingual = { zh: '演示假设', en: 'assumed for the demo' };

/** A form input, its label read from INPUT_LABELS. */
function spec(
  path: LabelledPath,
  group: InputGroup,
  unit: Unit,
  [min, max, step]: [number, number, number],
  help: Bilingual,
  source: Bilingual = ASSUMED,
  isInteger = false,
): InputSpec {
  return { path, group, unit, min, max, step, label: INPUT_LABELS[path], help, source, isInteger };
}

const YI = 1e8;

export const INPUT_SPECS: readonly InputSpec[] = [
  // —— market ——
  spec(
    'market.lpr1y',
    'market',
    'rate',
    [0, 0.1, 0.0005],
    { zh: '贷款市场报价利率，贷款定价的基准', en: 'Loan Prime Rate, the base of loan pricing' },
    { zh: '全国银行间同业拆借中心，2025-05-20起3.00%', en: 'NIFC, 3.00% since 2025-05-20' },
  ),
  spec('market.ftpLoans.upTo3m', 'market', 'rate', [0, 0.1, 0.0005], {
    zh: '内部资金转移价格：3个月以内贷款占用资金的成本',
    en: 'Funds-transfer price charged to loans up to 3 months',
  }),
  spec('market.ftpLoans.m3to12', 'market', 'rate', [0, 0.1, 0.0005], { zh: '3至12个月贷款的资金成本', en: 'Funds-transfer price for loans of 3–12 months' }),
  spec('market.ftpLoans.y1to3', 'market', 'rate', [0, 0.1, 0.0005], {
    zh: '1至3年贷款的资金成本，含流动性溢价',
    en: 'Funds-transfer price for 1–3 year loans, with liquidity premium',
  }),
  spec('market.ftpLoans.y3to5', 'market', 'rate', [0, 0.1, 0.0005], { zh: '3至5年贷款的资金成本', en: 'Funds-transfer price for 3–5 year loans' }),
  spec('market.ftpLoans.over5y', 'market', 'rate', [0, 0.1, 0.0005], { zh: '5年以上贷款的资金成本', en: 'Funds-transfer price for loans over 5 years' }),
  spec('market.ftpDepositCredit', 'market', 'rate', [0, 0.1, 0.0005], {
    zh: '每1元存款付给业务条线的内部价格',
    en: 'Internal price paid to the business line per yuan of deposits',
  }),
  spec('market.ftpPassThrough', 'market', 'share', [0, 1.5, 0.05], {
    zh: 'LPR变动传导到FTP曲线、存款FTP和同业融资利率的比例',
    en: 'Share of an LPR change passed to the FTP curve, the deposit FTP credit and the wholesale rate',
  }),
  spec('market.hqlaYield', 'market', 'rate', [0, 0.1, 0.0005], {
    zh: '资金部门为维持LCR而买入的国债等资产的收益率；与同业融资利率之差是持有成本',
    en: 'Yield of the government bonds the treasury buys to hold its LCR; its gap to the wholesale rate is the carry cost',
  }),
  spec(
    'market.wholesaleRate',
    'market',
    'rate',
    [0, 0.1, 0.0005],
    { zh: '资金缺口由同业负债和同业存单补足的利率', en: 'Rate of interbank and NCD funding that fills the funding gap' },
    { zh: '演示假设（约1.9%）', en: 'assumed for the demo (about 1.9%)' },
  ),
  spec(
    'market.taxRate',
    'market',
    'share',
    [0, 0.5, 0.01],
    { zh: '企业所得税税率', en: 'Corporate income tax rate' },
    { zh: '《企业所得税法》25%', en: 'Enterprise Income Tax Law, 25%' },
  ),
  spec('market.hurdleRate', 'market', 'rate', [0, 0.3, 0.005], {
    zh: '经济资本的要求回报率，用于EVA',
    en: 'Required return on economic capital, used for EVA',
  }),
  // —— bank ——
  spec('bank.corporateLoans', 'bank', 'yuan', [1e8, 1e13, 10 * YI], { zh: '公司客户贷款余额L', en: 'Total corporate loans L' }),
  spec('bank.corporateLoanGrowth', 'bank', 'rate', [-0.5, 0.5, 0.005], { zh: '对公贷款每年增长率', en: 'Growth of the corporate book per year' }),
  spec('bank.netCapital', 'bank', 'yuan', [1e7, 1e13, 1 * YI], {
    zh: '监管资本总额，集中度和资本充足率的分母',
    en: 'Total regulatory capital, the base of concentration limits and the capital ratio',
  }),
  spec('bank.tier1Capital', 'bank', 'yuan', [1e7, 1e13, 1 * YI], { zh: '核心一级资本加其他一级资本', en: 'CET1 plus additional tier 1' }),
  spec('bank.cet1Capital', 'bank', 'yuan', [1e7, 1e13, 1 * YI], { zh: '普通股和留存收益等', en: 'Common equity and retained earnings' }),
  spec('bank.otherRwa', 'bank', 'yuan', [0, 1e14, 10 * YI], {
    zh: '对公贷款以外的风险加权资产（含市场和操作风险）',
    en: 'RWA outside the corporate book (incl. market and operational risk)',
  }),
  spec('bank.hqla', 'bank', 'yuan', [0, 1e14, 10 * YI], {
    zh: 'LCR分子：国债、央行准备金等',
    en: 'Numerator of the LCR: government bonds, central bank reserves',
  }),
  spec('bank.retailDeposits', 'bank', 'yuan', [0, 1e14, 10 * YI], { zh: '储蓄存款余额', en: 'Retail deposit balance' }),
  spec('bank.retailStableShare', 'bank', 'share', [0, 1, 0.01], {
    zh: 'LCR流失率5%（稳定）或10%（欠稳定）',
    en: 'LCR run-off 5% (stable) or 10% (less stable)',
  }),
  spec('bank.retailLoans', 'bank', 'yuan', [0, 1e14, 10 * YI], { zh: '对公以外的贷款', en: 'Loans outside the corporate book' }),
  spec('bank.otherAssets', 'bank', 'yuan', [0, 1e14, 10 * YI], {
    zh: '非优质证券、同业资产、固定资产等',
    en: 'Non-HQLA securities, interbank assets, fixed assets',
  }),
  spec('bank.otherLiabilities', 'bank', 'yuan', [0, 1e14, 10 * YI], {
    zh: '存款和同业融资以外的负债',
    en: 'Liabilities other than deposits and wholesale funding',
  }),
  spec('bank.wholesaleShareUnder30d', 'bank', 'share', [0, 1, 0.01], { zh: 'LCR按100%流出', en: 'Runs off at 100% in the LCR' }),
  spec('bank.wholesaleShareOver1y', 'bank', 'share', [0, 1, 0.01], { zh: 'NSFR可用稳定资金系数100%', en: 'NSFR available stable funding factor 100%' }),
  // —— segments ——
  spec(
    'segments.*.share',
    'segment',
    'share',
    [0, 1, 0.01],
    { zh: '该层客户贷款占对公贷款的比例（各层合计100%）', en: 'Share of the corporate book (all segments sum to 100%)' },
    { zh: '倒金字塔：约65/25/10（源文章诊断）', en: 'inverted pyramid about 65/25/10 (the source article’s diagnosis)' },
  ),
  spec('segments.*.avgExposure', 'segment', 'yuan', [1e5, 1e12, 1e6], {
    zh: '每户客户平均贷款余额；客户数 = 占比·L / 户均',
    en: 'Average loan per client; clients = share·L / average',
  }),
  spec('segments.*.sizeSigma', 'segment', 'sigma', [0, 3, 0.05], {
    zh: '客户规模对数正态分布的σ，越大越“块状”',
    en: 'Lognormal sigma of client sizes; larger is lumpier',
  }),
  spec(
    'segments.*.pd',
    'segment',
    'share',
    [0, 0.5, 0.0005],
    { zh: '1年期违约概率（跨周期）', en: '1-year probability of default, through the cycle' },
    { zh: '演示假设；小微不良约为平均的两倍（银监会2015）', en: 'assumed; small-business NPL about twice the average (CBRC 2015)' },
  ),
  spec(
    'segments.*.lgd',
    'segment',
    'share',
    [0, 1, 0.01],
    { zh: '违约时损失的比例', en: 'Share of the exposure lost at default' },
    { zh: '初级法优先无担保45%（巴塞尔II）', en: 'F-IRB senior unsecured 45% (Basel II)' },
  ),
  spec(
    'segments.*.turnover',
    'segment',
    'yuan',
    [0, 1e13, 1e6],
    {
      zh: '客户年销售收入；低于约4亿元（5000万欧元）时，巴塞尔相关系数按中小企业下调',
      en: 'A client\u2019s yearly sales; below about CNY 400 m (EUR 50 m) the Basel correlation is lowered for SMEs',
    },
    { zh: '巴塞尔II第273段（按1欧元≈8.0元折算）', en: 'Basel II ¶273 (at about CNY 8.0 per EUR)' },
  ),
  spec(
    'segments.*.spreadBp',
    'segment',
    'bp',
    [-150, 300, 1],
    {
      zh: '贷款利率 = LPR + 加点；2007年原文的“上浮10%”相当于LPR×10%的加点',
      en: 'Loan rate = LPR + spread; the 2007 source\u2019s “上浮10%” (+10%) equals a spread of 10% of the rate',
    },
    {
      zh: '2019年LPR改革后按LPR加点定价；2023–2025年普惠小微约LPR+50至130基点',
      en: 'priced as LPR + spread since the 2019 LPR reform; inclusive small & micro loans about LPR + 50 to 130 bp in 2023–2025',
    },
  ),
  spec('segments.*.marketSpreadBp', 'segment', 'bp', [-150, 300, 1], {
    zh: '同业对该层客户的定价；高于它会流失需求、招来风险更高的借款人',
    en: 'What competitors charge this segment; above it, demand is lost and riskier borrowers come',
  }),
  spec('segments.*.demandElasticity', 'segment', 'perTenBp', [0, 1, 0.01], {
    zh: '加点每高于市场10个基点，保留的需求为 exp(−弹性)',
    en: 'Per 10 bp above the market spread, exp(−elasticity) of the demand is kept',
  }),
  spec('segments.*.adverseSelectionSlope', 'segment', 'perTenBp', [0, 1, 0.01], {
    zh: '加点每高于市场10个基点，借款人PD上升的倍数',
    en: 'Rise of the borrowers\u2019 PD multiplier per 10 bp above the market spread',
  }),
  spec('segments.*.franchiseShare', 'segment', 'share', [0.01, 1, 0.01], {
    zh: '按市场价格和正常风险能做到的该层贷款占比；超出部分只能降价或接受更差的借款人',
    en: 'Share of the book this tier can hold at the market price and its usual risk; beyond it, only at a lower price or with worse borrowers',
  }),
  spec('segments.*.franchisePdSlope', 'segment', 'ratio', [0, 10, 0.1], {
    zh: '每超出一个“客群基础”的规模，边际贷款PD倍数增加多少',
    en: 'Rise of the marginal loan\u2019s PD multiplier per franchise-width beyond the franchise',
  }),
  spec('segments.*.franchiseSpreadSlopeBp', 'segment', 'bp', [0, 300, 1], {
    zh: '每超出一个“客群基础”的规模，边际贷款少收的加点',
    en: 'Spread the marginal loan gives up per franchise-width beyond the franchise',
  }),
  spec('segments.*.depositsPerLoan', 'segment', 'ratio', [0, 5, 0.05], { zh: '每1元贷款带来的存款', en: 'Deposits brought per yuan of loans' }),
  spec('segments.*.depositRate', 'segment', 'rate', [0, 0.1, 0.0005], { zh: '该层客户存款的平均利率', en: 'Average rate paid on the segment’s deposits' }),
  spec(
    'segments.*.operationalShare',
    'segment',
    'share',
    [0, 1, 0.01],
    { zh: 'LCR：经营性存款流失25%，非经营性40%', en: 'LCR: operational deposits run off 25%, others 40%' },
    { zh: '巴塞尔III LCR（BCBS 238）', en: 'Basel III LCR (BCBS 238)' },
  ),
  spec('segments.*.feePerClient', 'segment', 'yuan', [0, 1e9, 1e4], { zh: '每户每年中间业务收入', en: 'Intermediary-business income per client per year' }),
  spec(
    'segments.*.productsPerClient',
    'segment',
    'count',
    [1, 10, 0.1],
    { zh: '交叉销售深度；三个以上产品的客户流失率约10%', en: 'Cross-selling depth; clients with three or more products leave at about 10%' },
    { zh: '源文章引用咨询机构调查', en: 'consultancy finding cited by the source' },
  ),
  spec('segments.*.acquisitionCostPerClient', 'segment', 'yuan', [0, 1e8, 1e3], {
    zh: '每新增（或替换流失的）一户的营销、尽调和客户经理时间成本',
    en: 'Marketing, due diligence and manager time to win (or replace) one client',
  }),
  spec(
    'segments.*.undrawnPerLoan',
    'segment',
    'ratio',
    [0, 2, 0.01],
    { zh: '每1元贷款对应的已承诺未提用授信；LCR按10%计流出', en: 'Undrawn committed facilities per yuan of loans; the LCR counts 10% as an outflow' },
    { zh: '巴塞尔III LCR第131段', en: 'Basel III LCR ¶131' },
  ),
  spec(
    'segments.*.smallMicroCap',
    'segment',
    'yuan',
    [0, 1e10, 1e5],
    {
      zh: '单户授信不超过此额度的小微企业适用75%权重，超过部分按中小企业85%',
      en: 'Obligors up to this total exposure take the 75% weight; larger ones the SME weight of 85%',
    },
    { zh: '《商业银行资本管理办法》（2023）：1,000万元', en: 'China capital rules (2023): CNY 10 m' },
  ),
  spec('segments.*.servicingCostPerClient', 'segment', 'yuan', [0, 1e9, 1e3], {
    zh: '每户每年服务成本（不含客户经理）',
    en: 'Cost to serve one client per year, excluding client managers',
  }),
  spec(
    'segments.*.clientsPerManager',
    'segment',
    'count',
    [1, 1000, 1],
    { zh: '一名客户经理维护的客户数', en: 'Clients one client manager looks after' },
    ASSUMED,
    true,
  ),
  spec(
    'segments.*.riskWeight',
    'segment',
    'share',
    [0, 2.5, 0.05],
    { zh: '一般企业100%，中小企业85%，小微企业75%', en: 'General corporate 100%, SME 85%, small & micro 75%' },
    { zh: '《商业银行资本管理办法》（2023）', en: 'China capital rules (NFRA 2023 No. 4)' },
  ),
  // —— capital regime (docs/reference-model.md §4) ——
  spec(
    'settings.irbScalingFactor',
    'bank',
    'ratio',
    [1, 1.06, 0.06],
    { zh: '1：巴塞尔III最终版与2023年资本办法（默认）；1.06：巴塞尔II', en: '1: Basel III final and the China 2023 rules (default); 1.06: Basel II' },
    { zh: '巴塞尔II第44段；巴塞尔III最终版取消', en: 'Basel II ¶44; dropped in Basel III final' },
  ),
  spec(
    'settings.outputFloor',
    'bank',
    'share',
    [0, 1, 0.005],
    { zh: '内评法风险加权资产不低于权重法的这一比例', en: 'IRB RWA may not fall below this share of standardized RWA' },
    { zh: '巴塞尔III最终版72.5%（2023–2028逐步实施）；2023年资本办法同', en: 'Basel III final 72.5% (phased in 2023–2028); the China 2023 rules likewise' },
  ),
  // —— levers ——
  spec('levers.paceQuarters', 'levers', 'quarters', [1, 40, 1], { zh: '达到目标结构所需的季度数', en: 'Quarters to reach the target mix' }, ASSUMED, true),
  spec('levers.managerCost', 'levers', 'yuan', [0, 1e8, 1e4], { zh: '每名客户经理每年的人力成本', en: 'Yearly cost of one client manager' }),
  // —— levers and dynamics of the multi-year simulation (docs/reference-model.md §7, docs/simulation.md) ——
  spec('levers.onboardingPerManagerPerQuarter', 'levers', 'count', [0, 50, 0.5], {
    zh: '一名客户经理每季度能新营销的客户数；替换流失客户不占用此能力，只有净增长受其限制',
    en: 'New clients one manager can win per quarter; replacing clients who left does not use it, only net growth does',
  }),
  spec('levers.managerGrowth', 'levers', 'rate', [-0.5, 1, 0.01], {
    zh: '设定客户经理人数后，队伍每年的增长率',
    en: 'Growth per year of a set client-manager headcount',
  }),
  spec(
    'simulation.factorPersistence',
    'levers',
    'ratio',
    [0, 0.99, 0.05],
    {
      zh: '系统性因子逐季的自相关AR(1)：越大，坏季度越容易连成坏年份',
      en: 'Quarter-to-quarter autocorrelation of the systematic factor, AR(1): the higher, the more bad quarters run into bad years',
    },
    { zh: 'docs/reference-model.md §7 默认0.5（假设）', en: 'docs/reference-model.md §7 default 0.5 (assumed)' },
  ),
  spec(
    'simulation.nplWorkoutQuarters',
    'levers',
    'quarters',
    [0, 40, 1],
    { zh: '违约贷款作为不良留在表内的季度数，之后核销', en: 'Quarters a defaulted loan stays on the books as an NPL before it is written off' },
    ASSUMED,
    true,
  ),
  spec(
    'simulation.attritionCurve.0',
    'levers',
    'share',
    [0, 1, 0.01],
    {
      zh: '只持有1个产品（如只开结算户）的客户一年内离开的概率',
      en: 'Chance that a client holding one product (e.g. only a current account) leaves within a year',
    },
    { zh: '源文章：约1/2', en: 'source article: about 1/2' },
  ),
  spec(
    'simulation.attritionCurve.1',
    'levers',
    'share',
    [0, 1, 0.01],
    {
      zh: '持有2个产品的客户一年内离开的概率；产品数介于两点之间时线性插值',
      en: 'Chance that a client holding two products leaves within a year; linear between the points',
    },
    { zh: '源文章：约1/3', en: 'source article: about 1/3' },
  ),
  spec(
    'simulation.attritionCurve.2',
    'levers',
    'share',
    [0, 1, 0.01],
    { zh: '持有3个及以上产品的客户一年内离开的概率', en: 'Chance that a client holding three or more products leaves within a year' },
    { zh: '源文章：约10%', en: 'source article: about 10%' },
  ),
  spec('simulation.depositPassThrough', 'levers', 'share', [0, 1.5, 0.05], {
    zh: 'LPR变动最终传导到存款利率的比例',
    en: 'Share of an LPR change that deposit rates follow in the long run',
  }),
  spec('simulation.depositRepricingQuarters', 'levers', 'quarters', [0, 40, 1], {
    zh: '存款利率跟随LPR的平均滞后；贷款在年度重定价日跟随',
    en: 'Mean lag with which deposit rates follow the LPR; loans follow at their yearly reset',
  }),
  spec('simulation.profitRetention', 'levers', 'share', [0, 1, 0.05], {
    zh: '对公业务净利润留作资本的比例（其余分红）；亏损全额冲减资本',
    en: 'Share of the corporate book’s net profit kept as capital (the rest paid out); a loss comes off capital in full',
  }),
  // —— over-time view: headcount and the run's paths and seed ——
  spec(
    'levers.managerHeadcount',
    'levers',
    'count',
    [0, 100000, 1],
    {
      zh: '设定的客户经理编制：新拓客户数受“人数×人均季度新拓客户数”限制，管户总数受“人数×每名客户经理管户数”限制；不设定则按业务需要配备',
      en: 'A set client-manager team: new clients are limited to headcount × new clients per manager per quarter, and all clients to headcount × clients per manager; unset, the bank staffs as the book needs',
    },
    ASSUMED,
    true,
  ),
  spec(
    'simulation.paths',
    'levers',
    'count',
    [1, 100_000, 1000], // beyond 100,000 paths the path data outgrows a laptop's memory
    { zh: '蒙特卡洛路径越多，分位数越稳定，耗时也越长', en: 'More Monte Carlo paths give steadier percentiles and take longer' },
    ASSUMED,
    true,
  ),
  spec(
    'simulation.seed',
    'levers',
    'count',
    [0, 4294967295, 1],
    {
      zh: '同一情景、同一种子得到完全相同的结果，与后台线程数无关',
      en: 'The same scenario and seed give exactly the same results, whatever the number of worker threads',
    },
    ASSUMED,
    true,
  ),
];

const SPEC_PATHS = new Set<string>(INPUT_SPECS.map((s) => s.path));

/**
 * Labels of the scenario fields the form does not list, read from INPUT_LABELS: a segment field
 * by its name under the segment (`tenor.upTo3m`), others by path. No path is here and in INPUT_SPECS.
 * @example FIELD_LABELS['levers.targetMix'].zh // '目标结构'
 */
export const FIELD_LABELS: Readonly<Record<string, Bilingual>> = Object.fromEntries(
  Object.entries(INPUT_LABELS)
    .filter(([path]) => !SPEC_PATHS.has(path))
    .map(([path, label]) => [path.replace(/^segments\.\*\./, ''), label]),
);

const BY_PATH = new Map(INPUT_SPECS.map((s) => [s.path, s]));

/** The spec of a concrete path: `segments.2.pd` finds `segments.*.pd`. */
export function inputSpec(path: string): InputSpec | undefined {
  return BY_PATH.get(path) ?? BY_PATH.get(path.replace(/^segments\.\d+\./, 'segments.*.'));
}

export type InputProblem = { kind: 'notANumber' } | { kind: 'belowMin'; min: number } | { kind: 'aboveMax'; max: number } | { kind: 'notInteger' };

/** Checks one value against its spec; null when it is valid. */
export function checkInput(spec: InputSpec, value: unknown): InputProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'notANumber' };
  if (value < spec.min) return { kind: 'belowMin', min: spec.min };
  if (value > spec.max) return { kind: 'aboveMax', max: spec.max };
  if (spec.isInteger && !Number.isInteger(value)) return { kind: 'notInteger' };
  return null;
}

/**
 * Reads a dotted path (`segments.0.pd`, `market.ftpLoans.y1to3`) from a scenario or any JSON value;
 * undefined where the path does not exist.
 * @example readPath(demoScenario, 'segments.2.pd') // 0.03
 */
export function readPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Returns a copy of a scenario (or any JSON value) with one dotted path set, creating objects on
 * the way where the path does not exist (structural sharing; the input is not mutated).
 * @example writePath(demoScenario, 'levers.paceQuarters', 8).levers.paceQuarters // 8
 */
export function writePath<T>(root: T, path: string, value: unknown): T {
  const parts = path.split('.');
  function set(node: unknown, i: number): unknown {
    if (i === parts.length) return value;
    const key = parts[i];
    if (Array.isArray(node)) {
      const copy = node.slice();
      copy[Number(key)] = set(node[Number(key)], i + 1);
      return copy;
    }
    const obj = (node !== null && typeof node === 'object' ? node : {}) as Record<string, unknown>;
    return { ...obj, [key]: set(obj[key], i + 1) };
  }
  return set(root, 0) as T;
}

/** Every concrete input path of a scenario (segment specs expanded per segment). */
export function scenarioInputPaths(scenario: Scenario): string[] {
  const paths: string[] = [];
  for (const s of INPUT_SPECS) {
    if (s.path.startsWith('segments.*.')) {
      scenario.segments.forEach((_seg: Segment, i: number) => paths.push(s.path.replace('*', String(i))));
    } else {
      paths.push(s.path);
    }
  }
  return paths;
}
