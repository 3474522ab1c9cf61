/**
 * The glossary: every term the screens use, defined in both languages, as a Chinese banker says it
 * and with the English abbreviation (docs/ux.md). `#/glossary?term=RAROC` opens one term; lesson text
 * links terms as `[[RAROC]]` or `[[LCR|流动性覆盖率]]`; the glass box links its figure's term.
 */
import type { Bilingual, MetricKey } from '../model';

export interface GlossaryTerm {
  /** Stable id used in links (`?term=RAROC`), matched without regard to case. */
  id: string;
  /** The term as shown: the abbreviation or the Chinese term. */
  term: Bilingual;
  /** The full name. */
  name: Bilingual;
  definition: Bilingual;
  /** Related term ids. */
  related?: string[];
}

function t(id: string, term: Bilingual | string, name: Bilingual, definition: Bilingual, related?: string[]): GlossaryTerm {
  return { id, term: typeof term === 'string' ? { zh: term, en: term } : term, name, definition, related };
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  // —— the concrete metaphor (the lead article) ——
  t(
    'tong',
    '砼',
    { zh: '砼（混凝土）', en: 'Concrete (砼)' },
    {
      zh: '“砼”由“人、工、石”组成，即混凝土：石子、砂和水泥浆按计算出的配合比拌合而成。源文章以它比喻银行公司客户结构：配比不当，安全性、效益性、流动性都会受损。',
      en: '砼 ("person, work, stone") is the character for concrete: gravel, sand and cement paste mixed in a calculated ratio. The source article uses it for a bank\'s corporate client structure: a wrong mix fails safety, profitability and liquidity.',
    },
    ['gravel', 'sand', 'cement', 'mixDesign'],
  ),
  t(
    'gravel',
    { zh: '石子', en: 'Gravel (石子)' },
    { zh: '卵（碎）石：粗骨料', en: 'Coarse aggregate' },
    {
      zh: '混凝土的骨架，承受荷载。对应银行的大客户：贷款规模大、支撑业务总量，但过多会使结构“倒金字塔”化、集中度过高。',
      en: 'The skeleton of concrete that bears the load. In the bank: the large clients, who carry the volume of business; too many of them make an inverted pyramid and concentrate the risk.',
    },
    ['tong', 'invertedPyramid'],
  ),
  t(
    'sand',
    { zh: '砂', en: 'Sand (砂)' },
    { zh: '细骨料', en: 'Fine aggregate' },
    {
      zh: '填充石子之间的空隙。对应中客户：填补大客户之间的空白，使结构更密实。',
      en: 'Fills the gaps between the stones. In the bank: the mid-sized clients, who fill the gaps between the large clients and make the book denser.',
    },
    ['tong'],
  ),
  t(
    'cement',
    { zh: '水泥浆', en: 'Cement paste (水泥浆)' },
    { zh: '水泥浆（胶结料）', en: 'Binder' },
    {
      zh: '包裹每一颗骨料、填满剩余空隙，使拌合物能流动，硬化后把整体胶结为一体。对应小客户（中小企业）：数量多、期限短、定价能力强，带来存款和中间业务，把全行业务“粘合”起来。',
      en: 'Coats every grain, fills the remaining voids, lets the fresh mix flow and, once hard, binds it into one body. In the bank: the small clients (SMEs), many, short-term and with pricing power, who bring deposits and fee business and bind the book together.',
    },
    ['tong', 'SME', 'pricingPower'],
  ),
  t(
    'mixDesign',
    { zh: '配合比', en: 'Mix design (配合比)' },
    { zh: '配合比设计：和易性、强度、耐久性、经济性', en: 'Workability, strength, durability, economy' },
    {
      zh: '混凝土的配比依次满足：和易性（能流动、能浇筑，对应流动性）、强度（承受荷载，对应安全性）、耐久性（经久耐用，对应长期稳定的客户关系）、经济性（用最少的水泥办成事，对应效益性）。房屋的配比用在桥梁或水坝上会失败：合适的配比取决于工程。',
      en: 'A concrete mix must satisfy, in order: workability (it flows and can be placed: liquidity), strength (it carries its load: safety), durability (it lasts: long-lived client relationships) and economy (the least cement for the job: profitability). A mix designed for a house fails in a bridge or a dam: the right ratio depends on the project.',
    },
    ['threePrinciples'],
  ),
  t(
    'threePrinciples',
    { zh: '三性原则', en: 'Three principles (三性原则)' },
    { zh: '安全性、效益性、流动性', en: 'Safety, profitability, liquidity' },
    {
      zh: '商业银行经营的三项基本原则：安全性（承受损失的能力、风险可控）、效益性（盈利）、流动性（随时满足支付）。源文章认为“倒金字塔型”客户结构同时违背了这三项原则。',
      en: 'The three principles of commercial banking: safety (capacity to absorb losses, controlled risk), profitability and liquidity (paying whenever asked). The source argues that an inverted-pyramid client structure fails all three.',
    },
    ['mixDesign', 'invertedPyramid'],
  ),
  t(
    'invertedPyramid',
    { zh: '倒金字塔', en: 'Inverted pyramid (倒金字塔)' },
    { zh: '倒金字塔型客户结构', en: 'Inverted-pyramid client structure' },
    {
      zh: '大客户占贷款的绝大部分、中小客户很少的结构（如65/25/10）。源文章诊断其后果：利润空间收窄（大客户压价）、收益与风险不匹配（集中于少数客户）、与地方政府关系变差（地方中小企业未获服务）。',
      en: 'A book where large clients hold most of the loans and small ones few (say 65/25/10). The source lists its consequences: shrinking margins (large clients bargain the price down), returns that do not match the risks (concentration in few names), and worse relations with local government (local SMEs unserved).',
    },
    ['gravel', 'singleClient', 'top10'],
  ),
  t(
    'pyramid',
    { zh: '正金字塔', en: 'Pyramid (正金字塔)' },
    { zh: '正金字塔客户结构', en: 'Pyramid client structure' },
    {
      zh: '与倒金字塔相反：小客户数量多、占比大，中客户居中，大客户少而精，像一座底宽顶窄的金字塔。本工具的“正金字塔银行”即以此为起点。',
      en: 'The opposite of the inverted pyramid: many small clients with a large share, mid-sized ones in between, few large ones, like a pyramid wide at the base. The tool\'s "pyramid bank" starts from it.',
    },
    ['invertedPyramid', 'tong'],
  ),
  t(
    'smallMicro',
    { zh: '小微企业', en: 'Small and micro enterprises (小微企业)' },
    { zh: '小型和微型企业', en: 'Small and micro firms' },
    {
      zh: '按工信部等四部委2011年《中小企业划型标准规定》，按行业以从业人员、营业收入或资产总额划分的小型、微型企业；监管对其贷款有专门的考核和优惠（如风险权重75%）。源文章（2007年）统称“中小企业”，本工具的“小客户”即指这一层。',
      en: 'Small and micro firms as classed by the 2011 rules of MIIT and three other ministries (by industry, on staff, revenue or assets); the regulator tracks their lending and treats it favourably (e.g. a 75% risk weight). The source (2007) calls them 中小企业 (SMEs); the tool\'s "small clients" tier.',
    },
    ['SME', 'riskWeight'],
  ),
  t(
    'riskWeight',
    { zh: '风险权重', en: 'Risk weight (风险权重)' },
    { zh: '资产的风险权重', en: 'Weight of an exposure in RWA' },
    {
      zh: '把一笔资产折算为风险加权资产的系数：RWA = 敞口 × 风险权重。权重法下一般公司贷款为100%，符合条件的小微企业贷款为75%。资本充足率的分母就是RWA之和。',
      en: 'The factor that turns an exposure into risk-weighted assets: RWA = exposure × risk weight. Under the standardised approach a general corporate loan weighs 100% and a qualifying small or micro business loan 75%. The capital adequacy ratio divides capital by the sum of RWA.',
    },
    ['RWA', 'CAR', 'smallMicro'],
  ),
  t(
    'systematicFactor',
    { zh: '系统性因子', en: 'Systematic factor (Vasicek)' },
    { zh: '单因子模型中的经济共同因子（Vasicek模型）', en: 'The common economic factor of the one-factor (Vasicek) model' },
    {
      zh: 'Vasicek单因子模型把每个借款人的违约归因于一个全体共同的系统性因子（经济景气）和各自的特质因素。因子下行时，所有客户的违约概率同时上升；相关性越高，共同下行的影响越大。条件违约概率 PD(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ))；巴塞尔内部评级法的资本公式即以此为基础。衰退年即因子下移约2个标准差。',
      en: "The Vasicek one-factor model puts each borrower's default down to one factor common to all (the state of the economy) and its own idiosyncratic part. When the factor falls, every client's PD rises at once; the higher the correlation, the more they fall together. Conditional PD(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)); the Basel IRB capital formula rests on it. A recession year is the factor about 2 standard deviations down.",
    },
    ['correlation', 'recession', 'PD', 'IRB'],
  ),
  t(
    'SME',
    { zh: '中小企业', en: 'SME' },
    { zh: '中小企业（小客户）', en: 'Small and medium-sized enterprises' },
    {
      zh: '源文章称当时登记的中小企业超过360万户。其融资需求“短、频、快”：期限多在一年以内、次数多、要求快，需要批量化的产品、调查前置和简化审批。',
      en: 'Over 3.6 million were registered at the time of the source. Their credit needs are "short, frequent, fast" (短、频、快): mostly within a year, often and quickly, served with product packages, investigation moved forward (调查前置) and simpler approval.',
    },
    ['cement', 'pricingPower'],
  ),
  t(
    'pareto',
    { zh: '二八法则', en: '20/80 rule (二八法则)' },
    { zh: '客户价值的二八法则', en: 'The Pareto rule of client value' },
    {
      zh: '约20%的客户创造约80%的利润。银行无法赢得每一个细分市场；客户在变化，风险超过收益的客户应当退出。客户价值在于客户与银行做了多少业务，而不在于客户拥有多少财富。',
      en: "About 20% of clients create about 80% of profit. A bank cannot win every sub-market; clients change, and one whose risk exceeds its return should be let go. A client's value is what it does with the bank, not what it owns.",
    },
    ['fees', 'productPenetration'],
  ),
  // —— pricing ——
  t(
    'LPR',
    'LPR',
    { zh: '贷款市场报价利率', en: 'Loan Prime Rate' },
    {
      zh: '全国银行间同业拆借中心每月公布的贷款定价基准，2019年8月LPR改革后取代央行贷款基准利率。本工具的1年期LPR默认3.00%（2025年5月20日起）。改革后贷款利率按“LPR＋加点”定价。',
      en: "The benchmark for loan pricing, published monthly by the NIFC; since the LPR reform of August 2019 it replaces the PBoC benchmark lending rate. The tool's default 1-year LPR is 3.00% (since 20 May 2025). Since the reform a loan is priced at LPR plus a spread (加点).",
    },
    ['lprSpread', 'benchmarkRate', 'markup', 'FTP'],
  ),
  t(
    'benchmarkRate',
    { zh: '基准利率', en: 'Benchmark rate (基准利率)' },
    { zh: '中国人民银行贷款基准利率', en: 'The PBoC benchmark lending rate' },
    {
      zh: '2019年LPR改革之前，中国人民银行公布的各期限贷款基准利率；贷款利率以它为基础“上浮”或“下浮”一定比例。源文章（2007年）说的“上浮10%”就是相对这一基准。2019年8月起新发放贷款改以LPR为定价基准。',
      en: 'Before the 2019 LPR reform, the lending rates by tenor set by the People\'s Bank of China; a loan rate floated a percentage above (上浮) or below (下浮) it. The source article\'s (2007) "上浮10%" is against this benchmark. From August 2019 new loans are priced off the LPR.',
    },
    ['markup', 'LPR'],
  ),
  t(
    'lprSpread',
    { zh: 'LPR加点', en: 'Spread over LPR (LPR加点)' },
    { zh: '在LPR上加的基点数', en: 'Basis points added to the LPR' },
    {
      zh: 'LPR改革后的定价方式：贷款利率 = LPR + 加点，加点以基点（bp，万分之一）表示，可为负（减点）。例：LPR 3.00%加60个基点即3.60%。加点反映客户的风险、期限和银行的议价能力。',
      en: "Pricing since the LPR reform: loan rate = LPR + spread, the spread in basis points (bp, 1/100 of a percent), negative when below the LPR. Example: LPR 3.00% plus 60 bp is 3.60%. The spread reflects the client's risk, the tenor and the bank's bargaining power.",
    },
    ['LPR', 'bp', 'markup', 'pricingPower'],
  ),
  t(
    'markup',
    { zh: '上浮/下浮', en: 'Float (上浮/下浮)' },
    { zh: '利率浮动（改革前的惯例）', en: 'Float over the benchmark (the convention before the reform)' },
    {
      zh: '贷款利率相对基准利率的浮动比例：上浮10%即利率为基准×1.10，下浮8%即基准×0.92。这是2019年LPR改革之前以央行基准利率定价时的惯例；改革后以LPR定价，用“加点”（基点）表示，不再用上浮百分比。源文章（2007年）指出中小企业贷款平均上浮10%以上，高于其他贷款：银行对中小企业有定价权。',
      en: "The loan rate's float over the benchmark: 上浮10% (+10%) is the benchmark × 1.10, 下浮8% (−8%) is × 0.92. This was the convention while loans were priced off the PBoC benchmark rate, before the 2019 LPR reform; since then loans are priced off the LPR with a spread in basis points (加点), not a percentage float. The source (2007) notes that SME loans were priced on average more than 10% above the benchmark, above other loans: banks have pricing power over SMEs.",
    },
    ['benchmarkRate', 'lprSpread', 'LPR', 'pricingPower'],
  ),
  t(
    'pricingPower',
    { zh: '定价权', en: 'Pricing power (定价权)' },
    { zh: '对客户的定价能力', en: 'Ability to set the price' },
    {
      zh: '客户替代选择越少，银行越能提高利率而不失去客户。但定价高于市场时，一部分需求会流失（需求弹性），而愿意接受高价的客户风险往往更高（逆向选择）：利润最大的加点是有限的。',
      en: 'The fewer alternatives a client has, the more a bank can charge without losing it. Above the market, part of the demand leaves (demand elasticity) and those who accept a high price tend to be riskier (adverse selection): the profit-maximising spread is finite.',
    },
    ['demandElasticity', 'adverseSelection', 'markup'],
  ),
  t(
    'demandElasticity',
    { zh: '需求弹性', en: 'Demand elasticity' },
    { zh: '贷款需求对价格的弹性', en: 'Price elasticity of loan demand' },
    {
      zh: '利率每高于市场10个基点，新增贷款需求流失的比例：保留的需求 = exp(−弹性×超出基点/10)。',
      en: 'Share of new loan demand lost per 10 bp above the market rate: demand kept = exp(−elasticity × bp above / 10).',
    },
    ['pricingPower'],
  ),
  t(
    'adverseSelection',
    { zh: '逆向选择', en: 'Adverse selection' },
    { zh: '高价吸引高风险客户', en: 'A high price attracts riskier clients' },
    {
      zh: '定价高于市场时，好客户去别处借款，留下的客户违约概率更高：PD × (1 + 斜率×超出基点/10)。',
      en: 'Priced above the market, good clients borrow elsewhere and those who stay default more often: PD × (1 + slope × bp above / 10).',
    },
    ['PD', 'pricingPower'],
  ),
  t(
    'FTP',
    'FTP',
    { zh: '内部资金转移定价', en: 'Funds transfer pricing' },
    {
      zh: '总行向业务条线收取贷款占用资金的成本、并为其吸收的存款支付价格，按期限不同；长期贷款的FTP含流动性溢价，因此更贵。',
      en: 'The internal price at which treasury charges a business line for the funds its loans use and pays it for the deposits it brings, by tenor; long loans carry a liquidity premium and cost more.',
    },
    ['NII', 'depositMargin'],
  ),
  t(
    'bp',
    { zh: '基点', en: 'Basis point (bp)' },
    { zh: '基点（bp）', en: 'One hundredth of a percent' },
    {
      zh: '1个基点 = 0.01%。利差和利率变化以基点表示。',
      en: '1 bp = 0.01%. Spreads and rate changes are quoted in basis points.',
    },
  ),
  // —— profitability ——
  t(
    'netProfit',
    { zh: '净利润', en: 'Net profit' },
    { zh: '对公业务净利润', en: 'Net profit of the corporate book' },
    {
      zh: '(净利息收入 + 存款FTP净收益 + 中间业务收入 − 运营成本 − 预期损失) × (1 − 税率)。',
      en: '(NII + deposit margin + fee income − operating cost − expected loss) × (1 − tax rate).',
    },
    ['NII', 'EL'],
  ),
  t(
    'NII',
    'NII',
    { zh: '净利息收入', en: 'Net interest income' },
    {
      zh: '贷款利息收入减去FTP资金成本：贷款 × (LPR + 加点 − 期限加权FTP)。',
      en: 'Loan interest less the FTP cost of funds: loans × (LPR + spread − tenor-weighted FTP).',
    },
    ['FTP', 'LPR'],
  ),
  t(
    'depositMargin',
    { zh: '存款FTP净收益', en: 'Deposit FTP margin' },
    { zh: '存款带来的内部收益', en: 'What deposits earn internally' },
    {
      zh: '客户存款按FTP获得的内部收益减去付给客户的利息：存款 × (存款FTP − 付息率)。',
      en: "The internal FTP credit on a client's deposits less the interest paid to the client: deposits × (FTP credit − deposit rate).",
    },
    ['FTP'],
  ),
  t(
    'fees',
    { zh: '中间业务收入', en: 'Fee income' },
    { zh: '中间业务（手续费及佣金）收入', en: 'Intermediary business income' },
    {
      zh: '结算、代理、咨询、银行卡等不占用资本的收入。源文章：中小企业同时带来负债、中间业务、国际、电子银行和银行卡业务。',
      en: 'Settlement, agency, advisory, card and similar income that uses no capital. The source: SMEs also bring deposit, fee, international, e-banking and card business.',
    },
    ['pareto', 'productPenetration'],
  ),
  t(
    'operatingCost',
    { zh: '运营成本', en: 'Operating cost' },
    { zh: '服务成本与客户经理成本', en: 'Servicing and client-manager cost' },
    {
      zh: '客户数 × 户均服务成本 + 所需客户经理人数 × 人均成本。',
      en: 'Clients × servicing cost per client + client managers needed × cost per manager.',
    },
    ['clientManager'],
  ),
  t('ROA', 'ROA', { zh: '资产收益率', en: 'Return on assets' }, { zh: '净利润 / 对公贷款。', en: 'Net profit / corporate loans.' }),
  t(
    'costIncome',
    { zh: '成本收入比', en: 'Cost-to-income ratio' },
    { zh: '成本收入比', en: 'Cost-to-income ratio' },
    {
      zh: '运营成本 / 营业收入（净利息收入 + 存款FTP净收益 + 中间业务收入）。',
      en: 'Operating cost / operating income (NII + deposit margin + fee income).',
    },
  ),
  t(
    'RAROC',
    'RAROC',
    { zh: '风险调整资本回报率', en: 'Risk-adjusted return on capital' },
    {
      zh: '净利润 / 经济资本：每一元风险资本赚多少钱。高于资本成本（门槛回报率）才创造价值。',
      en: 'Net profit / economic capital: what each yuan of risk capital earns. It creates value only above the cost of capital (the hurdle rate).',
    },
    ['EC', 'EVA', 'hurdleRate'],
  ),
  t(
    'EVA',
    'EVA',
    { zh: '经济增加值', en: 'Economic value added' },
    {
      zh: '净利润 − 资本成本 × 经济资本：扣除股东要求回报后的真实价值创造。',
      en: 'Net profit − hurdle rate × economic capital: the value created after the return shareholders require.',
    },
    ['RAROC', 'EC'],
  ),
  t(
    'hurdleRate',
    { zh: '门槛回报率', en: 'Hurdle rate' },
    { zh: '资本成本', en: 'Cost of equity' },
    {
      zh: '股东对经济资本要求的最低回报率（演示默认10%）。',
      en: 'The least return shareholders require on economic capital (10% in the demo).',
    },
    ['EVA', 'RAROC'],
  ),
  // —— safety ——
  t(
    'PD',
    'PD',
    { zh: '违约概率', en: 'Probability of default' },
    {
      zh: '客户在一年内违约的概率（跨周期平均）。衰退年份实际违约率会远高于平均。',
      en: 'The probability that a client defaults within a year (through the cycle). In a recession year realised default rates run far above it.',
    },
    ['LGD', 'EL'],
  ),
  t(
    'LGD',
    'LGD',
    { zh: '违约损失率', en: 'Loss given default' },
    {
      zh: '违约时损失的贷款比例；初级内部评级法对优先无担保债权取45%。',
      en: 'The share of a loan lost when the client defaults; 45% for senior unsecured claims under foundation IRB.',
    },
    ['PD', 'EL'],
  ),
  t(
    'EL',
    'EL',
    { zh: '预期损失', en: 'Expected loss' },
    {
      zh: 'EL = 贷款 × PD × LGD：平均每年会发生的信用损失，应由定价覆盖（计入成本）。',
      en: 'EL = loans × PD × LGD: the credit loss to expect in an average year, to be covered by pricing (a cost).',
    },
    ['PD', 'LGD', 'EC'],
  ),
  t(
    'VaR',
    'VaR',
    { zh: '风险价值', en: 'Value at risk' },
    {
      zh: '在给定期限和置信水平下损失不会超过的金额：损失分布的分位数。期限和置信水平随用途而定：银行信用风险的经济资本用一年、99.9%；客户投资组合用客户自己的期限和置信水平（第8课：王女士的10年期末、95%）。',
      en: "The loss not exceeded over a given horizon at a given confidence level: a quantile of the loss distribution. Horizon and confidence depend on the use: a bank's economic capital for credit risk takes one year at 99.9%; a client's portfolio takes the client's own horizon and confidence (lesson 8: Ms Wang's 10 years at 95%).",
    },
    ['ES', 'EC', 'riskProfile'],
  ),
  // —— the client's investment portfolio (the second theme of the source) ——
  t(
    'assetAllocation',
    { zh: '资产配置', en: 'Asset allocation' },
    { zh: '资产配置模型', en: 'Asset-allocation model' },
    {
      zh: '按客户的风险偏好、期限和资金需求，把资金分配到存款、理财、债券、基金、黄金等资产类别；源文章《银行工作中的客户投资组合分析与优化方法》把它列为客户经理的首要工具。',
      en: "Splitting a client's money across deposits, wealth-management products, bonds, funds, gold and so on by the client's risk preference, horizon and cash needs; the source article on client portfolio analysis names it the client manager's first tool.",
    },
    ['riskProfile', 'efficientFrontier'],
  ),
  t(
    'volatility',
    { zh: '标准差（波动率）', en: 'Volatility' },
    { zh: '收益率的标准差', en: 'Standard deviation of the return' },
    {
      zh: '一年收益率的标准差，衡量组合收益围绕预期值的波动幅度；组合的波动率 σₚ = √(wᵀΣw)，取决于权重、各资产的波动率和它们之间的相关系数。',
      en: "The standard deviation of the one-year return: how far the return swings around its expected value; a portfolio's volatility σₚ = √(wᵀΣw) depends on the weights, each asset's volatility and their correlations.",
    },
    ['diversification', 'VaR'],
  ),
  t(
    'diversification',
    { zh: '分散化', en: 'Diversification' },
    { zh: '分散投资', en: 'Diversification' },
    {
      zh: '持有相关性低的多种资产：组合的波动率低于各资产波动率的加权平均，相关系数越低，降得越多——“不要把鸡蛋放在一个篮子里”。',
      en: 'Holding several assets that move little together: the portfolio\'s volatility is below the weighted average of the assets\' volatilities, the more so the lower the correlations ("do not put all your eggs in one basket").',
    },
    ['correlation', 'volatility', 'efficientFrontier'],
  ),
  t(
    'efficientFrontier',
    { zh: '有效前沿', en: 'Efficient frontier' },
    { zh: '均值—方差有效前沿', en: 'Mean-variance efficient frontier' },
    {
      zh: '对每一个预期收益水平，风险（标准差）最小的组合连成的曲线（马科维茨，1952）。前沿以下的组合都不是最优的：同样的风险可以得到更高的收益。',
      en: 'The curve of the least-risk (standard deviation) allocation for each level of expected return (Markowitz, 1952). An allocation below it is not the best: the same risk could earn more.',
    },
    ['diversification', 'riskProfile'],
  ),
  t(
    'riskProfile',
    { zh: '风险承受能力', en: 'Risk profile' },
    { zh: '客户风险等级（保守型至激进型）', en: 'Client risk level (conservative to aggressive)' },
    {
      zh: '适当性管理把客户分为五级：保守型、稳健型、平衡型、成长型、进取型（激进型）。本应用为每一级设定波动率和亏损限额（演示假设），配置必须在限额之内。',
      en: 'Suitability rules grade clients in five levels: conservative, moderately conservative, balanced, growth and aggressive. This app gives each level a volatility and a loss limit (assumed for the demo); an allocation must stay within them.',
    },
    ['assetAllocation', 'VaR'],
  ),
  t(
    'cashFlowMatching',
    { zh: '现金流匹配', en: 'Cash-flow matching' },
    { zh: '资金需求与组合现金流的匹配', en: 'Matching cash needs with the portfolio' },
    {
      zh: '检查组合能否在客户需要用钱时（如第3年的学费）以规定的概率付得出这笔钱；在模拟路径上计算每笔需求按期满足的概率和缺口。',
      en: 'Checking that the portfolio can pay what the client needs when it is needed (tuition in year 3, say) with a stated probability: over simulated paths, the probability that each need is met and the shortfall when it is not.',
    },
    ['assetAllocation', 'monteCarlo'],
  ),
  t(
    'ES',
    'ES',
    { zh: '预期短缺', en: 'Expected shortfall' },
    {
      zh: '超过VaR时的平均损失，比VaR更能反映尾部风险。',
      en: 'The average loss beyond the VaR; it sees more of the tail than the VaR does.',
    },
    ['VaR'],
  ),
  t(
    'EC',
    'EC',
    { zh: '经济资本', en: 'Economic capital' },
    {
      zh: '覆盖非预期损失所需的资本：99.9%置信水平的损失（VaR）减去预期损失。本工具按Vasicek单因子模型计算。',
      en: 'The capital that covers unexpected loss: the 99.9% loss (VaR) less the expected loss, computed with the Vasicek one-factor model.',
    },
    ['VaR', 'EL', 'RAROC'],
  ),
  t(
    'correlation',
    { zh: '资产相关系数', en: 'Asset correlation' },
    { zh: '资产相关系数ρ', en: 'Asset correlation ρ' },
    {
      zh: '客户违约受共同经济因素影响的程度。巴塞尔公式中，中小企业的相关系数较低：分散贷款可以降低风险。',
      en: "How much clients' defaults move with the common economic factor. In the Basel formula SMEs have lower correlation: lending to many small firms diversifies risk.",
    },
    ['EC'],
  ),
  t(
    'RWA',
    'RWA',
    { zh: '风险加权资产', en: 'Risk-weighted assets' },
    {
      zh: '各项资产乘以风险权重之和。权重法下一般企业100%、中小企业85%、小微企业75%（《商业银行资本管理办法》2023）。',
      en: 'Assets times their risk weights. Under the standardized approach general corporates 100%, SMEs 85%, small and micro 75% (China capital rules, 2023).',
    },
    ['CAR', 'IRB'],
  ),
  t(
    'IRB',
    { zh: '内部评级法', en: 'IRB' },
    { zh: '内部评级法 / 权重法', en: 'Internal ratings-based / standardized approach' },
    {
      zh: '计算风险加权资产的两种方法：权重法按监管给定的权重；内部评级法按PD、LGD、期限用巴塞尔公式计算。',
      en: "Two ways to compute RWA: the standardized approach uses the regulator's weights; IRB uses the Basel formula with PD, LGD and maturity.",
    },
    ['RWA'],
  ),
  t(
    'CAR',
    'CAR',
    { zh: '资本充足率', en: 'Capital adequacy ratio' },
    {
      zh: '资本净额 / 风险加权资产，不低于10.5%（8%加2.5%储备资本）；一级资本充足率不低于8.5%，核心一级资本充足率（CET1）不低于7.5%。',
      en: 'Net capital / RWA, at least 10.5% (8% plus the 2.5% conservation buffer); tier 1 at least 8.5% and core tier 1 (CET1) at least 7.5%.',
    },
    ['RWA', 'netCapital'],
  ),
  t(
    'netCapital',
    { zh: '资本净额', en: 'Net capital' },
    { zh: '监管资本总额', en: 'Total regulatory capital' },
    {
      zh: '资本充足率的分子，也是单一客户和最大十家客户集中度的分母。',
      en: 'The numerator of the capital ratio and the base of the single-client and top-10 concentration limits.',
    },
    ['CAR', 'singleClient', 'top10'],
  ),
  t(
    'HHI',
    'HHI',
    { zh: '赫芬达尔-赫希曼指数', en: 'Herfindahl–Hirschman index' },
    {
      zh: '各客户贷款占比的平方和，越大越集中；其倒数是“有效客户数”。',
      en: "The sum of the squared shares of each client's loans; larger is more concentrated. Its inverse is the effective number of clients.",
    },
    ['effectiveClients'],
  ),
  t(
    'effectiveClients',
    { zh: '有效客户数', en: 'Effective clients' },
    { zh: '有效客户数（1/HHI）', en: 'Effective number of clients (1/HHI)' },
    {
      zh: '集中度相同时“等额客户”的个数：2,656户客户的倒金字塔银行只相当于约276户等额客户。',
      en: "How many equal clients would give the same concentration: the inverted-pyramid bank's 2,656 clients count as about 276 equal ones.",
    },
    ['HHI'],
  ),
  t(
    'singleClient',
    { zh: '单一客户贷款集中度', en: 'Single-client concentration' },
    { zh: '单一客户贷款集中度', en: 'Largest client / net capital' },
    {
      zh: '最大一家客户贷款 / 资本净额，不得超过10%（《商业银行法》第39条）。',
      en: 'Loans to the largest client / net capital, at most 10% (Commercial Bank Law, Art. 39).',
    },
    ['top10', 'netCapital'],
  ),
  t(
    'top10',
    { zh: '最大十家客户贷款比例', en: 'Top-10 clients ratio' },
    { zh: '最大十家客户贷款比例', en: 'Top-10 clients / net capital' },
    {
      zh: '最大十家客户贷款 / 资本净额，监测上限50%。',
      en: 'Loans to the ten largest clients / net capital, monitored against 50%.',
    },
    ['singleClient'],
  ),
  // —— liquidity ——
  t(
    'LCR',
    'LCR',
    { zh: '流动性覆盖率', en: 'Liquidity coverage ratio' },
    {
      zh: '合格优质流动性资产 / 未来30天净现金流出，不低于100%。对公存款流失率：经营性25%、非经营性40%；小企业存款按零售10%——小客户的存款更稳定。',
      en: "HQLA / net cash outflows over 30 days, at least 100%. Corporate deposits run off at 25% (operational) or 40% (other); small-business deposits at 10% as retail: small clients' deposits are stickier.",
    },
    ['HQLA', 'NSFR'],
  ),
  t(
    'HQLA',
    'HQLA',
    { zh: '合格优质流动性资产', en: 'High-quality liquid assets' },
    {
      zh: '压力下可迅速变现的资产：国债、央行准备金等。',
      en: 'Assets that can be turned into cash quickly under stress: government bonds, central-bank reserves.',
    },
    ['LCR'],
  ),
  t(
    'NSFR',
    'NSFR',
    { zh: '净稳定资金比例', en: 'Net stable funding ratio' },
    {
      zh: '可用的稳定资金 / 所需的稳定资金，不低于100%。一年以上贷款需要85%的稳定资金，一年以内只需50%：短期的中小企业贷款更“轻”。',
      en: 'Available stable funding / required stable funding, at least 100%. Loans over a year need 85% stable funding, shorter ones 50%: short SME loans weigh less.',
    },
    ['LCR', 'maturityLadder'],
  ),
  t('LDR', 'LDR', { zh: '存贷比', en: 'Loan-to-deposit ratio' }, { zh: '贷款 / 存款。', en: 'Loans / deposits.' }),
  t(
    'corporateDeposits',
    { zh: '对公存款', en: 'Corporate deposits' },
    { zh: '对公客户存款', en: 'Deposits of corporate clients' },
    {
      zh: '贷款带来的派生存款：存款 = 每元贷款带来的存款 × 贷款。',
      en: 'Deposits that come with the loans: deposits = deposits per yuan of loans × loans.',
    },
    ['LCR'],
  ),
  t(
    'maturityLadder',
    { zh: '期限结构', en: 'Maturity ladder' },
    { zh: '贷款期限结构（到期阶梯）', en: 'Loans by time to maturity' },
    {
      zh: '贷款按剩余期限分档：3个月以内、3–12个月、1–3年、3–5年、5年以上。大客户的项目贷款期限长，中小企业贷款多在一年以内。',
      en: "Loans by residual maturity: up to 3 months, 3–12 months, 1–3, 3–5 and over 5 years. Large clients' project loans are long; SME loans mostly within a year.",
    },
    ['NSFR', 'SME'],
  ),
  // —— clients and managers ——
  t(
    'clientManager',
    { zh: '客户经理', en: 'Client manager' },
    { zh: '对公客户经理', en: 'Corporate relationship manager' },
    {
      zh: '源文章要求客户经理具备沟通、分析、产品、营销、风险识别和团队协作能力；优先从柜面和后台内部选拔，其次招聘毕业生，最后外部引进。每名客户经理能维护和新拓展的客户有限，这限制了调整客户结构的速度。',
      en: 'The source asks for communication, analysis, product, marketing, risk-spotting and teamwork skills; source them internally first (counter and back office), graduates second, external hires last. Each manager can look after and win only so many clients, which limits how fast the mix can change.',
    },
    ['pace'],
  ),
  t(
    'pace',
    { zh: '调整节奏', en: 'Pace of rebalancing' },
    { zh: '客户结构调整节奏', en: 'How fast the mix changes' },
    {
      zh: '从当前结构到目标结构所用的季度数。受客户经理人数和拓客能力限制；过快会在衰退来临前积累大量新客户。',
      en: "The quarters taken from today's mix to the target. Limited by the headcount of client managers and how many clients each can win; too fast piles up new clients just before a downturn.",
    },
    ['clientManager', 'recession'],
  ),
  t(
    'recession',
    { zh: '经济衰退', en: 'Recession' },
    { zh: '第二年衰退压力情景', en: 'A recession in year 2' },
    {
      zh: '系统性因子在第二年下移2个标准差（约44年一遇）：违约率按Vasicek条件违约概率上升数倍，相关系数越高的客户层上升越多。',
      en: 'The systematic factor falls 2σ in year 2 (about 1 year in 44): default rates rise several-fold by the Vasicek conditional PD, most for the tiers with the highest correlation.',
    },
    ['PD', 'correlation'],
  ),
  t(
    'productPenetration',
    { zh: '产品渗透', en: 'Product penetration' },
    { zh: '户均产品数（交叉销售）', en: 'Products per client (cross-selling)' },
    {
      zh: '客户在本行使用的产品数。源文章引用的调查：只有活期账户的客户一年内流失的概率约1/2，有活期和定期约1/3，三个以上产品约10%。',
      en: "How many of the bank's products a client uses. The survey the source cites: a client with only a current account leaves within a year with probability about 1/2, with current and time deposits about 1/3, with three or more products about 10%.",
    },
    ['attrition'],
  ),
  t(
    'attrition',
    { zh: '客户流失率', en: 'Attrition' },
    { zh: '年客户流失率', en: 'Share of clients lost a year' },
    {
      zh: '一年内离开本行的客户比例，随户均产品数下降。',
      en: 'The share of clients who leave within a year; it falls with the products each holds.',
    },
    ['productPenetration'],
  ),
  t(
    'monteCarlo',
    { zh: '蒙特卡洛模拟', en: 'Monte Carlo simulation' },
    { zh: '多路径随机模拟', en: 'Simulation over many random paths' },
    {
      zh: '用大量随机经济路径模拟未来几年的违约、利润和监管指标，得到分布和超限概率；结果可由随机种子复现。',
      en: 'Simulates defaults, profit and the regulatory ratios over many random economic paths to get distributions and breach probabilities; reproducible from a seed.',
    },
    ['VaR'],
  ),
];

const BY_ID = new Map(GLOSSARY.map((g) => [g.id.toLowerCase(), g]));

/** A term by id, case-insensitive. */
export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return BY_ID.get(id.toLowerCase());
}

/** The glossary term of each engine figure (the glass box links to it). */
export const METRIC_TERMS: Record<MetricKey, string> = {
  netProfit: 'netProfit',
  netInterestIncome: 'NII',
  depositMargin: 'depositMargin',
  feeIncome: 'fees',
  operatingCost: 'operatingCost',
  expectedLoss: 'EL',
  roa: 'ROA',
  raroc: 'RAROC',
  eva: 'EVA',
  costIncomeRatio: 'costIncome',
  economicCapital: 'EC',
  rwa: 'RWA',
  capitalAdequacyRatio: 'CAR',
  hhi: 'HHI',
  effectiveClients: 'effectiveClients',
  largestClientToCapital: 'singleClient',
  top10ToCapital: 'top10',
  lcr: 'LCR',
  nsfr: 'NSFR',
  loanToDeposit: 'LDR',
  corporateDeposits: 'corporateDeposits',
};

/** The hash link that opens the glossary at a term. */
export function glossaryHref(id: string): string {
  return `#/glossary?term=${encodeURIComponent(id)}`;
}

export type RichPart = { kind: 'text'; text: string } | { kind: 'term'; id: string; text: string };

/**
 * Splits lesson text into plain text and glossary links: `[[RAROC]]` links the term with its own
 * text, `[[LCR|流动性覆盖率]]` with the given text. Never produces HTML.
 * @example parseRichText('看[[LCR]]') // [{kind:'text',text:'看'},{kind:'term',id:'LCR',text:'LCR'}]
 */
export function parseRichText(text: string): RichPart[] {
  const parts: RichPart[] = [];
  const re = /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) });
    parts.push({ kind: 'term', id: m[1], text: m[2] ?? m[1] });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
