// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { columnsFromRows } from '../../../src/lib/io/loan-book-columns';
import { cloneScenario, demoScenario } from '../../../src/lib/model';
import { checkRecord, libraryFor } from '../../../src/lib/state/library.svelte';
import LoanBookPanel from '../../../src/views/library/LoanBookPanel.svelte';
import { bookCsv, generateBook } from '../../fixtures/book-generator';
import { MixLabDatabase } from '../../../src/lib/db/database';
import { createInProcessEngine } from '../../../src/lib/workers/engine-in-process';
import { Workspace } from '../../../src/lib/state/workspace.svelte';
import type { LoanBookRecord } from '../../../src/lib/db/database';
import ContextHost from '../../helpers/ContextHost.svelte';

let counter = 0;
/** The panel of a new library scenario (with `book` stored for it first, if given). */
async function renderPanel(book?: (scenarioId: string) => LoanBookRecord) {
  const db = new MixLabDatabase(`panel-${Date.now()}-${counter++}`);
  const workspace = new Workspace(createInProcessEngine(), db);
  await workspace.init();
  const library = libraryFor(workspace);
  const record = await library.create(cloneScenario(demoScenario), '带贷款明细', '副本');
  if (book) await library.store.transact((tx) => tx.putLoanBook(book(record!.id)));
  const entry = checkRecord(record!);
  render(ContextHost, { props: { workspace, component: LoanBookPanel as Component, props: { entry } } });
  return { db, workspace };
}

describe('LoanBookPanel', () => {
  it('imports a CSV (parsed in the engine, stored as columns) and shows its figures', async () => {
    i18n.setLang('zh');
    const rows = generateBook(300, { seed: 7 });
    const { db, workspace } = await renderPanel();
    const file = new File([bookCsv(rows)], 'book.csv', { type: 'text/csv' });
    await fireEvent.change(screen.getByTestId('book-file'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('book-figures')).toBeTruthy(), { timeout: 20_000 });
    expect(screen.getByText(/已导入 300 户客户/)).toBeTruthy();
    expect(await db.loanBooks.count()).toBe(1);
    expect(await db.loanBookChunks.count()).toBe(1);
    // calibrate (in the engine, on the book it holds): the scenario opens on the dashboard with the book's total
    await fireEvent.click(screen.getByTestId('book-calibrate'));
    await waitFor(() => expect(location.hash).toBe('#/dashboard'));
    expect(workspace.scenario.bank.corporateLoans).toBe(rows.reduce((a, r) => a + r.exposure, 0));
  });

  it('says a stored book is damaged (and offers to remove it) instead of showing nothing', async () => {
    i18n.setLang('zh');
    const columns = columnsFromRows(generateBook(50, { seed: 1 }));
    columns.pd[3] = 7; // a PD of 700%
    await renderPanel((scenarioId) => ({ id: 'bad', name: 'bad.csv', scenarioId, createdAt: 1, columns }));
    await waitFor(() => expect(screen.getByTestId('book-damaged')).toBeTruthy(), { timeout: 20_000 });
    expect(screen.getByTestId('book-damaged').textContent).toContain('bad.csv');
    expect(screen.queryByTestId('book-figures')).toBeNull();
  });
});
