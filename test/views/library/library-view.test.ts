// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { LIBRARY_FILE_FORMAT } from '../../../src/lib/io/library-file';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { demoScenario, writePath } from '../../../src/lib/model';
import LibraryView from '../../../src/views/library/LibraryView.svelte';
import ProblemList from '../../../src/lib/ui/ProblemList.svelte';
import { render } from '@testing-library/svelte';
import { renderWithWorkspace } from '../../helpers/harness';

function upload(input: HTMLElement, name: string, text: string) {
  const file = new File([text], name, { type: 'application/json' });
  return fireEvent.change(input, { target: { files: [file] } });
}

const cards = () => screen.queryAllByTestId('library-card');

describe('LibraryView', () => {
  it('creates scenarios from templates, searches, deletes with undo', async () => {
    i18n.setLang('zh');
    const { db } = await renderWithWorkspace(LibraryView);
    expect(await screen.findByTestId('library-empty')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('new-demo'));
    await fireEvent.click(screen.getByTestId('new-pyramid'));
    await fireEvent.click(screen.getByTestId('new-blank'));
    await waitFor(() => expect(cards()).toHaveLength(3));
    const titles = () => cards().map((c) => (within(c).getByTestId('card-title') as HTMLInputElement).value);
    expect(titles().sort()).toEqual(['倒金字塔银行', '正金字塔银行', '空白情景'].sort());
    expect(screen.getByText(/空白情景沿用演示银行的市场与资产负债表/)).toBeInTheDocument();

    await fireEvent.input(screen.getByTestId('library-search'), { target: { value: '正金字塔' } });
    await waitFor(() => expect(titles()).toEqual(['正金字塔银行']));
    expect(screen.getByTestId('library-count')).toHaveTextContent('显示 1 / 3 个情景');
    await fireEvent.input(screen.getByTestId('library-search'), { target: { value: '' } });

    const pyramid = cards().find((c) => (within(c).getByTestId('card-title') as HTMLInputElement).value === '正金字塔银行')!;
    await fireEvent.click(within(pyramid).getByTestId('card-delete'));
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(screen.getByTestId('undo-delete-toast')).toHaveTextContent('已将“正金字塔银行”移到回收站');
    expect(await db.scenarios.count()).toBe(3); // in the trash, not gone
    await fireEvent.click(screen.getByTestId('undo-delete'));
    await waitFor(() => expect(cards()).toHaveLength(3));
  });

  it('autosaves a rename and tags typed into a card', async () => {
    i18n.setLang('zh');
    const { db } = await renderWithWorkspace(LibraryView);
    await fireEvent.click(await screen.findByTestId('new-demo'));
    await waitFor(() => expect(cards()).toHaveLength(1));
    const title = screen.getByTestId('card-title');
    await fireEvent.focus(title);
    await fireEvent.input(title, { target: { value: '<img src=x onerror=alert(1)> 方案A' } });
    await fireEvent.blur(title);
    await fireEvent.input(screen.getByTestId('card-tags'), { target: { value: '培训，试点' } });
    await fireEvent.blur(screen.getByTestId('card-tags'));
    await waitFor(async () => {
      const [r] = await db.scenarios.toArray();
      expect(r.title).toBe('<img src=x onerror=alert(1)> 方案A');
      expect(r.tags).toEqual(['培训', '试点']);
    });
    expect(document.querySelector('img')).toBeNull(); // text, never HTML
  });

  it('lists every problem of an invalid file with its path and range, and imports nothing', async () => {
    i18n.setLang('en');
    const { db } = await renderWithWorkspace(LibraryView);
    const bad = {
      format: LIBRARY_FILE_FORMAT,
      schemaVersion: 1,
      scenarios: [{ id: 'a', title: '<b>bold?</b>', scenario: writePath(writePath(demoScenario, 'segments.1.lgd', 1.5), 'bank.hqla', -1) }],
    };
    await upload(screen.getByTestId('import-file'), 'bad.json', JSON.stringify(bad));
    const list = await screen.findByTestId('import-problems');
    expect(list).toHaveTextContent('The file "bad.json" has 2 problem(s); nothing was imported');
    expect(list).toHaveTextContent('scenario 1 · segment 2 · LGD');
    expect(list).toHaveTextContent('expected 0 – 1');
    expect(list).toHaveTextContent('found 1.5');
    expect(list).toHaveTextContent('scenario 1 · HQLA');
    expect(await db.scenarios.count()).toBe(0);

    await upload(
      screen.getByTestId('import-file'),
      'good.json',
      JSON.stringify({ ...bad, scenarios: [{ id: 'a', title: '<b>bold?</b>', scenario: demoScenario }] }),
    );
    expect(await screen.findByTestId('import-ok')).toHaveTextContent('Imported 1 scenario(s).');
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect((screen.getByTestId('card-title') as HTMLInputElement).value).toBe('<b>bold?</b>');
    expect(document.querySelector('b')).toBeNull();
    i18n.setLang('zh');
  });
});

describe('ProblemList', () => {
  it('shows where, what, expected and found as text', () => {
    i18n.setLang('zh');
    render(ProblemList, {
      props: {
        heading: '文件有问题',
        problems: [
          { where: '第 3 行，列“pd”', message: { zh: '超出范围', en: 'out of range' }, expected: '0 – 1', received: '<script>x</script>' },
          { where: '', message: { zh: '不是JSON', en: 'not JSON' } },
        ],
        total: 5,
      },
    });
    const list = screen.getByRole('alert');
    expect(list).toHaveTextContent('第 3 行，列“pd”：超出范围 · 应为 0 – 1 · 实际为 <script>x</script>');
    expect(list).toHaveTextContent('整个文件：不是JSON');
    expect(list).toHaveTextContent('另有 3 处问题未列出。');
    expect(list.querySelector('script')).toBeNull();
  });
});
