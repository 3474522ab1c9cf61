/**
 * The "glass box" behind every figure: its formula, the formula with this scenario's numbers
 * substituted, and the source of the rule. The numbers are evaluate()'s and segment-economics.ts's
 * (after any stress: the shocked LPR, the stressed PD), so every substituted line multiplies out
 * to the figure it prints (tested). Pure: numbers are formatted by the caller's formatter so the
 * same text serves zh and en.
 */
import {
  EC_CONFIDENCE,
  LCR_FACTORS,
  LIMITS,
  NSFR_FACTORS,
  evaluate,
  marketRates,
  scenarioTerms,
  type Evaluation,
  type MetricKey,
  type Scenario,
  type SegmentTerms,
} from '../model';
import type { Bilingual } from '../model';
import type { Formatter } from '../i18n/format';

export type { Formatter };

export interface Explanation {
  formula: string;
  substituted: string[];
  source: string;
}

type Explainer = (e: Evaluation, s: Scenario, f: Formatter) => { formula: Bilingual; lines: string[]; source: Bilingual };

/** Separates a substituted line's arithmetic from a note about it (a limit, a hurdle). */
export const NOTE = '  · ';

const SRC_MODEL: Bilingual = { zh: '模型说明 §3（docs/model.md）', en: 'model notes §3 (docs/model.md)' };
const SRC_LCR: Bilingual = {
  zh: '巴塞尔III流动性覆盖率（BCBS 238，2013年1月）；《商业银行流动性风险管理办法》（2018）下限100%',
  en: 'Basel III LCR (BCBS 238, Jan 2013); China liquidity rules (2018), minimum 100%',
};
const SRC_NSFR: Bilingual = { zh: '巴塞尔III净稳定资金比例（BCBS 295，2014年10月）；下限100%', en: 'Basel III NSFR (BCBS 295, Oct 2014); minimum 100%' };
const SRC_CAP: Bilingual = {
  zh: '《商业银行资本管理办法》（国家金融监督管理总局令2023年第4号）：8%加2.5%储备资本',
  en: 'China capital rules (NFRA Order 2023 No. 4): 8% plus 2.5% conservation buffer',
};
const SRC_VASICEK: Bilingual = {
  zh: 'Vasicek（2002）单因子模型；巴塞尔II第272段相关系数公式',
  en: 'Vasicek (2002) one-factor model; Basel II ¶272 correlation',
};

function segLines(e: Evaluation, f: Formatter, pick: (s: Evaluation['segments'][number]) => string): string[] {
  return e.segments.map((s) => `${f.pick(s.name)}: ${pick(s)}`);
}

/** A profit-and-loss line's check: the segments' amounts summed, equal to the bank's figure. */
function sumLine(e: Evaluation, f: Formatter, key: 'netInterestIncome' | 'depositMargin' | 'feeIncome' | 'operatingCost' | 'expectedLoss'): string {
  return `${f.money(e.segments.reduce((a, x) => a + x[key], 0))} = ${f.money(e.profitability[key])}`;
}

/** The per-yuan terms behind a scenario's figures: the same segment-economics calls evaluate() makes. */
function termsOf(s: Scenario): SegmentTerms[] {
  return scenarioTerms(s);
}

const EXPLAINERS: Record<MetricKey, Explainer> = {
  netProfit: (e, s, f) => {
    const p = e.profitability;
    const fixed = e.segments.some((x) => x.pricing.gapBp > 0) ? evaluate(s, { book: 'heldFixed' }).profitability.netProfit : null;
    return {
      formula: {
        zh: '净利润 = (净利息收入 + 存款FTP净收益 + 中间业务收入 − 运营成本 − 资金缺口溢价 − 预期损失) × (1 − 税率)',
        en: 'Net profit = (NII + deposit margin + fees − operating cost − funding-gap premium − EL) × (1 − tax rate)',
      },
      lines: [
        `(${f.money(p.netInterestIncome)} + ${f.money(p.depositMargin)} + ${f.money(p.feeIncome)} − ${f.money(p.operatingCost)} − ${f.money(p.fundingCost)} − ${f.money(p.expectedLoss)}) × (1 − ${f.percent(s.market.taxRate, 0)}) = ${f.money(p.netProfit)}`,
        ...e.segments.map(
          (x) =>
            `${f.pick(x.name)}: ${f.money(x.netInterestIncome)} + ${f.money(x.depositMargin)} + ${f.money(x.feeIncome)} − ${f.money(x.operatingCost)} − ${f.money(x.fundingCost)} − ${f.money(x.expectedLoss)} = ${f.money(x.preTaxProfit)}`,
        ),
        ...(fixed === null
          ? []
          : [
              f.lang === 'zh'
                ? `若客户不因定价流失、借款人不变差（账面不变）：${f.money(fixed)} — 这不是会发生的结果`
                : `Were no client to respond to the price (book held fixed): ${f.money(fixed)} — not what would happen`,
            ]),
      ],
      source: SRC_MODEL,
    };
  },
  netInterestIncome: (e, s, f) => ({
    formula: { zh: 'NII = Σ 贷款 × (利率 − 期限加权FTP)，利率 = LPR + 加点', en: 'NII = Σ loans × (rate − tenor-weighted FTP), rate = LPR + spread' },
    lines: [
      ...e.segments.map((x) => `${f.pick(x.name)}: ${f.money(x.loans)} × (${f.percent(x.rate)} − ${f.percent(x.ftpRate)}) = ${f.money(x.netInterestIncome)}`),
      sumLine(e, f, 'netInterestIncome'),
      ...e.segments.map((x) =>
        f.lang === 'zh'
          ? `${f.pick(x.name)}利率：LPR ${f.percent(marketRates(s).lpr)} + ${x.spreadBp.toFixed(1)}基点；需求保留${f.percent(x.pricing.demandKept, 0)}`
          : `${f.pick(x.name)} rate: LPR ${f.percent(marketRates(s).lpr)} + ${x.spreadBp.toFixed(1)} bp; demand kept ${f.percent(x.pricing.demandKept, 0)}`,
      ),
    ],
    source: {
      zh: '2019年LPR改革后贷款按LPR加点定价（2007年原文用基准利率上浮，如上浮10% = 基准×1.10）；内部资金转移定价按期限',
      en: 'loans priced as LPR + spread since the 2019 LPR reform (the 2007 source floats over the benchmark: 上浮10% = benchmark × 1.10); FTP by tenor bucket',
    },
  }),
  depositMargin: (e, s, f) => {
    const t = termsOf(s);
    return {
      formula: {
        zh: '存款FTP净收益 = Σ 存款 × (存款FTP收益 − 存款付息率)，存款 = 派生存款率 × 贷款',
        en: 'Deposit margin = Σ deposits × (FTP credit − deposit rate), deposits = deposits per loan × loans',
      },
      lines: [
        ...e.segments.map(
          (x, i) =>
            `${f.pick(x.name)}: ${f.money(x.deposits)} × (${f.percent(t[i].depositMarginRate + t[i].depositRate)} − ${f.percent(t[i].depositRate)}) = ${f.money(x.depositMargin)}`,
        ),
        sumLine(e, f, 'depositMargin'),
      ],
      source: SRC_MODEL,
    };
  },
  feeIncome: (e, s, f) => ({
    formula: { zh: '中间业务收入 = Σ 客户数 × 户均中间业务收入', en: 'Fee income = Σ clients × fee income per client' },
    lines: [
      ...e.segments.map((x, i) => `${f.pick(x.name)}: ${x.clients} × ${f.clientMoney(s.segments[i].feePerClient)} = ${f.money(x.feeIncome)}`),
      sumLine(e, f, 'feeIncome'),
    ],
    source: {
      zh: '源文章：中小企业带来负债、中间业务、国际、电子银行、信用卡业务',
      en: 'source article: SMEs bring deposit, fee, international, e-banking and card business',
    },
  }),
  operatingCost: (e, s, f) => ({
    formula: {
      zh: '运营成本 = Σ 客户数 × 户均服务成本 + ⌈客户数 / 管户数⌉ × 客户经理人均成本 + 年流失率 × 客户数 × 获客成本',
      en: 'Operating cost = Σ clients × servicing cost + ⌈clients / clients per manager⌉ × manager cost + attrition × clients × cost to win a client',
    },
    lines: [
      ...e.segments.map(
        (x, i) =>
          `${f.pick(x.name)}: ${x.clients} × ${f.clientMoney(s.segments[i].servicingCostPerClient)} + ${x.managersNeeded} × ${f.clientMoney(s.levers.managerCost)} + ${f.percent(x.attrition, 1)} × ${x.clients} × ${f.clientMoney(s.segments[i].acquisitionCostPerClient)} = ${f.money(x.operatingCost)}`,
      ),
      sumLine(e, f, 'operatingCost'),
    ],
    source: {
      zh: '获客成本由流失率决定：源文章引用的调查，只有1个产品的客户一年内约一半流失，2个约1/3，3个及以上约10%',
      en: 'the cost of replacing clients follows attrition: per the survey the source cites, about half of one-product clients leave within a year, a third of two-product clients, 10% with three or more',
    },
  }),
  expectedLoss: (e, s, f) => ({
    formula: {
      zh: 'EL = Σ 贷款 × PD × LGD；PD含压力乘数、逆向选择与超出客群的恶化',
      en: 'EL = Σ loans × PD × LGD; PD with the stress multiplier, adverse selection and the franchise',
    },
    lines: [
      ...e.segments.map(
        (x, i) => `${f.pick(x.name)}: ${f.money(x.loans)} × ${f.percent(x.pd, 3)} × ${f.percent(s.segments[i].lgd, 0)} = ${f.money(x.expectedLoss)}`,
      ),
      sumLine(e, f, 'expectedLoss'),
    ],
    source: { zh: '巴塞尔II：预期损失 = PD × LGD × EAD', en: 'Basel II: expected loss = PD × LGD × EAD' },
  }),
  roa: (e, _s, f) => ({
    formula: { zh: 'ROA = 净利润 / 对公贷款', en: 'ROA = net profit / corporate loans' },
    lines: [`${f.money(e.profitability.netProfit)} / ${f.money(e.segments.reduce((a, x) => a + x.loans, 0))} = ${f.percent(e.profitability.roa)}`],
    source: SRC_MODEL,
  }),
  raroc: (e, s, f) => ({
    formula: { zh: 'RAROC = 净利润 / 经济资本；与资本成本（门槛回报率）比较', en: 'RAROC = net profit / economic capital; compared with the hurdle rate' },
    lines: [
      `${f.money(e.profitability.netProfit)} / ${f.money(e.safety.economicCapital)} = ${f.percent(e.profitability.raroc)}${NOTE}${f.lang === 'zh' ? '门槛' : 'hurdle'} ${f.percent(s.market.hurdleRate, 1)}`,
    ],
    source: { zh: '风险调整资本回报率（Bankers Trust 1970年代）；模型说明 §3', en: 'risk-adjusted return on capital (Bankers Trust, 1970s); model notes §3' },
  }),
  eva: (e, s, f) => ({
    formula: { zh: 'EVA = 净利润 − 资本成本 × 经济资本', en: 'EVA = net profit − hurdle rate × economic capital' },
    lines: [
      `${f.money(e.profitability.netProfit)} − ${f.percent(s.market.hurdleRate, 1)} × ${f.money(e.safety.economicCapital)} = ${f.money(e.profitability.eva)}`,
    ],
    source: SRC_MODEL,
  }),
  costIncomeRatio: (e, _s, f) => ({
    formula: {
      zh: '成本收入比 = 运营成本 / (净利息收入 + 存款FTP净收益 + 中间业务收入)',
      en: 'Cost-to-income = operating cost / (NII + deposit margin + fees)',
    },
    lines: [`${f.money(e.profitability.operatingCost)} / ${f.money(e.profitability.operatingIncome)} = ${f.percent(e.profitability.costIncomeRatio)}`],
    source: SRC_MODEL,
  }),
  economicCapital: (e, s, f) => ({
    formula: {
      zh: `EC = Σ 贷款 × (LGD × Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(${EC_CONFIDENCE})) / √(1−ρ)) − PD × LGD)（颗粒化闭式解）`,
      en: `EC = Σ loans × (LGD × Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(${EC_CONFIDENCE})) / √(1−ρ)) − PD × LGD) (granular closed form)`,
    },
    lines: [
      ...e.segments.map(
        (x, i) =>
          `${f.pick(x.name)}: PD ${f.percent(x.pd, 3)}, LGD ${f.percent(s.segments[i].lgd, 0)}, ρ ${x.correlation.toFixed(4)} → ${f.money(x.economicCapital)}`,
      ),
      `= ${f.money(e.safety.economicCapital)}`,
    ],
    source: SRC_VASICEK,
  }),
  rwa: (e, s, f) => ({
    formula:
      s.settings.capitalApproach === 'irb'
        ? {
            zh: `RWA = max(Σ 12.5 × K(PD, LGD, M) × ${s.settings.irbScalingFactor} × 贷款, ${s.settings.outputFloor * 100}% × 权重法RWA) + 其他风险加权资产（内部评级法，资本底线）`,
            en: `RWA = max(Σ 12.5 × K(PD, LGD, M) × ${s.settings.irbScalingFactor} × loans, ${s.settings.outputFloor * 100}% × standardized RWA) + other RWA (IRB with the output floor)`,
          }
        : {
            zh: 'RWA = Σ 贷款 × 风险权重 + 其他风险加权资产（权重法；单户超1,000万元的小微按85%）',
            en: 'RWA = Σ loans × risk weight + other RWA (standardized; small obligors above CNY 10 m at 85%)',
          },
    lines: [
      ...e.segments.map((x) => `${f.pick(x.name)}: ${f.money(x.loans)} × ${f.percent(x.loans ? x.rwa / x.loans : 0, 2)} = ${f.money(x.rwa)}`),
      ...(s.settings.capitalApproach === 'irb'
        ? [
            `max(${f.money(e.segments.reduce((a, x) => a + x.rwa, 0))}, ${f.percent(s.settings.outputFloor, 1)} × ${f.money(e.safety.corporateRwaStandardized)}) = ${f.money(e.safety.corporateRwa)}`,
          ]
        : []),
      `${f.money(e.safety.corporateRwa)} + ${f.money(s.bank.otherRwa)} = ${f.money(e.safety.rwa)}`,
    ],
    source:
      s.settings.capitalApproach === 'irb'
        ? { zh: '巴塞尔II第272–273段内部评级法公式；巴塞尔III最终版资本底线72.5%', en: 'Basel II ¶272–273 IRB formula; Basel III final output floor 72.5%' }
        : SRC_CAP,
  }),
  capitalAdequacyRatio: (e, s, f) => ({
    formula: { zh: '资本充足率 = 资本净额 / 风险加权资产', en: 'Capital adequacy ratio = net capital / RWA' },
    lines: [
      `${f.money(s.bank.netCapital)} / ${f.money(e.safety.rwa)} = ${f.percent(e.safety.capitalAdequacyRatio)}${NOTE}≥ ${f.percent(LIMITS.capitalAdequacyRatio, 1)}`,
    ],
    source: SRC_CAP,
  }),
  hhi: (e, _s, f) => ({
    formula: {
      zh: 'HHI = Σ (单户贷款 / 贷款总额)²；各层客户规模按对数正态分位数网格生成',
      en: 'HHI = Σ (client loans / total loans)²; client sizes on the lognormal quantile grid',
    },
    lines: [`HHI = ${e.safety.hhi.toFixed(5)}`, ...segLines(e, f, (x) => `${x.clients} × ${f.money(x.loans / Math.max(1, x.clients))}`)],
    source: { zh: '赫芬达尔-赫希曼指数；模型说明 §2', en: 'Herfindahl–Hirschman index; model notes §2' },
  }),
  effectiveClients: (e, _s, f) => ({
    formula: {
      zh: '有效客户数 = 1 / HHI：同等集中度下“等额客户”的个数',
      en: 'Effective clients = 1 / HHI: how many equal clients would give the same concentration',
    },
    lines: [
      `1 / ${e.safety.hhi.toFixed(5)} = ${e.safety.effectiveClients.toFixed(0)} (${e.safety.clients} ${f.lang === 'zh' ? '户实际客户' : 'actual clients'})`,
    ],
    source: { zh: '赫芬达尔-赫希曼指数的倒数', en: 'inverse of the Herfindahl–Hirschman index' },
  }),
  largestClientToCapital: (e, s, f) => ({
    formula: { zh: '单一客户贷款集中度 = 最大一家客户贷款 / 资本净额 ≤ 10%', en: 'Single-client concentration = largest client’s loans / net capital ≤ 10%' },
    lines: [`${f.money(e.safety.largestClient)} / ${f.money(s.bank.netCapital)} = ${f.percent(e.safety.largestClientToCapital)}`],
    source: { zh: '《商业银行法》第39条；《商业银行风险监管核心指标》（2005）', en: 'Commercial Bank Law Art. 39; core regulatory indicators (2005)' },
  }),
  top10ToCapital: (e, s, f) => ({
    formula: { zh: '最大十家客户贷款比例 = 最大十家客户贷款 / 资本净额 ≤ 50%', en: 'Top-10 ratio = loans to the ten largest clients / net capital ≤ 50%' },
    lines: [`${f.money(e.safety.top10Loans)} / ${f.money(s.bank.netCapital)} = ${f.percent(e.safety.top10ToCapital)}`],
    source: { zh: '人民银行监测指标“最大十家客户贷款比例”', en: 'PBoC monitoring ratio 最大十家客户贷款比例' },
  }),
  lcr: (e, s, f) => ({
    formula: {
      zh: `LCR = 合格优质流动性资产 / (30天现金流出 − min(流入, 75%×流出))；对公存款流失：经营性${LCR_FACTORS.operational * 100}%、非经营性${LCR_FACTORS.nonOperationalCorporate * 100}%；小企业存款按零售${LCR_FACTORS.smallBusiness * 100}%；未提用授信${LCR_FACTORS.undrawnCreditFacility * 100}%；30天内到期贷款流入${LCR_FACTORS.loanInflow * 100}%；存款挤兑以优质流动性资产支付`,
      en: `LCR = HQLA / (30-day outflows − min(inflows, 75% × outflows)); corporate deposits run off ${LCR_FACTORS.operational * 100}% operational, ${LCR_FACTORS.nonOperationalCorporate * 100}% other; small-business deposits as retail ${LCR_FACTORS.smallBusiness * 100}%; undrawn credit lines ${LCR_FACTORS.undrawnCreditFacility * 100}%; loans due within 30 days flow in at ${LCR_FACTORS.loanInflow * 100}%; a deposit run is paid out of HQLA`,
    },
    lines: [
      `${f.money(e.liquidity.hqla)} / (${f.money(e.liquidity.outflows30d)} − ${f.money(e.liquidity.inflows30d)}) = ${f.percent(e.liquidity.lcr, 1)}`,
      `${f.money(s.bank.hqla)} − ${f.money(e.liquidity.depositRun)} = ${f.money(e.liquidity.hqla)}${NOTE}${f.lang === 'zh' ? '优质流动性资产减去挤兑支付' : 'HQLA less the run paid out of it'}`,
      `${f.lang === 'zh' ? '同业融资（补足资金缺口）' : 'wholesale funding (fills the gap)'}: ${f.money(e.liquidity.wholesaleFunding)}`,
    ],
    source: SRC_LCR,
  }),
  nsfr: (e, _s, f) => ({
    formula: {
      zh: `NSFR = 可用稳定资金 / 所需稳定资金；可用：资本100%、小企业存款${NSFR_FACTORS.smallBusiness * 100}%、对公存款${NSFR_FACTORS.corporate * 100}%；所需：1年内贷款${NSFR_FACTORS.loanUnder1y * 100}%、1年以上贷款${NSFR_FACTORS.loanOver1yOther * 100}%`,
      en: `NSFR = available / required stable funding; ASF: capital 100%, small-business deposits ${NSFR_FACTORS.smallBusiness * 100}%, corporate deposits ${NSFR_FACTORS.corporate * 100}%; RSF: loans < 1y ${NSFR_FACTORS.loanUnder1y * 100}%, ≥ 1y ${NSFR_FACTORS.loanOver1yOther * 100}%`,
    },
    lines: [`${f.money(e.liquidity.availableStableFunding)} / ${f.money(e.liquidity.requiredStableFunding)} = ${f.percent(e.liquidity.nsfr, 1)}`],
    source: SRC_NSFR,
  }),
  loanToDeposit: (e, _s, f) => ({
    formula: { zh: '存贷比 = (对公贷款 + 个人贷款) / (对公存款 + 个人存款)', en: 'LDR = (corporate + retail loans) / (corporate + retail deposits)' },
    lines: [`${f.money(e.liquidity.totalLoans)} / ${f.money(e.liquidity.totalDeposits)} = ${f.percent(e.liquidity.loanToDeposit, 1)}`],
    source: {
      zh: '2015年《商业银行法》修订后不再作为监管上限，仅作监测',
      en: 'no longer a legal limit since the 2015 Commercial Bank Law amendment; monitored only',
    },
  }),
  corporateDeposits: (e, s, f) => ({
    formula: { zh: '对公存款 = Σ 贷款 × 派生存款率', en: 'Corporate deposits = Σ loans × deposits per yuan of loans' },
    lines: [
      ...e.segments.map(
        (x, i) => `${f.pick(x.name)}: ${f.money(x.loans)} × ${s.segments[i].depositsPerLoan * (1 - s.stress.depositRunOff)} = ${f.money(x.deposits)}`,
      ),
      `${f.money(e.segments.reduce((a, x) => a + x.deposits, 0))} = ${f.money(e.liquidity.corporateDeposits)}`,
    ],
    source: SRC_MODEL,
  }),
};

export function explain(metric: MetricKey, e: Evaluation, s: Scenario, f: Formatter): Explanation {
  const x = EXPLAINERS[metric](e, s, f);
  return { formula: f.pick(x.formula), substituted: x.lines, source: f.pick(x.source) };
}

export const EXPLAINED_METRICS = Object.keys(EXPLAINERS) as MetricKey[];
