/** English of zh/common.ts: the same groups and keys (a key missing or extra is a compile error). */
import type { Translation } from '../types';
import type { zh } from '../zh/common';
import { metricLabels } from '../metric-labels';

export const en: Translation<typeof zh> = {
  app: {
    subtitle: 'Client Mix Lab',
    tagline:
      'Large clients are the gravel (the skeleton), mid-sized clients the sand, small clients the cement paste that binds: the mix decides safety, profitability and liquidity.',
    switchLanguage: '中文',
    switchLanguageLabel: 'Switch the interface to Chinese',
    skipToContent: 'Skip to main content',
    storageUnavailable: 'Browser storage is unavailable (private mode?): changes are kept in memory only and are lost when the page closes.',
    storageFull:
      'The disk is full: the latest edits could not be written to browser storage and are kept in this page only. Free some disk space, or export from the Library (the export includes this page’s current edits).',
    storageFailed:
      'Writing to browser storage failed: the latest edits are kept in this page only and are lost when it closes. Export from the Library to keep them.',
    recoveredLabel: 'recovered',
    retry: 'Retry',
    reload: 'Reload',
    updateReady: 'A new version is ready.',
    updateReload: 'Reload to use it',
    databaseReplaced:
      'Another tab upgraded this app’s database to a new version: this page has stopped writing to it (nothing is written in the old format); what is on screen stays, and further edits are kept in the browser. Reload this page to go on saving.',
    databaseBlocked: 'The database upgrade is waiting for another tab with the old version to close: close or reload the other tabs.',
    notSaved: 'Not saved',
    recovered:
      'The scenario being edited, “{damaged}”, is damaged in storage (the record is kept as it is): your edits were saved as a new scenario “{title}”, and further edits autosave to it.',
    storageDamaged: 'The saved scenario is damaged ({where}); it was kept as it is and the demo bank was opened instead.',
    saved: 'Saved',
    saving: 'Saving…',
    computing: 'Computing…',
    loading: 'Loading…',
    loadFailed:
      'The app could not load (a file failed to download). Check the connection and reload the page; your saved scenarios are on this computer and are not affected.',
    engineError: 'Calculation failed: {message}',
    presentation: 'Projector mode',
    presentationExit: 'Leave projector mode',
    print: 'Print report',
  },
  nav: {
    label: 'Main views',
  },
  worker: {
    timeout: 'the computing thread gave no answer within {seconds} s and was stopped; Retry starts a fresh one',
    crashed: 'the computing thread stopped unexpectedly; Retry starts a fresh one',
    unreadable: 'the computing thread’s answer could not be read; Retry starts a fresh one',
  },
  scenario: {
    saveOpen: 'Save to library…',
    savedCurrent: 'Saved: {title}',
    current: 'Current scenario',
    resetDemo: 'Reset to the demo bank',
    resetConfirm: 'Discard every change and go back to "the inverted-pyramid bank"? This cannot be undone.',
    loadPyramid: 'Load the pyramid bank',
    loadPyramidConfirm: 'Replace the current scenario with "the pyramid bank"?',
    confirm: 'Confirm',
    cancel: 'Cancel',
  },
  input: {
    notANumber: 'Enter a number',
    belowMin: 'Must be at least {min}',
    aboveMax: 'Must be at most {max}',
    notInteger: 'Enter a whole number',
    source: 'Default from: {source}',
  },
  hint: {
    firstRun: 'Try this: drag the "Large clients" slider left to 40% and watch the three principles respond. Click any figure to see its formula.',
    dismiss: 'Got it',
  },
  metric: {
    ...metricLabels('en'),
    openGlassBox: 'Show the formula and working of {metric}',
    hurdle: 'hurdle {value}',
  },
  limit: {
    pass: 'Pass',
    fail: 'Breach',
    max: 'max {limit}',
    min: 'min {limit}',
    margin: 'margin {margin}',
    breach: 'over by {margin}',
    singleClientToCapital: 'Single-client concentration',
    top10ToCapital: 'Top-10 clients ratio',
    capitalAdequacyRatio: 'Capital adequacy ratio',
    tier1Ratio: 'Tier 1 ratio',
    cet1Ratio: 'CET1 ratio',
    lcr: 'Liquidity coverage ratio',
    nsfr: 'Net stable funding ratio',
    title: 'Regulatory limits',
  },
  principle: {
    safety: 'Safety',
    safetyEn: '安全性',
    safetyHint: 'Strength: capacity to absorb losses',
    profitability: 'Profitability',
    profitabilityEn: '效益性',
    profitabilityHint: 'Economy: the least cement for the job',
    liquidity: 'Liquidity',
    liquidityEn: '流动性',
    liquidityHint: 'Workability: the fresh mix flows and can be placed',
  },
  glass: {
    title: 'Formula and working',
    formula: 'Formula',
    substituted: 'With this scenario’s numbers',
    source: 'Source of the rule',
    drivers: 'Inputs that move it most (each ±10%)',
    driverRow: '{input}: down {down}, up {up}',
    close: 'Close',
  },
  change: {
    up: 'up',
    down: 'down',
    better: 'better',
    worse: 'worse',
    legendArrow: '▲ up ▼ down',
    legendRule: "better / worse by each figure's own direction (blue better, orange worse; no red or green)",
  },
};
