/** English of zh/overTime.ts: the same groups and keys (a key missing or extra is a compile error). */
import type { Translation } from '../types';
import type { zh } from '../zh/overTime';

export const en: Translation<typeof zh> = {
  overTime: {
    title: 'Over time: five-year Monte Carlo',
    intro:
      'The same strategy plays out differently with different luck. Thousands of quarterly paths, each with its own business cycle (the systematic factor), defaults, client attrition and new clients; the charts show percentile bands, not one number.',

    leversTitle: 'Levers of the run',
    targetMix: 'Target mix',
    targetSame: "Keep the dashboard's mix",
    targetSet: 'Set a target mix',
    targetShare: 'Target share: {segment}',
    targetShareLabel: 'Target loan share',
    targetShareHelp:
      "The segment's share of corporate loans at the end of the glide path; change one and the others rebalance in proportion, so they always sum to 100%",
    targetSum: 'Total {sum}',
    targetNote: "The dashboard's mix is today's: new lending keeps today's structure, nothing is rebalanced.",
    pace: 'Pace',
    smeSpread: '{segment} spread over LPR (bp)',
    managers: 'Client managers',
    managersAuto: 'Staff as the book needs (no headcount cap)',
    managersAutoNote: 'Managers needed = Σ ⌈clients / clients per manager⌉ per segment; the team grows without limit.',
    growthNote: "The team's growth applies only to a set headcount.",
    products: 'Products per client',
    productsOf: '{segment}: products per client',
    attrition: 'Client attrition curve (by products held)',
    attritionNote:
      'Linear between the points; three or more products count as three. The source: with one product about half the clients leave within a year, with two about a third, with three or more about 10%.',
    stress: 'Stress scenario',
    stressCustom: 'Custom (changed elsewhere)',

    runTitle: 'Run',
    paths: 'Paths',
    pathsOption: '{n}',
    workers: 'Worker threads',
    workersAuto: 'Automatic ({n})',
    workersOption: '{n}',
    advanced: 'Advanced',
    workersHelp: "Results do not depend on the number of threads: each path's random numbers depend only on the seed and the path number.",
    run: 'Run simulation',
    fixFirst: 'Correct these inputs before running: {fields}',
    runAgain: 'Run again',
    cancel: 'Cancel',
    progressLabel: 'Simulation progress',
    progressText: '{pct} done',
    eta: 'about {s} s left',
    etaUnknown: 'estimating the time left…',
    summarising: 'Computing the percentiles…',
    cancelled: 'Cancelled: every worker thread has stopped.',
    notRun: 'Not run yet. Press “Run simulation” (a few seconds; the page stays usable).',
    error: 'The simulation failed: {message}',
    stale: '⚠ This result is for an earlier version of the scenario: {changes} changed since. Run again.',
    staleMore: 'and {n} more',
    runInfo: '{paths} paths · seed {seed} · {years} years × {steps} quarters · worker threads: {workers} · {seconds} s',

    years: 'years',
    perQuarter: ' (per quarter, {unit})',
    fanLegend: 'Dark band: 25th–75th percentile; light band: 5th–95th; solid line: median; red dashes: regulatory limit (labelled).',
    fanSummary: 'The median goes from {start} to {end} at the end of year {years}; at the end of year {years}, 90% of paths lie between {p5} and {p95}.',
    fanSummaryLimit: 'Requirement: {limit}; probability of a breach in any quarter {prob}.',
    limitMin: 'minimum {value}',
    limitMax: 'maximum {value}',
    dataTable: 'Data table',
    colTime: 'Time',
    yearEnd: 'end of year {n}',
    today: 'today',
    whatDrives: 'What drives it',

    netProfit: 'Net profit',
    nim: 'Net interest margin (NIM)',
    loss: 'Expected vs realised credit loss',
    lossOverlay: 'expected loss (median)',
    nplRatio: 'NPL ratio',
    car: 'Capital adequacy ratio',
    lcr: 'Liquidity coverage ratio (LCR)',
    nsfr: 'Net stable funding ratio (NSFR)',
    managersNeeded: 'Client managers needed',
    people: 'people',

    loansBySegment: 'Loans by segment (median, stacked)',
    loansSummary: 'Today: {today}; end of year {years} (median): {end}, total {total}.',
    cumTitle: 'Distribution of cumulative net profit over five years',
    cumSummary:
      'Net profit over {years} years: median {p50}, 5th percentile {p5}, 95th percentile {p95}; mean {mean}; probability of a cumulative loss {ploss}.',
    lossSide: '← loss',
    breachTitle: 'Probability of breaching a regulatory limit (any quarter)',
    breachCaption: 'Each row: the share of paths that breach the requirement in at least one quarter of the five years.',
    colLimit: 'Limit',
    colRequirement: 'Requirement',
    colProbability: 'Probability of a breach',
    colWorst: 'Riskiest quarter',
    colVerdict: 'Verdict',
    verdictNever: '✓ no path breaches',
    verdictRare: '△ a few paths breach',
    verdictOften: '✗ breached often',
    anyLimit: 'Any limit',
    quarterN: 'year {y} Q{q} ({p})',

    explainNetProfit:
      'Net profit = loan interest − FTP + deposit margin + fee income − servicing, manager and client-acquisition costs − the funding-gap premium − the carry of extra HQLA − realised loss − tax (per quarter). The book grows at {growth} a year and moves to the target mix {target} over {pace} quarters (each tier’s volume scaled by the demand its price keeps); SME price {spread}; clients who leave must be won again, using the managers’ onboarding capacity; bad quarters bring defaults in batches, which pulls the lower percentiles down.',
    explainNim:
      "NIM = (loan interest − FTP) / performing loans, annualised. LPR today {lpr}, {lprNote}; loans follow the LPR at their yearly reset, deposit rates by {beta} of the change with about {lag} quarters' lag. More SMEs and higher markups raise the NIM.",
    explainLoss:
      'Expected loss = loans at the start × quarterly PD × LGD (dotted line, through-the-cycle PD). Realised loss = loans defaulting in the quarter × LGD: defaults per segment are drawn binomially, with a PD that moves with the systematic factor Z (AR(1), persistence φ = {phi}). {stress}',
    explainNpl:
      'A defaulted loan stays on the books as an NPL for {workout} quarters, then is written off. NPL ratio = NPLs / (performing loans + NPLs); it rises after a bad year and falls once the workout ends.',
    explainCar:
      'Capital = capital at the start + retained net profit (retention {retention}) − losses. Risk-weighted assets grow with the loans (SME risk weight {rw}). Minimum 10.5% (8% + 2.5% conservation buffer).',
    explainLcr:
      'LCR = HQLA / net cash outflows over 30 days. HQLA does not grow with the corporate book; new loans are funded by deposits and wholesale funding, so the LCR falls as the book grows. Deposits per yuan of loans: {deposits}. {run}',
    explainNsfr:
      'NSFR = available / required stable funding. Loans over one year need 85% stable funding; corporate deposits provide only 50%; when loans grow faster than stable deposits the NSFR falls.',
    explainManagers:
      'Managers needed = Σ ⌈clients / clients per manager⌉ ({cpm}). SME loans are small, so there are many more clients. {headcount}; each manager wins {onboarding} new clients a quarter, which caps net client growth.',
    explainLoans:
      "New lending moves the mix from today's {now} to the target {target} over {pace} quarters, limited by demand (pricing above the market loses {elasticity} of demand per 10 bp), by the managers' onboarding capacity and by the growth of {growth} a year. Attrition follows products per client ({attrition}).",
    explainCum:
      'Each path adds up its quarterly net profit over {years} years into one number; the histogram is the distribution of those numbers. The left tail comes from bad years with clustered defaults ({stress}), the right tail from a smooth cycle.',
    explainBreach: 'Every path checks every regulatory limit each quarter; a path counts for a limit if it breaches it in at least one quarter.',
    headcountAuto: 'The team is staffed as the book needs',
    headcountSet: 'Headcount {n}, growing {g} a year',
    noStress: 'no stress scenario now',
    withStress: 'stress scenario: {name}',
    lprFlat: 'the LPR path is flat',
    lprMoves: 'LPR path: {path}',
    runOff: '{x} of corporate deposits leave in the first quarter, paid from HQLA.',
  },
};
