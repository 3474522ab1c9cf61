import { columnsFromRows } from '../../../src/lib/io/loan-book-columns';
// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { cloneScenario, demoScenario, topClients } from '../../../src/lib/model';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { libraryFor } from '../../../src/lib/state/library.svelte';
import { riskProfile } from '../../../src/lib/model/risk-profile';
import WorkbenchView from '../../../src/views/workbench/WorkbenchView.svelte';
import { generateBook } from '../../fixtures/book-generator';
import { renderWithWorkspace } from '../../helpers/harness';

describe('WorkbenchView', () => {
  it('shows the actual book’s top names from the engine, and the generated book once the book is removed', async () => {
    i18n.lang = 'zh';
    const rows = generateBook(400, { seed: 9 });
    const { workspace } = await renderWithWorkspace(WorkbenchView);
    const library = libraryFor(workspace);
    const record = await library.create(cloneScenario(demoScenario), '带贷款明细', '副本');
    await library.addBook(record!.id, 'book.csv', columnsFromRows(rows));
    workspace.openSaved(record!.id, cloneScenario(demoScenario), cloneScenario(demoScenario));

    const direct = riskProfile(demoScenario, rows).book!.clients;
    const first = direct.ids[topClients(direct, 'exposure', 1)[0]];
    await waitFor(() => expect(screen.getByTestId('names-table')).toBeTruthy(), { timeout: 20_000 });
    expect(screen.getAllByTestId('names-row')).toHaveLength(20);
    expect(screen.getAllByTestId('names-row')[0].querySelector('th')!.textContent).toBe(first);
    expect(screen.getByTestId('wb-book-line').textContent).toContain('我行实际贷款“book.csv”（400 户');

    await library.removeBook((await library.store.transact((tx) => tx.loanBooksOf(record!.id)))[0].id);
    await waitFor(() => expect(screen.getByTestId('wb-book-line').textContent).toContain('模型按情景参数生成'));
    expect(screen.queryByTestId('names-table')).toBeNull();
  });
});
