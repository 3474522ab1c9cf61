/**
 * Glass boxes of the loss-distribution figures: VaR, ES, portfolio and granular EC,
 * the granularity add-on, σ, the tail multiple, concentration, RAROC/EVA on the portfolio basis,
 * and each bar of the risk contributions (Euler allocation). Same shape as glass-box.ts (formula,
 * this scenario's numbers, source) but keyed by its own `RiskFigure`, so the dashboard's
 * MetricKey is untouched. Pure: the caller's formatter serves zh and en.
 */
import type { Bilingual } from '../model';
import type { RiskProfile } from '../model/risk-profile';
import type { Formatter } from './glass-box';

export type RiskFigure =
  | { kind: 'expectedLoss' | 'standardDeviation' | 'economicCapital' | 'granularEconomicCapital' | 'granularityAddOn' | 'tailMultiple' }
  | { kind: 'valueAtRisk' | 'expectedShortfall'; level: number }
  | { kind: 'hhi' | 'gini' | 'effectiveClients' | 'top10ToCapital' | 'largestToCapital' }
  | { kind: 'raroc' | 'eva' }
  | { kind: 'contribution'; part: 'segment' | 'name'; key: string };

export interface RiskExplanation {
  title: string;
  formula: string;
  substituted: string[];
  source: string;
}

const SRC_ENGINE: Bilingual = {
  zh: '单因子高斯Copula（Vasicek），条件独立半解析法：Gordy（2000）；Andersen、Sidenius与Basu（2003）；docs/loss-distribution.md',
  en: 'one-factor Gaussian copula (Vasicek), semi-analytic conditional independence: Gordy (2000); Andersen, Sidenius & Basu (2003); docs/loss-distribution.md',
};
const SRC_ES: Bilingual = {
  zh: 'Acerbi与Tasche（2002）离散分布的预期尾部损失；模型说明 §5',
  en: 'Acerbi & Tasche (2002), expected shortfall of discrete distributions; model notes §5',
};
const SRC_ASRF: Bilingual = {
  zh: 'Gordy（2003）渐近单风险因子模型（ASRF）；巴塞尔II第272段',
  en: 'Gordy (2003) asymptotic single risk factor (ASRF) model; Basel II ¶272',
};
const SRC_EULER: Bilingual = {
  zh: 'Tasche（1999）欧拉分配；Acerbi与Tasche（2002）VaR处的离散权重；docs/loss-distribution.md「Euler allocation」',
  en: 'Tasche (1999) Euler allocation; Acerbi & Tasche (2002) discrete weighting at VaR; docs/loss-distribution.md, "Euler allocation"',
};
const SRC_CONC: Bilingual = {
  zh: '《商业银行法》第39条（单一客户≤10%）；《商业银行风险监管核心指标》（2005）；人民银行“最大十家客户贷款比例”≤50%',
  en: 'Commercial Bank Law Art. 39 (single client ≤ 10%); core regulatory indicators (2005); PBoC top-10 ratio ≤ 50%',
};

const lvl = (q: number) => `${+(q * 100).toFixed(2)}%`;
const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** Index of `level` in the distribution's levels (nearest), or −1. */
function levelIndex(p: RiskProfile, level: number): number {
  return p.distribution.quantileLevels.findIndex((q) => Math.abs(q - level) < 1e-9);
}

export function riskFigureTitle(fig: RiskFigure, p: RiskProfile, f: Formatter): string {
  const t: Record<string, Bilingual> = {
    expectedLoss: bi('预期损失EL', 'Expected loss (EL)'),
    standardDeviation: bi('损失标准差σ', 'Standard deviation of loss (σ)'),
    economicCapital: bi('经济资本EC（组合法）', 'Economic capital (EC), portfolio'),
    granularEconomicCapital: bi('经济资本EC（颗粒化闭式解）', 'Economic capital (EC), granular closed form'),
    granularityAddOn: bi('颗粒度调整（集中度附加）', 'Granularity add-on'),
    tailMultiple: bi('尾部倍数 EC / EL', 'Tail multiple EC / EL'),
    hhi: bi('赫芬达尔指数HHI', 'Herfindahl index (HHI)'),
    gini: bi('基尼系数', 'Gini coefficient'),
    effectiveClients: bi('有效客户数 1/HHI', 'Effective number of clients 1/HHI'),
    top10ToCapital: bi('最大十家客户贷款 / 资本净额', 'Top-10 clients / net capital'),
    largestToCapital: bi('单一最大客户贷款 / 资本净额', 'Largest client / net capital'),
    raroc: bi('RAROC（组合法经济资本）', 'RAROC (portfolio EC)'),
    eva: bi('EVA（组合法经济资本）', 'EVA (portfolio EC)'),
  };
  if (fig.kind === 'valueAtRisk') return f.pick(bi(`风险价值VaR ${lvl(fig.level)}`, `Value at risk (VaR) ${lvl(fig.level)}`));
  if (fig.kind === 'expectedShortfall') return f.pick(bi(`预期尾部损失ES ${lvl(fig.level)}`, `Expected shortfall (ES) ${lvl(fig.level)}`));
  if (fig.kind === 'contribution') return f.pick(bi(`风险贡献：${contributionName(fig, p, f)}`, `Risk contribution: ${contributionName(fig, p, f)}`));
  return f.pick(t[fig.kind]);
}

/** A segment's display name, or a client id such as large-3 as 大客户第3大 / Large client #3. */
export function contributionName(fig: { part: 'segment' | 'name'; key: string }, p: RiskProfile, f: Formatter): string {
  if (fig.part === 'segment') {
    const s = p.segments.find((x) => x.key === fig.key);
    return s ? f.pick(s.name) : fig.key;
  }
  return clientName(fig.key, p, f);
}

export function clientName(id: string, p: RiskProfile, f: Formatter): string {
  const m = /^(.*)-(\d+)$/.exec(id);
  const seg = m ? p.segments.find((x) => x.key === m[1]) : undefined;
  if (!m || !seg) return id;
  return f.lang === 'zh' ? `${f.pick(seg.name)}第${m[2]}大` : `${f.pick(seg.name)} #${m[2]}`;
}

/** The glass box of one figure of the risk view. */
export function explainRisk(fig: RiskFigure, p: RiskProfile, f: Formatter): RiskExplanation {
  const d = p.distribution;
  const c = p.concentration;
  const q = d.ecConfidence;
  const money = f.money;
  const out = (formula: Bilingual, substituted: string[], source: Bilingual): RiskExplanation => ({
    title: riskFigureTitle(fig, p, f),
    formula: f.pick(formula),
    substituted,
    source: f.pick(source),
  });
  const segLine = (s: RiskProfile['segments'][number]) =>
    `${f.pick(s.name)}: ${s.clients.toLocaleString('en-US')} ${f.lang === 'zh' ? '户' : 'clients'}, EAD ${money(s.ead)}, PD ${f.percent(s.pd)}, LGD ${f.percent(s.lgd, 0)}, ρ ${s.rho.toFixed(4)}`;

  switch (fig.kind) {
    case 'expectedLoss':
      return out(
        bi('EL = Σ EADᵢ × PDᵢ × LGDᵢ（逐户加总，精确）', 'EL = Σ EADᵢ × PDᵢ × LGDᵢ (summed client by client, exact)'),
        [
          ...p.segments.map((s) => `${f.pick(s.name)}: ${money(s.ead)} × ${f.percent(s.pd)} × ${f.percent(s.lgd, 0)} = ${money(s.ead * s.pd * s.lgd)}`),
          `= ${money(d.expectedLoss)}`,
        ],
        bi('巴塞尔II：预期损失 = PD × LGD × EAD', 'Basel II: expected loss = PD × LGD × EAD'),
      );
    case 'standardDeviation':
      return out(
        bi(
          'σ² = E[Var(L | Z)] + Var(E[L | Z])：系统因子Z下的条件方差（违约相互独立）加上条件均值随Z的波动',
          'σ² = E[Var(L | Z)] + Var(E[L | Z]): the conditional variance given the systematic factor Z (independent defaults) plus the spread of the conditional mean over Z',
        ),
        [
          `σ = ${money(d.standardDeviation)}`,
          `EL = ${money(d.expectedLoss)}; σ / EL = ${(d.standardDeviation / d.expectedLoss).toFixed(2)}`,
          ...p.segments.map(segLine),
        ],
        SRC_ENGINE,
      );
    case 'valueAtRisk': {
      const i = levelIndex(p, fig.level);
      const v = d.quantiles[i];
      const g = d.granular.quantiles[i];
      return out(
        bi(
          `VaR_q = min{ x : P(L ≤ x) ≥ q }，q = ${lvl(fig.level)}：一年内损失超过它的概率不到 ${lvl(1 - fig.level)}`,
          `VaR_q = min{ x : P(L ≤ x) ≥ q }, q = ${lvl(fig.level)}: a one-year loss above it has probability below ${lvl(1 - fig.level)}`,
        ),
        [
          `VaR ${lvl(fig.level)} = ${money(v)}`,
          `${f.pick(bi('颗粒化闭式解', 'granular closed form'))}: Σ EAD·LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(q)) / √(1−ρ)) = ${money(g)}`,
          `${f.pick(bi('差额（大户集中带来的部分）', 'difference (from the lumpy names)'))}: ${money(v - g)}`,
          `${f.pick(bi('损失格点', 'loss lattice'))}: ${d.diagnostics.latticePoints} × ${money(d.grid.lossStep)}; ${f.pick(bi('积分节点', 'quadrature nodes'))}: ${d.diagnostics.quadratureNodes}`,
        ],
        SRC_ENGINE,
      );
    }
    case 'expectedShortfall': {
      const i = levelIndex(p, fig.level);
      return out(
        bi(
          'ES_q = (E[L·1{L > VaR}] + VaR·(P(L ≤ VaR) − q)) / (1 − q)：最坏 (1−q) 情形的平均损失',
          'ES_q = (E[L·1{L > VaR}] + VaR·(P(L ≤ VaR) − q)) / (1 − q): the mean loss in the worst (1−q) of years',
        ),
        [
          `q = ${lvl(fig.level)}, VaR = ${money(d.quantiles[i])}`,
          `ES ${lvl(fig.level)} = ${money(d.expectedShortfalls[i])}`,
          `${f.pick(bi('颗粒化闭式解', 'granular closed form'))}: ${money(d.granular.expectedShortfalls[i])}`,
          `ES − VaR = ${money(d.expectedShortfalls[i] - d.quantiles[i])}`,
        ],
        SRC_ES,
      );
    }
    case 'economicCapital':
      return out(
        bi(
          `EC = VaR_${lvl(q)} − EL（整个贷款组合的损失分布，大户逐户计算）`,
          `EC = VaR_${lvl(q)} − EL (the whole book's loss distribution, large names one by one)`,
        ),
        [
          `${money(d.valueAtRisk)} − ${money(d.expectedLoss)} = ${money(d.economicCapital)}`,
          ...d.contributions.bySegment.map(
            (s) => `${contributionName({ part: 'segment', key: s.key }, p, f)}: ${money(s.economicCapital)} (${f.percent(s.shareOfEconomicCapital, 1)})`,
          ),
        ],
        SRC_ENGINE,
      );
    case 'granularEconomicCapital':
      return out(
        bi(
          `EC_颗粒 = Σ EAD·LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(${q})) / √(1−ρ)) − EL：假设每层客户无限分散`,
          `EC_granular = Σ EAD·LGD·Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(${q})) / √(1−ρ)) − EL: as if every segment were infinitely fine-grained`,
        ),
        [
          ...d.granular.bySegment.map(
            (s) =>
              `${contributionName({ part: 'segment', key: s.segment }, p, f)}: ${money(s.valueAtRisk)} − ${money(s.expectedLoss)} = ${money(s.economicCapital)}`,
          ),
          `= ${money(d.granular.economicCapital)}`,
        ],
        SRC_ASRF,
      );
    case 'granularityAddOn': {
      const g = d.granular.economicCapital;
      return out(
        bi(
          '颗粒度调整 = EC（组合法） − EC（颗粒化闭式解） = VaR − VaR_颗粒：少数大户使尾部变厚所需的额外资本',
          'Add-on = EC (portfolio) − EC (granular closed form) = VaR − VaR_granular: the extra capital a few large names add to the tail',
        ),
        [
          `${money(d.economicCapital)} − ${money(g)} = ${money(d.granularityAddOn)}`,
          `${money(d.granularityAddOn)} / ${money(g)} = ${f.percent(g > 0 ? d.granularityAddOn / g : 0, 1)}`,
          `HHI ${c.hhi.toFixed(5)}; ${f.pick(bi('有效客户数', 'effective clients'))} ${c.effectiveClients.toFixed(0)}`,
        ],
        bi(
          'Gordy（2003）：颗粒化闭式解只在无限分散时成立；差额即集中度附加（巴塞尔第二支柱）；docs/loss-distribution.md',
          'Gordy (2003): the closed form holds only for an infinitely fine-grained book; the difference is the concentration add-on (Basel Pillar 2); docs/loss-distribution.md',
        ),
      );
    }
    case 'tailMultiple':
      return out(
        bi(
          '尾部倍数 = EC / EL：每1元预期损失背后需要多少元经济资本；越大，尾部相对预期越厚',
          'Tail multiple = EC / EL: capital held per yuan of expected loss; the larger, the fatter the tail relative to what is expected',
        ),
        [`${money(d.economicCapital)} / ${money(d.expectedLoss)} = ${(d.economicCapital / d.expectedLoss).toFixed(2)}`],
        SRC_ENGINE,
      );
    case 'hhi':
      return out(
        bi('HHI = Σ (EADᵢ / Σ EAD)²（逐户，含每个分档内的客户）', 'HHI = Σ (EADᵢ / Σ EAD)² (client by client, every client of a band included)'),
        [`HHI = ${c.hhi.toFixed(5)}`, `${c.clients.toLocaleString('en-US')} ${f.lang === 'zh' ? '户' : 'clients'}, Σ EAD = ${money(c.totalExposure)}`],
        bi('赫芬达尔-赫希曼指数；模型说明 §2、§6', 'Herfindahl–Hirschman index; model notes §2, §6'),
      );
    case 'gini':
      return out(
        bi(
          '基尼系数 G = 2·Σ i·xᵢ / (n·Σ x) − (n+1)/n（xᵢ 升序）：0 为完全均等，趋近1为一户独大',
          'Gini G = 2·Σ i·xᵢ / (n·Σ x) − (n+1)/n (xᵢ ascending): 0 all equal, towards 1 one client holds everything',
        ),
        [`n = ${c.clients.toLocaleString('en-US')}, G = ${c.gini.toFixed(3)}`],
        bi('基尼系数（洛伦兹曲线）；模型说明 §6', 'Gini coefficient (Lorenz curve); model notes §6'),
      );
    case 'effectiveClients':
      return out(
        bi('有效客户数 = 1 / HHI：同等集中度下“等额客户”的个数', 'Effective clients = 1 / HHI: how many equal clients give the same concentration'),
        [
          `1 / ${c.hhi.toFixed(5)} = ${c.effectiveClients.toFixed(0)} (${c.clients.toLocaleString('en-US')} ${f.lang === 'zh' ? '户实际客户' : 'actual clients'})`,
        ],
        bi('赫芬达尔-赫希曼指数的倒数', 'inverse of the Herfindahl–Hirschman index'),
      );
    case 'top10ToCapital': {
      const l = c.limits.top10;
      return out(
        bi('最大十家客户贷款比例 = 最大十家客户贷款 / 资本净额 ≤ 50%', 'Top-10 ratio = loans to the ten largest clients / net capital ≤ 50%'),
        [
          `${money(c.top10Exposure)} / ${money(p.netCapital)} = ${f.percent(l.value, 1)}`,
          `${f.percent(l.limit, 0)} − ${f.percent(l.value, 1)} = ${f.percent(l.margin, 1)} ${l.isPass ? '✓' : '✗'}`,
          `${f.pick(bi('占贷款', 'share of loans'))}: ${f.percent(c.top10Share, 1)}`,
        ],
        SRC_CONC,
      );
    }
    case 'largestToCapital': {
      const l = c.limits.singleClient;
      return out(
        bi('单一客户贷款集中度 = 最大一家客户贷款 / 资本净额 ≤ 10%', "Single-client concentration = largest client's loans / net capital ≤ 10%"),
        [
          `${money(c.largestExposure)} / ${money(p.netCapital)} = ${f.percent(l.value, 1)}`,
          `${f.percent(l.limit, 0)} − ${f.percent(l.value, 1)} = ${f.percent(l.margin, 1)} ${l.isPass ? '✓' : '✗'}`,
        ],
        SRC_CONC,
      );
    }
    case 'raroc': {
      const k = p.capital;
      return out(
        bi('RAROC = 净利润 / 经济资本（组合法）', 'RAROC = net profit / economic capital (portfolio)'),
        [
          `${money(k.netProfit)} / ${money(k.portfolioEconomicCapital)} = ${f.percent(k.portfolioRaroc)}`,
          `${f.pick(bi('颗粒化口径', 'granular basis'))}: ${money(k.netProfit)} / ${money(k.granularEconomicCapital)} = ${f.percent(k.granularRaroc)}`,
          `${f.pick(bi('门槛回报率', 'hurdle rate'))}: ${f.percent(k.hurdleRate, 1)}`,
        ],
        bi('风险调整资本回报率；模型说明 §3、§5', 'risk-adjusted return on capital; model notes §3, §5'),
      );
    }
    case 'eva': {
      const k = p.capital;
      return out(
        bi('EVA = 净利润 − 门槛回报率 × 经济资本（组合法）', 'EVA = net profit − hurdle rate × economic capital (portfolio)'),
        [
          `${money(k.netProfit)} − ${f.percent(k.hurdleRate, 1)} × ${money(k.portfolioEconomicCapital)} = ${money(k.portfolioEva)}`,
          `${f.pick(bi('颗粒化口径', 'granular basis'))}: ${money(k.granularEva)}`,
        ],
        bi('经济增加值；模型说明 §3', 'economic value added; model notes §3'),
      );
    }
    case 'contribution': {
      const rows = fig.part === 'segment' ? d.contributions.bySegment : d.contributions.topNames;
      const r = rows.find((x) => x.key === fig.key);
      if (!r) return out(bi('—', '—'), [], SRC_EULER);
      // Σ over segments of (ES_c − EL_c): the denominator of the scaling to EC.
      const excess = d.contributions.bySegment.reduce((a, s) => a + s.expectedShortfallContribution - s.expectedLoss, 0);
      const lines = [
        `ES_c = E[X_c · h(L)] / (1 − ${q}) = ${money(r.expectedShortfallContribution)}`,
        `EL_c = ${money(r.expectedLoss)}`,
        `EC_c = (${money(r.expectedShortfallContribution)} − ${money(r.expectedLoss)}) × ${money(d.economicCapital)} / ${money(excess)} = ${money(r.economicCapital)}`,
        `${f.pick(bi('占经济资本', 'share of EC'))}: ${f.percent(r.shareOfEconomicCapital, 2)}; EAD ${money(r.ead)}; ${r.clients.toLocaleString('en-US')} ${f.lang === 'zh' ? '户' : r.clients === 1 ? 'client' : 'clients'}`,
      ];
      if (fig.part === 'name') {
        const n = p.names.find((x) => x.id === fig.key);
        if (n)
          lines.push(
            `PD ${f.percent(n.pd)}, LGD ${f.percent(n.lgd, 0)}, ρ ${n.rho.toFixed(4)}; EAD / ${f.pick(bi('资本净额', 'net capital'))} = ${f.percent(n.ead / p.netCapital, 2)}`,
          );
      } else {
        const g = d.granular.bySegment.find((x) => x.segment === fig.key);
        if (g) lines.push(`${f.pick(bi('颗粒化闭式解', 'granular closed form'))}: ${money(g.economicCapital)}`);
      }
      return out(
        bi(
          '欧拉分配（ES口径）：h(L) 在VaR之上为1、在VaR处为θ、之下为0；ES_c = E[X_c·h(L)]/(1−q)，各部分之和等于ES；EC_c = (ES_c − EL_c) × EC / Σ(ES_c − EL_c)，各部分之和等于EC',
          'Euler allocation of expected shortfall: h(L) = 1 above VaR, θ at VaR, 0 below; ES_c = E[X_c·h(L)]/(1−q) sums to ES; EC_c = (ES_c − EL_c) × EC / Σ(ES_c − EL_c) sums to EC',
        ),
        lines,
        SRC_EULER,
      );
    }
  }
}
