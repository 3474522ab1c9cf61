/**
 * The lessons: seven on the bank's client mix, each grounded in a claim of the source article ("从'砼'字看如何优化银行公司客户结构", README): a short narrative, a
 * starting bank, the levers it opens, a goal checked live, hints and a debrief that names the
 * mechanism and links the glass-box formulas. Text may link glossary terms as `[[id]]` or
 * `[[id|text]]`. Thresholds and the numbers the texts quote were read from `evaluate()` of each
 * lesson's bank (test/training/lessons.test.ts checks that the start fails each goal, a stated
 * solution meets it, and that neither dropping the gravel nor pricing the paste away does). The eighth works on a
 * client's investment portfolio instead of a bank (`kind: 'portfolio'`, portfolio.ts).
 */
import { cloneScenario, demoScenario, evaluate, writePath, type Bilingual, type MetricKey, type Scenario } from '../model';
import type { LessonCommon } from './activity';
import { createContext, type TrainingContext } from './context';
import type { ChoiceCondition, Condition } from './goals';
import { readFigure } from './figures';
import type { LeverDef } from './levers';
import { FIVE_YEAR_MONTE_CARLO, type MonteCarloSpec } from './monte-carlo';
import { PORTFOLIO_LESSON, type PortfolioLessonDef } from './portfolio';

/** Extra displays beside the figures. */
export type LessonPanel = 'concrete' | 'segments' | 'ladder' | 'retention' | 'pace' | 'spreadCurve';

/** A lesson on a bank scenario (`kind` absent means 'bank'). */
export interface BankLessonDef extends LessonCommon {
  kind?: 'bank';
  scenario: Scenario;
  levers: LeverDef[];
  goal: Condition[];
  /** The multi-year Monte Carlo the goal's `mc.*` figures are read from, rerun as the levers move. */
  monteCarlo?: MonteCarloSpec;
  panels: LessonPanel[];
  debrief: LessonCommon['debrief'] & {
    /** Glass-box panels that show the formulas that moved. */
    metrics: MetricKey[];
    /** Panels shown only in the debrief. */
    panels?: LessonPanel[];
  };
}

/** A lesson: on a bank scenario, or on a client's investment portfolio (portfolio.ts). */
export type LessonDef = BankLessonDef | PortfolioLessonDef;

export function isPortfolioLesson(lesson: LessonDef): lesson is PortfolioLessonDef {
  return lesson.kind === 'portfolio';
}

const YI = 1e8;
const WAN = 1e4;

function named(s: Scenario, zh: string, en: string): Scenario {
  return { ...s, name: { zh, en } };
}

/** Which segment scores highest (or lowest) on a figure in the starting bank. */
function argBest(base: TrainingContext, figure: string, sign: 1 | -1): string {
  let best = base.scenario.segments[0].key;
  let bestValue = -Infinity;
  for (const s of base.scenario.segments) {
    const v = sign * readFigure(base, `${figure}.${s.key}`);
    if (v > bestValue) {
      bestValue = v;
      best = s.key;
    }
  }
  return best;
}

/** A question on a figure of the starting bank: the right option is the mark nearest to its value. */
function nearestMarkChoice(id: string, question: Bilingual, figure: string, marks: { id: string; value: number; label: Bilingual }[]): ChoiceCondition {
  return {
    kind: 'choice',
    id,
    question,
    options: marks.map((mk) => ({ id: mk.id, label: mk.label })),
    answer: (base) => {
      const v = readFigure(base, figure);
      return marks.reduce((a, b) => (Math.abs(b.value - v) < Math.abs(a.value - v) ? b : a)).id;
    },
  };
}

/** The segment where one more product per client adds the most net profit (retention saves acquisition cost). */
function mostWorthOneMoreProduct(base: TrainingContext): string {
  const today = base.evaluation.profitability.netProfit;
  const gains = base.scenario.segments.map((seg, i) => ({
    key: seg.key,
    gain: evaluate(writePath(base.scenario, `segments.${i}.productsPerClient`, seg.productsPerClient + 1)).profitability.netProfit - today,
  }));
  return gains.reduce((a, b) => (b.gain > a.gain ? b : a)).key;
}

const TIER_OPTIONS = [
  { id: 'large', label: { zh: '大客户（石子）', en: 'Large clients (gravel)' } },
  { id: 'mid', label: { zh: '中客户（砂）', en: 'Mid-sized clients (sand)' } },
  { id: 'small', label: { zh: '小客户（水泥浆）', en: 'Small clients (cement paste)' } },
];

/** The seven bank lessons. */
export const BANK_LESSONS: readonly BankLessonDef[] = [
  // 1. Source: the 砼 metaphor, "配合比 … 和易性、强度、耐久性、经济性" ↔ "安全性、效益性、流动性".
  {
    id: 'concrete-mix',
    number: 1,
    title: { zh: '砼的配比', en: 'The concrete mix' },
    claim: {
      zh: '“砼”：石子是骨架，砂填充空隙，水泥浆胶结一切；配合比要同时满足和易性、强度、经济性——银行的客户结构要同时满足流动性、安全性、效益性。',
      en: '砼 (concrete): gravel is the skeleton, sand fills the gaps, cement paste binds everything; the mix must be workable, strong and economical at once, as a client mix must satisfy liquidity, safety and profitability.',
    },
    minutes: 5,
    narrative: [
      {
        zh: '[[tong|砼]]字由“人、工、石”组成，就是混凝土。工程师按计算设计[[mixDesign|配合比]]：[[gravel|石子]]是骨架，[[sand|砂]]填充石子间的空隙，[[cement|水泥浆]]包裹每一颗骨料、让拌合物能流动，硬化后把整体胶结在一起。',
        en: 'The character [[tong|砼]] is concrete. An engineer calculates the [[mixDesign|mix]]: [[gravel]] is the skeleton, [[sand]] fills the gaps between the stones, and [[cement|cement paste]] coats every grain, lets the fresh mix flow and, once hard, binds it into one body.',
      },
      {
        zh: '银行的公司客户也是这样：大客户是石子，中客户是砂，小客户（中小企业）是水泥浆。“倒金字塔银行”的大客户占贷款65%——石子太多，砂和水泥浆太少，同时违背了[[threePrinciples|三性原则]]：安全性、效益性、流动性。',
        en: 'A bank\'s corporate clients are the same: large clients are the gravel, mid-sized clients the sand, small clients (SMEs) the cement paste. "The inverted-pyramid bank" lends 65% to large clients: too much gravel, too little sand and paste, and it fails the [[threePrinciples|three principles]] of safety, profitability and liquidity.',
      },
      {
        zh: '但配比不是“越少石子越好”：没有骨架，混凝土也承不住荷载。每一层客户都有本行的客户基础，砂和水泥浆加得超出它，只能接受别的银行拒绝的借款人、让出价格。',
        en: 'But the mix is not "the less gravel the better": without a skeleton concrete carries no load. Each tier has a franchise, the clients the bank knows; sand and paste beyond it mean borrowers other banks turned down, and lower prices.',
      },
    ],
    scenario: named(cloneScenario(demoScenario), '倒金字塔银行（第1课）', 'The inverted-pyramid bank (lesson 1)'),
    levers: [{ kind: 'mix' }],
    task: {
      zh: '只动客户结构，设计一个同时满足三性的配比：强度——[[CAR|资本充足率]]≥11.5%；和易性——[[LCR]]≥110%；经济性——净利润≥8.30亿元（今天7.86亿元）。',
      en: 'Moving only the mix, design one that meets all three principles: strength, [[CAR|capital adequacy]] ≥ 11.5%; workability, [[LCR]] ≥ 110%; economy, net profit ≥ CNY 0.83 bn (today CNY 0.79 bn).',
    },
    goal: [
      { kind: 'figure', figure: 'capitalAdequacyRatio', op: '>=', value: 0.115 },
      { kind: 'figure', figure: 'lcr', op: '>=', value: 1.1 },
      { kind: 'figure', figure: 'netProfit', op: '>=', value: 8.3 * YI },
    ],
    figures: ['capitalAdequacyRatio', 'lcr', 'netProfit', 'share.large', 'raroc'],
    panels: ['concrete'],
    hints: [
      {
        zh: '石子太多了：把“大客户”滑块向左移（键盘：先用Tab键选中滑块，再按←键，每次1个百分点；Page Down每次10个百分点）。',
        en: 'Too much gravel: move the "Large clients" slider left (keyboard: Tab to the slider, then ← moves 1 point, Page Down 10 points).',
      },
      {
        zh: '每移动一次，看右侧三项指标的变化方向：资本充足率和LCR一直上升，净利润却先升后降。',
        en: 'After each move watch the direction of the three figures: capital adequacy and the LCR keep rising, but net profit rises and then falls.',
      },
      {
        zh: '大客户在约40%时净利润达到8.31亿元；再把小客户提高到约30%，最高约8.42亿元（约27/42/31）。大客户低于约15%，8.30亿元就够不着了。',
        en: 'With large clients at about 40% net profit reaches CNY 0.831 bn; raise the small clients to about 30% as well and it peaks near CNY 0.842 bn (about 27/42/31). Below about 15% large clients, CNY 0.83 bn is out of reach.',
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: '把贷款从大客户挪到中小客户：中小客户按LPR加点定价（中客户LPR+24基点，约上浮8%；小客户LPR+80基点，约上浮27%），大客户是LPR−24基点（约下浮8%），净利润上升；小企业存款在LCR中只按10%流失（对公非经营性存款40%），短期贷款还带来现金流入，LCR上升；中小企业风险权重85%和75%低于一般企业的100%，风险加权资产下降，资本充足率上升。',
          en: 'Moving loans from large to smaller clients: smaller clients pay a spread over LPR (mid LPR + 24 bp, about +8%; small LPR + 80 bp, about +27%) while large clients borrow at LPR − 24 bp (about −8%), so net profit rises; small-business deposits run off at only 10% in the LCR (non-operational corporate deposits 40%) and short loans bring inflows, so the LCR rises; SME risk weights of 85% and 75% are below the general corporate 100%, so RWA falls and the capital ratio rises.',
        },
        {
          zh: '但利润不是越少石子越好：中客户超过贷款的35%、小客户超过30%（本行的客户基础），新增的借款人违约率更高、价格更低；大客户的结算存款是便宜的资金，户均服务成本也低。所以净利润在约27/42/31时最高，大客户降到0%时只剩约7.7亿元，比今天还少。资本充足率和LCR仍随石子减少而上升——三性要一起设计，不是把一个指标推到头。',
          en: "But profit is not \"the less gravel the better\": beyond 35% of loans for mid clients and 30% for small ones (the bank's franchise), the new borrowers default more and pay less; large clients' settlement deposits are cheap funding and cost little to serve per yuan. So net profit peaks near 27/42/31, and with no large clients at all it falls to about CNY 0.77 bn, below today's. Capital adequacy and the LCR still rise as gravel goes: the three principles are designed together, not one figure pushed to its end.",
        },
        {
          zh: '这就是源文章的处方“增加中小企业客户”，而配比要与工程相称：下一课看“倒金字塔”究竟哪里出了问题。',
          en: 'This is the source\'s prescription, "add SMEs", with a mix that suits the project: the next lesson looks at what exactly is wrong with the inverted pyramid.',
        },
      ],
      metrics: ['netProfit', 'lcr', 'capitalAdequacyRatio', 'rwa'],
      terms: ['threePrinciples', 'mixDesign', 'LCR', 'CAR'],
    },
  },
  // 2. Source: "倒金字塔型"客户结构 → 利润空间收窄、收益与风险不匹配（集中于少数客户）.
  {
    id: 'inverted-pyramid',
    number: 2,
    title: { zh: '倒金字塔', en: 'The inverted pyramid' },
    claim: {
      zh: '国有商业银行围绕“大行业、大客户、财政性客户、重点项目”制定客户策略，形成“倒金字塔型”客户结构：利润空间收窄（大客户压价），收益与风险不匹配（集中于少数客户）。',
      en: 'The big banks built their client strategy around big industries, big clients, fiscal clients and key projects, and got an "inverted pyramid": shrinking margins (large clients bargain the price down) and returns that do not match the risk (concentration in a few names).',
    },
    minutes: 7,
    narrative: [
      {
        zh: '先诊断，再开药方。右侧是“倒金字塔银行”各层客户的利润表。156户大客户拿走了65%的贷款；2,656户客户按集中度只相当于约276户等额客户（[[effectiveClients|有效客户数]]）。',
        en: "Diagnose before you prescribe. On the right is the inverted-pyramid bank's profit by tier. 156 large clients hold 65% of the loans; by concentration its 2,656 clients count as only about 276 equal ones ([[effectiveClients|effective clients]]).",
      },
      {
        zh: '监管给集中度设了两道线：[[singleClient|单一客户贷款集中度]]不超过[[netCapital|资本净额]]的10%，[[top10|最大十家客户贷款比例]]不超过50%。这家银行的最大十家已达49.5%，几乎贴线。',
        en: "The regulator sets two lines: the [[singleClient|largest client]] at most 10% of [[netCapital|net capital]], the [[top10|top ten]] at most 50%. This bank's top ten are at 49.5%, almost on the line.",
      },
    ],
    scenario: named(cloneScenario(demoScenario), '倒金字塔银行（第2课）', 'The inverted-pyramid bank (lesson 2)'),
    levers: [{ kind: 'mix' }],
    task: {
      zh: '先回答两个诊断问题（答案按起始银行的数字判断），再调整结构：最大十家客户贷款比例≤45%，有效客户数≥400，净利润不低于今天的7.86亿元。',
      en: "Answer the two diagnosis questions (judged on the starting bank's numbers), then change the mix: top-10 ratio ≤ 45%, effective clients ≥ 400, and net profit no lower than today's CNY 0.79 bn (7.86 亿元).",
    },
    goal: [
      {
        kind: 'choice',
        id: 'most-profit',
        question: { zh: '起始银行的税前利润主要来自哪一层客户？', en: 'Which tier brings the starting bank the most pre-tax profit?' },
        options: TIER_OPTIONS,
        answer: (base) => argBest(base, 'segmentProfit', 1),
      },
      {
        kind: 'choice',
        id: 'thinnest-margin',
        question: { zh: '哪一层客户每元贷款赚得最少？', en: 'Which tier earns the least per yuan of loans?' },
        options: TIER_OPTIONS,
        answer: (base) => argBest(base, 'margin', -1),
      },
      { kind: 'figure', figure: 'top10ToCapital', op: '<=', value: 0.45 },
      { kind: 'figure', figure: 'effectiveClients', op: '>=', value: 400 },
      { kind: 'figure', figure: 'netProfit', op: '>=', value: evaluate(demoScenario).profitability.netProfit },
    ],
    figures: ['top10ToCapital', 'effectiveClients', 'netProfit', 'largestClientToCapital', 'margin.large'],
    panels: ['segments'],
    hints: [
      {
        zh: '看分层表：哪一行“税前利润”最大？哪一行“税前利润/贷款”最小？',
        en: 'Read the tier table: which row has the largest pre-tax profit, which the smallest pre-tax profit per loan?',
      },
      {
        zh: '大客户利润总额最大，是因为贷款最多；但大客户按LPR−24基点（约下浮8%）定价、每元贷款赚得最少——这就是“利润空间收窄”。',
        en: 'Large clients make the most profit in total because they hold most loans; priced at LPR − 24 bp (about 8% below LPR) they earn the least per yuan: the "shrinking margin".',
      },
      {
        zh: '大客户降到约40%，集中度和有效客户数都能达标；但别一路降到底——只把大客户滑块降到约10%，净利润就跌破今天的水平。',
        en: "Large clients at about 40% meet both concentration goals; but do not go all the way: with the large-client slider alone down to about 10%, net profit falls under today's.",
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: '集中度来自少数大额客户：最大十家的贷款除以资本净额。减少石子、增加砂和水泥浆，客户数增加、单户规模变小，HHI下降，有效客户数上升——收益不再押在少数客户身上。',
          en: 'Concentration comes from a few big names: the ten largest loans over net capital. Less gravel and more sand and paste means more, smaller clients, a lower HHI and more effective clients: returns no longer ride on a few names.',
        },
        {
          zh: '同时利润并未下降：大客户是LPR−24基点（约下浮8%），中、小客户是LPR+24基点和LPR+80基点（约上浮8%和27%），每元贷款的利润更高。“倒金字塔”的病根不是大客户本身，而是配比：大客户太少同样赚得更少（第1课）。',
          en: 'And profit did not fall: large clients borrow at LPR − 24 bp (about 8% below), mid and small clients at LPR + 24 bp and LPR + 80 bp (about 8% and 27% above), earning more per yuan. The illness of the inverted pyramid is not the large clients, it is the mix: too few large clients earns less too (lesson 1).',
        },
      ],
      metrics: ['top10ToCapital', 'largestClientToCapital', 'hhi', 'effectiveClients', 'netProfit'],
      terms: ['invertedPyramid', 'top10', 'singleClient', 'HHI'],
    },
  },
  // 3. Source: "银行对中小企业贷款有定价权 … 平均上浮10%以上".
  {
    id: 'pricing-power',
    number: 3,
    title: { zh: '定价权', en: 'Pricing power' },
    claim: {
      zh: '中小企业是新的利润来源：银行对中小企业贷款有定价权，其利率平均在基准利率基础上“上浮10%”以上，明显高于其他贷款（2007年原文的说法；今天按LPR加点定价，LPR 3.00%时上浮10%约相当于LPR+30基点）。',
      en: 'SMEs are a new source of profit: banks have pricing power over SME loans, priced on average more than 10% above the benchmark ("上浮10%"), well above other loans (the 2007 source\'s convention; today loans are priced at a spread over LPR, and +10% at an LPR of 3.00% is about LPR + 30 bp).',
    },
    minutes: 7,
    narrative: [
      {
        zh: '2019年LPR改革后，贷款利率是[[LPR]]加点：小客户的利率 = LPR + 加点。同业对小客户的定价是LPR+80基点（约[[markup|上浮]]27%，利率3.80%），本行也是。能不能再高一点？',
        en: "Since the 2019 LPR reform a loan is priced at [[LPR]] plus a spread: a small client pays LPR + spread. Competitors charge small clients LPR + 80 bp (about 27% above LPR in the source's [[markup|float]] convention, 3.80%), and so does this bank. Can it charge more?",
      },
      {
        zh: '可以，这就是[[pricingPower|定价权]]：中小企业的替代选择少。但每比市场高10个基点，就会流失一部分新需求（[[demandElasticity|需求弹性]]），而留下来的客户风险更高（[[adverseSelection|逆向选择]]）。本课的数字是“稳态”：全部小客户贷款都按新价格重新定价之后。',
        en: "It can: that is [[pricingPower|pricing power]], SMEs have few alternatives. But each 10 bp above the market loses part of the demand ([[demandElasticity|demand elasticity]]) and those who stay are riskier ([[adverseSelection|adverse selection]]). The lesson's figures are the steady state, once every small-client loan has repriced.",
      },
    ],
    scenario: named(cloneScenario(demoScenario), '倒金字塔银行（第3课）', 'The inverted-pyramid bank (lesson 3)'),
    levers: [{ kind: 'input', path: 'segments.2.spreadBp', min: -50, max: 250, step: 5 }],
    task: {
      zh: '只调小客户的LPR加点，找到使净利润最大的加点：净利润与最优值相差不超过0.01亿元（100万元）。',
      en: "Moving only the small clients' spread over LPR, find the one that maximises net profit: within CNY 1 m (0.01 亿元) of the best.",
    },
    goal: [{ kind: 'figure', figure: 'profitGapToBest.small', op: '<=', value: 0.01 * YI }],
    figures: ['profitGapToBest.small', 'netProfit', 'demandKept.small', 'pdAfterSelection.small', 'netInterestIncome'],
    panels: [],
    hints: [
      {
        zh: '先试一个很高的加点，比如LPR+250基点（约上浮83%），再试LPR+120基点（约上浮40%）：净利润在哪边更高？',
        en: 'Try a very high spread, say LPR + 250 bp (about +83%), then LPR + 120 bp (about +40%): where is net profit higher?',
      },
      {
        zh: '每次改动后看“保留的贷款需求”和“PD（含逆向选择）”：利息更高，但贷款更少、损失更多。',
        en: 'After each change watch "loan demand kept" and "PD with adverse selection": more interest, but fewer loans and more losses.',
      },
      {
        zh: '最优值在LPR+120到150基点之间（约上浮40%到50%）：在这个范围里每次改5个基点，看“距小客户最优定价的净利润差”；讲评里有整条曲线。',
        en: 'The best lies between LPR + 120 and 150 bp (about +40% to +50%): move 5 bp at a time in that range and watch "net profit short of the best spread"; the debrief shows the whole curve.',
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: '每元贷款的利息随加点线性增加，但高于市场加点的部分，需求按exp(−弹性×超出基点/10)减少，PD按(1+斜率×超出基点/10)上升（[[adverseSelection|逆向选择]]）。利润先升后降：在最优点（约LPR+135基点，约上浮45%），再多收1个基点带来的利息恰好等于流失贷款的利润和新增的预期损失。',
          en: "Interest per yuan rises linearly with the spread, but above the market's spread demand falls as exp(−elasticity × bp above / 10) and the PD rises as (1 + slope × bp above / 10) ([[adverseSelection|adverse selection]]). Profit rises, then falls: at the best spread (about LPR + 135 bp, about +45%) one more basis point earns exactly what the lost loans and the extra expected loss cost.",
        },
        {
          zh: '代价是：在利润最大的价格上，四分之一以上的小客户需求流失了（120亿元贷款剩约86亿元）——水泥浆变少了，小客户的存款也随贷款一起减少；净利润只比市场价（7.86亿元）多约500万元。再往上加，利润反而减少。定价权是真实的，但不是无限的；小客户占比越高，同样的加点流失的贷款越多（挑战中的“信贷投放计划”）。下一课看水泥浆对流动性的作用。',
          en: "The price: at the profit-maximising spread more than a quarter of small-client demand is gone (CNY 12 bn of loans becomes about 8.6 bn), less cement paste, and the small clients' deposits shrink with their loans; net profit is only about CNY 5 m above the market price's (CNY 0.786 bn). Beyond it profit falls. Pricing power is real, but not unlimited; the larger the small clients' share, the more loans the same spread loses (the challenges' loan plan). The next lesson shows what the paste does for liquidity.",
        },
      ],
      metrics: ['netInterestIncome', 'expectedLoss', 'netProfit'],
      terms: ['pricingPower', 'demandElasticity', 'adverseSelection', 'markup'],
      panels: ['spreadCurve'],
    },
  },
  // 4. Source: "中小企业信贷需求以短期（一年以内）为主 … 缩短资产期限".
  {
    id: 'liquidity',
    number: 4,
    title: { zh: '流动性', en: 'Liquidity' },
    claim: {
      zh: '中小企业贷款分散风险、增加流动性：其信贷需求以短期（一年以内）为主，缩短了资产期限，降低了贷款集中风险。',
      en: 'SME lending diversifies risk and adds liquidity: SME credit needs are mostly short-term (within a year), which shortens the asset side and lowers loan concentration.',
    },
    minutes: 8,
    narrative: [
      {
        zh: '这家银行的[[HQLA|合格优质流动性资产]]只有360亿元，[[LCR|流动性覆盖率]]跌到88.5%，低于100%的监管下限。',
        en: 'This bank holds only CNY 36 bn of [[HQLA]], and its [[LCR]] has fallen to 88.5%, below the 100% floor.',
      },
      {
        zh: '看[[maturityLadder|期限结构]]：大客户的项目贷款35%在5年以上，小客户的贷款85%在一年以内。负债一侧，小企业存款在LCR中按零售处理，30天流失10%；对公非经营性存款流失40%。[[NSFR|净稳定资金比例]]对一年以上贷款要求85%的稳定资金，一年以内只要50%。',
        en: "Read the [[maturityLadder|maturity ladder]]: 35% of large clients' project loans run over five years, 85% of small clients' loans within one. On the funding side, small-business deposits count as retail in the LCR and run off 10% in 30 days; non-operational corporate deposits 40%. The [[NSFR]] asks 85% stable funding for loans over a year, 50% for shorter ones.",
      },
    ],
    scenario: named(writePath(cloneScenario(demoScenario), 'bank.hqla', 360 * YI), '流动性偏紧的倒金字塔银行', 'The inverted-pyramid bank, short of liquidity'),
    levers: [{ kind: 'mix' }],
    task: {
      zh: '只动客户结构，让LCR回到100%以上，NSFR≥116%，一年内到期的对公贷款占比≥45%，净利润不低于今天的7.86亿元。',
      en: "Moving only the mix, bring the LCR back to 100% or more, the NSFR to 116% or more, loans due within a year to 45% of the corporate book or more, and keep net profit at today's CNY 0.79 bn (7.86 亿元) or more.",
    },
    goal: [
      { kind: 'figure', figure: 'lcr', op: '>=', value: 1 },
      { kind: 'figure', figure: 'nsfr', op: '>=', value: 1.16 },
      { kind: 'figure', figure: 'shortTermLoanShare', op: '>=', value: 0.45 },
      { kind: 'figure', figure: 'netProfit', op: '>=', value: evaluate(demoScenario).profitability.netProfit },
    ],
    figures: ['lcr', 'nsfr', 'shortTermLoanShare', 'netProfit', 'corporateDeposits', 'loanToDeposit'],
    panels: ['ladder'],
    hints: [
      {
        zh: '试着只加大“小客户”的占比，再试只减少“大客户”：哪一种对LCR更有效？',
        en: "Try raising only the small clients' share, then only cutting the large clients': which helps the LCR more?",
      },
      {
        zh: '中客户的存款仍按对公存款流失，小客户的存款按零售只流失10%。',
        en: "Mid-sized clients' deposits still run off as corporate deposits; small clients' as retail, only 10%.",
      },
      {
        zh: '小客户占比约30%时四项都能达标；只减大客户要减到约30%。但把水泥浆加到头（比如小客户80%）利润会大亏：超出客户基础的小客户违约更多。',
        en: 'Small clients at about 30% meet all four; cutting only the large clients needs them down to about 30%. But paste to the limit (say 80% small clients) loses a lot of money: small clients beyond the franchise default more.',
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: 'LCR的分母是30天净流出：对公存款按25%（经营性）或40%流失，小企业存款只按10%；一个月内到期的贷款按50%计入流入。小客户越多，流出越少、流入越多，LCR上升。',
          en: "The LCR's denominator is net outflows over 30 days: corporate deposits run off at 25% (operational) or 40%, small-business deposits at 10%; loans falling due within the month flow in at 50%. More small clients, fewer outflows, more inflows: the LCR rises.",
        },
        {
          zh: 'NSFR的分母是所需稳定资金：一年以内的贷款只需50%，一年以上85%。长期项目贷款换成短期流动资金贷款，所需稳定资金减少，NSFR上升。这就是“和易性”：拌合物能流动。而利润的条件说明和易性不是唯一的要求：水泥浆太多，混凝土同样不合格。',
          en: "The NSFR's denominator is required stable funding: 50% for loans within a year, 85% beyond. Swapping long project loans for short working-capital loans needs less stable funding and the NSFR rises. That is workability: the mix flows. The profit condition says workability is not the only requirement: too much paste fails the concrete too.",
        },
      ],
      metrics: ['lcr', 'nsfr', 'corporateDeposits'],
      terms: ['LCR', 'NSFR', 'HQLA', 'maturityLadder'],
    },
  },
  // 5. Source (cited survey): 只有活期账户的客户一年内流失约1/2，有活期和定期约1/3，三个以上产品约10%.
  {
    id: 'product-penetration',
    number: 5,
    title: { zh: '产品渗透', en: 'Product penetration' },
    claim: {
      zh: '咨询机构调查：只有一个活期账户的客户一年内流失的概率约为1/2，同时有活期和定期账户的约为1/3，拥有三个以上产品的约为10%。',
      en: 'A consultancy finding cited by the source: a client with only a current account leaves within a year with probability about 1/2, with current and time deposits about 1/3, with three or more products about 10%.',
    },
    minutes: 5,
    narrative: [
      {
        zh: '水泥浆要“耐久”：客户关系要长。小客户户均只用1.5个产品，每年约42%的小客户离开——为了维持规模，客户经理每年要重新拓展800多户。',
        en: 'Cement paste must be durable: relationships must last. Small clients hold 1.5 products on average and about 42% of them leave each year: just to stand still, the managers must win over 800 new ones a year.',
      },
      {
        zh: '[[productPenetration|产品渗透]]（交叉销售）把结算、存款、代发工资、银行卡、网银等产品卖给同一客户，[[attrition|客户流失率]]随之下降。',
        en: '[[productPenetration|Product penetration]] (cross-selling) sells settlement, deposits, payroll, cards and e-banking to the same client, and [[attrition]] falls.',
      },
    ],
    scenario: named(cloneScenario(demoScenario), '倒金字塔银行（第5课）', 'The inverted-pyramid bank (lesson 5)'),
    levers: [
      { kind: 'input', path: 'segments.2.productsPerClient', min: 1, max: 5, step: 0.1 },
      { kind: 'input', path: 'segments.1.productsPerClient', min: 1, max: 5, step: 0.1 },
      { kind: 'input', path: 'segments.0.productsPerClient', min: 1, max: 5, step: 0.1 },
    ],
    task: {
      zh: '先回答两个问题（答案按起始银行的数字判断：试着给每一层多加1个产品，看净利润），再提高户均产品数：小客户年流失率≤20%，中客户≤15%，净利润≥7.90亿元（今天7.86亿元）。',
      en: "First answer two questions (judged on the starting bank's numbers: try one more product for each tier and watch net profit), then raise products per client: small clients' yearly attrition at most 20%, mid-sized clients' at most 15%, and net profit at least CNY 0.790 bn (today 7.86 亿元).",
    },
    goal: [
      {
        kind: 'choice',
        id: 'product-worth',
        question: {
          zh: '起始银行中，哪一层客户户均多用1个产品，每年的净利润增加最多？',
          en: 'In the starting bank, one more product per client in which tier adds the most net profit a year?',
        },
        options: TIER_OPTIONS,
        answer: (base) => mostWorthOneMoreProduct(base),
      },
      nearestMarkChoice(
        'stand-still',
        { zh: '起始银行每年要新拓展多少户小客户，仅仅为了维持规模？', en: 'How many new small clients must the starting bank win a year just to stand still?' },
        'replacements.small',
        [
          { id: 'about200', value: 200, label: { zh: '约200户', en: 'About 200' } },
          { id: 'about800', value: 800, label: { zh: '约800户', en: 'About 800' } },
          { id: 'about2000', value: 2000, label: { zh: '约2,000户', en: 'About 2,000' } },
        ],
      ),
      { kind: 'figure', figure: 'attrition.small', op: '<=', value: 0.2 },
      { kind: 'figure', figure: 'attrition.mid', op: '<=', value: 0.15 },
      { kind: 'figure', figure: 'netProfit', op: '>=', value: 7.9 * YI },
    ],
    figures: ['attrition.small', 'attrition.mid', 'netProfit', 'replacements.small', 'acquisitionCost.small', 'kept5y.small'],
    panels: ['retention'],
    hints: [
      {
        zh: '看右侧的流失曲线：1个产品50%，2个约33%，3个及以上10%，中间按直线插值；3个以后曲线是平的，再多的产品不再减少流失。',
        en: 'Read the curve on the right: 1 product 50%, 2 about 33%, 3 or more 10%, straight lines in between; beyond 3 the curve is flat, more products no longer cut attrition.',
      },
      {
        zh: '每一户离开的客户都要由一户新客户替换，获客成本：小客户1万元、中客户5万元、大客户50万元。大客户已经用4个产品，第5个什么也不改变。',
        en: 'Each client who leaves must be replaced by a new one, at an acquisition cost of CNY 10k for a small client, 50k for a mid-sized one and 500k for a large one. Large clients already hold 4 products: a fifth changes nothing.',
      },
      {
        zh: '小客户约2.6个产品、中客户约2.8个，三项条件都能满足。',
        en: 'Small clients at about 2.6 products and mid-sized clients at about 2.8 meet all three conditions.',
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: '流失率按户均产品数在调查的三个点之间插值；每年的获客成本 = 客户数 × 流失率 × 每户获客成本。小客户从1.5个产品增加到2.6个，年流失率从约42%降到约19%，每年要替换的小客户从约830户降到约390户，获客成本从833万元降到387万元；5年后仍留存的客户从约7%升到约34%。连同中客户，净利润增加约470万元。',
          en: "Attrition is interpolated in products held between the survey's three points; the yearly acquisition cost = clients × attrition × cost per new client. From 1.5 to 2.6 products, small clients' yearly attrition falls from about 42% to about 19%, the small clients replaced each year from about 830 to about 390 and their acquisition cost from CNY 8.3 m to 3.9 m; the share still here after five years rises from about 7% to about 34%. With the mid-sized clients, net profit gains about CNY 4.7 m.",
        },
        {
          zh: '获客成本最高的是石子：如果大客户只用1个产品，156户中每年约78户离开，替换它们要花约3,900万元，净利润少约0.23亿元。骨架的价值也在于关系长久。留下来的客户不必重新拓展：省下的客户经理时间可以用来拓展新客户（第6课）；户均产品多的客户也带来更多中间业务收入（第7课）。',
          en: "The gravel is the dearest to replace: if large clients held one product, about 78 of the 156 would leave each year, replacing them would cost about CNY 39 m and net profit would be about CNY 23 m lower. The skeleton's value is also in lasting relationships. Clients who stay need not be won again: the managers' time saved goes to new clients (lesson 6); clients with more products also bring more fee income (lesson 7).",
        },
      ],
      metrics: ['operatingCost', 'netProfit'],
      terms: ['productPenetration', 'attrition', 'clientManager'],
    },
  },
  // 6. Source: serving SMEs needs a client-manager team (客户经理队伍), trained and selected first.
  {
    id: 'pace',
    number: 6,
    title: { zh: '节奏', en: 'Pace' },
    claim: {
      zh: '服务中小企业首先要建设客户经理队伍：培养和选拔具备沟通、分析、产品、营销、风险识别和团队协作能力的客户经理，优先从柜面和后台内部选拔。',
      en: 'Serving SMEs starts with the client-manager team: train and select managers with communication, analysis, product, marketing, risk-spotting and teamwork skills, sourced internally first.',
    },
    minutes: 9,
    narrative: [
      {
        zh: '目标结构是40/30/30，但结构不会自己变：每一户新客户都要[[clientManager|客户经理]]去拓展和维护。今天的65名客户经理刚好够维护现有客户，每人每季度最多新拓展3户。',
        en: "The target mix is 40/30/30, but a mix does not change by itself: each new client must be won and looked after by a [[clientManager|client manager]]. Today's 65 managers just cover the existing clients, and each can win at most 3 new ones a quarter.",
      },
      {
        zh: '第二年会有一次[[recession|经济衰退]]：系统性因子下移2个标准差，各层违约率上升数倍。[[pace|调整节奏]]太快，衰退来临时新客户最多；太慢，好结构的利润迟迟拿不到；客户经理太多，人力成本白白花掉。',
        en: 'A [[recession]] comes in year 2: the systematic factor falls 2σ and default rates rise several-fold. Too fast a [[pace]] piles up new clients just before it; too slow and the better mix pays late; too many managers and their cost is wasted.',
      },
    ],
    scenario: named(
      {
        ...cloneScenario(demoScenario),
        levers: { ...demoScenario.levers, managerHeadcount: 65, paceQuarters: 8, targetMix: { large: 0.4, mid: 0.3, small: 0.3 } },
      },
      '倒金字塔银行（第6课）',
      'The inverted-pyramid bank (lesson 6)',
    ),
    levers: [
      { kind: 'input', path: 'levers.paceQuarters', min: 1, max: 20, step: 1 },
      { kind: 'input', path: 'levers.managerHeadcount', min: 40, max: 250, step: 1 },
    ],
    task: {
      zh: '设定调整节奏和客户经理人数。每一次调整都在1,000条随机路径（第2年衰退）上做多年蒙特卡洛模拟：5年末的账簿（中位数）要走完到目标结构至少99%的路程，5年累计净利润的中位数≥18.00亿元（今天的65人、8个季度约12亿元）。',
      en: "Set the pace and the headcount. Each setting is simulated on 1,000 random paths of the multi-year Monte Carlo (a recession in year 2): by year 5 the median book must cover at least 99% of the way to the target mix, and the median 5-year cumulative net profit must reach CNY 1.80 bn (today's 65 managers over 8 quarters make about CNY 1.2 bn).",
    },
    // Read from the seeded run (test/training/lessons.test.ts): the start covers 47% of the way
    // and makes about 12 亿元; 150 managers over 8 quarters cover 99.5% and make 21.1 亿元; too slow
    // (20 quarters) stops short of the target (95%), too many managers too fast (250 in 2 quarters)
    // makes less than 18 亿元 (17.5). The margins held for the streams of the earlier binomial
    // sampler too, but the quoted start figure moved from 10.9 to 12.0 亿元 with them.
    goal: [
      { kind: 'figure', figure: 'mc.targetProgress', op: '>=', value: 0.99 },
      { kind: 'figure', figure: 'mc.cumulativeProfit', op: '>=', value: 18 * YI },
    ],
    figures: ['mc.targetProgress', 'mc.cumulativeProfit', 'mc.recessionProfit', 'mc.carBreach', 'mc.lcrBreach', 'pace.managersAtTarget'],
    monteCarlo: FIVE_YEAR_MONTE_CARLO,
    panels: ['pace'],
    hints: [
      {
        zh: '65名客户经理一户新客户也接不了：看“目标结构所需客户经理”。',
        en: 'With 65 managers not one new client can be taken on: read "client managers the target mix needs".',
      },
      {
        zh: '目标结构今天就需要111人，而5年里贷款还在增长，新客户也要人维护：试试150人。',
        en: 'The target mix needs 111 managers today, and the book grows over five years with new clients to look after: try 150.',
      },
      {
        zh: '节奏太慢（20个季度），5年末还走不到目标；人太多又太快（250人、1–2个季度），工资和衰退前一下子新增的客户一起吃掉利润。150人、8个季度左右可以。',
        en: 'Too slow (20 quarters) and year 5 ends short of the target; too many managers too fast (250 in 1–2 quarters) and their pay, with the clients piled up just before the recession, eats the profit. About 150 managers over 8 quarters will do.',
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: '每季度能新增的客户 = 客户经理人数 × 每人每季度拓展数，且全部客户所需的客户经理不能超过编制。人手不够，目标结构永远达不到；大客户只能在新客户补上之后才退出。',
          en: 'New clients a quarter = headcount × clients each manager can win, and the whole book may not need more managers than there are. Short of managers, the target is never reached; large clients leave only as new ones replace them.',
        },
        {
          zh: '衰退年的违约率是Vasicek条件违约概率（因子下移2σ）：大客户相关系数高，违约率上升约6倍；小客户约3倍——分散的小客户在衰退中更稳。但衰退前新增的大量中小客户仍会带来更多损失，所以节奏要与队伍建设相称。',
          en: 'Default rates in the recession year are the Vasicek conditional PD at −2σ: large clients, with higher correlation, default about 6 times as often; small clients about 3 times, so many small clients hold up better. Still, the many SMEs added just before the downturn bring more losses, so the pace must match how fast the team is built.',
        },
        {
          zh: '目标读的是1,000条随机路径，不是一条平均路径：利润取中位数，概率按路径计数。资金部门买入优质流动性资产守住LCR，所以LCR跌破100%的概率为0，代价是持有成本从利润中扣除；资本充足率没有人守，账簿在衰退前后增长越多，它在某个季度跌破10.5%的路径越多。',
          en: 'The goal reads 1,000 random paths, not one average path: profit is their median, probabilities count paths. The treasury buys HQLA to hold the LCR, so the chance that it falls below 100% is nil and the carry comes off profit; nobody holds the capital adequacy ratio, and the more the book grows around the recession, the more paths see it below 10.5% in some quarter.',
        },
      ],
      metrics: ['operatingCost', 'expectedLoss', 'economicCapital'],
      terms: ['pace', 'clientManager', 'recession', 'correlation'],
    },
  },
  // 7. Source: 二八法则; "经济能力不等于消费能力" (the card example): value is what a client does with the bank.
  {
    id: 'pareto',
    number: 7,
    title: { zh: '二八法则', en: 'The 20/80 rule' },
    claim: {
      zh: '约20%的客户创造80%的利润；经济能力不等于消费能力：收入高的公务员一年刷卡不到1,000元，没有存款的年轻客户却刷了70多万元——客户价值在于客户与银行做了多少业务，而不在于客户拥有多少。',
      en: 'About 20% of clients create 80% of profit; economic capacity is not spending capacity: a well-paid official spends under 1,000 yuan a year on a card while a young client with no savings spends over 700,000. Value is what a client does with the bank, not what it owns.',
    },
    minutes: 6,
    narrative: [
      {
        zh: '把全部客户按每一户为银行带来的税前利润（贷款利差、存款、中间业务，减去服务成本和预期损失）从高到低一户一户排队：[[pareto|二八法则]]说，前20%的客户创造了大约80%的利润。',
        en: "Rank every client, one by one, by the pre-tax profit it brings the bank (its loans' margin, its deposits, its fee business, less its cost to serve and its expected loss), highest first: the [[pareto|20/80 rule]] says the top 20% create about 80% of the profit.",
      },
      {
        zh: '小客户贷款小，但价值不只看贷款：一户小企业如果在本行结算、存款、代发工资、用卡，它的[[fees|中间业务收入]]和[[depositMargin|存款收益]]可以远高于它的贷款利息。',
        en: 'Small clients borrow little, but value is not only loans: a small firm that settles, keeps deposits, runs payroll and uses cards with the bank can bring [[fees|fee income]] and a [[depositMargin|deposit margin]] well above its loan interest.',
      },
    ],
    scenario: named(cloneScenario(demoScenario), '倒金字塔银行（第7课）', 'The inverted-pyramid bank (lesson 7)'),
    levers: [
      { kind: 'input', path: 'segments.2.feePerClient', min: 0, max: 10 * WAN, step: 0.5 * WAN },
      { kind: 'input', path: 'segments.2.depositsPerLoan', min: 0, max: 1.5, step: 0.05 },
    ],
    task: {
      zh: '先回答：起始银行前20%的客户创造了多少税前利润？再不改贷款、只靠小客户与本行做的业务（户均中间业务收入、每元贷款带来的存款），让小客户的利润占比达到15%以上。',
      en: "First answer: how much of the starting bank's pre-tax profit do the top 20% of clients make? Then, without changing the loans, only through what small clients do with the bank (fee income per client, deposits per yuan of loans), lift small clients' share of profit to 15% or more.",
    },
    goal: [
      nearestMarkChoice(
        'top20',
        { zh: '起始银行前20%的客户创造了多少税前利润？', en: "How much of the starting bank's pre-tax profit do the top 20% of clients make?" },
        'top20ProfitShare',
        [
          { id: 'about20', value: 0.2, label: { zh: '约20%', en: 'About 20%' } },
          { id: 'about50', value: 0.5, label: { zh: '约50%', en: 'About 50%' } },
          { id: 'about80', value: 0.8, label: { zh: '约80%', en: 'About 80%' } },
        ],
      ),
      { kind: 'figure', figure: 'profitShare.small', op: '>=', value: 0.15 },
    ],
    figures: ['profitShare.small', 'profitPerClient.small', 'top20ProfitShare', 'feeIncome', 'depositMargin'],
    panels: ['segments'],
    hints: [
      { zh: '看“前20%客户创造的税前利润占比”这一项。', en: 'Read the figure "pre-tax profit made by the top 20% of clients".' },
      {
        zh: '户均中间业务收入从1万元提高到4万元，或者每元贷款带来的存款从0.40提高到0.80，都可以。',
        en: 'Raising fee income per client from CNY 10k to 40k, or deposits per yuan of loans from 0.40 to 0.80, will do.',
      },
    ],
    debrief: {
      mechanism: [
        {
          zh: '中间业务收入 = 客户数 × 户均收入，存款收益 = 存款 × (存款FTP − 付息率)：两者都不占用贷款额度，也几乎不增加风险资本。同样的2,000户小客户，业务做得多，户均利润就高。',
          en: 'Fee income = clients × fee per client and the deposit margin = deposits × (FTP credit − deposit rate): neither uses loans, and neither adds much risk capital. The same 2,000 small clients, doing more with the bank, are worth more each.',
        },
        {
          zh: '二八法则提醒银行：按价值而不是按规模分层服务客户；风险超过收益的客户应当退出。',
          en: 'The 20/80 rule tells a bank to serve clients by value, not by size, and to let go of those whose risk exceeds their return.',
        },
      ],
      metrics: ['feeIncome', 'depositMargin', 'netProfit'],
      terms: ['pareto', 'fees', 'depositMargin'],
    },
  },
];

/** Every lesson, in order: the seven bank lessons, then the client-portfolio lesson. */
export const LESSONS: readonly LessonDef[] = [...BANK_LESSONS, PORTFOLIO_LESSON];

export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

export function lessonById(id: string): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** A bank lesson by id (undefined for an unknown id or a portfolio lesson). */
export function bankLessonById(id: string): BankLessonDef | undefined {
  return BANK_LESSONS.find((l) => l.id === id);
}

/** The starting bank's context of a lesson (what choice answers are judged on). */
export function lessonBaseContext(lesson: BankLessonDef): TrainingContext {
  return createContext(lesson.scenario);
}
