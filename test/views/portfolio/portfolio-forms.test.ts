// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';
import { checkCorrelation, demoClientPortfolio, type ClientPortfolio } from '../../../src/lib/model';
import AllocationPanel from '../../../src/views/portfolio/AllocationPanel.svelte';
import ClientForm from '../../../src/views/portfolio/ClientForm.svelte';
import CorrelationEditor from '../../../src/views/portfolio/CorrelationEditor.svelte';

const names = [
  { zh: '国债', en: 'Government bonds' },
  { zh: '信用债', en: 'Credit bonds' },
  { zh: '股票型基金', en: 'Equity funds' },
];
const matrix = [
  [1, 0.6, -0.2],
  [0.6, 1, 0.1],
  [-0.2, 0.1, 1],
];

describe('CorrelationEditor', () => {
  it('says a matrix is not PSD, naming the cell and its interval, and offers the nearest valid one', async () => {
    i18n.setLang('zh');
    const onCommit = vi.fn();
    render(CorrelationEditor, { props: { names, shortNames: ['国债', '信用债', '股基'], matrix, onCommit } });
    expect(screen.getByRole('status')).toHaveTextContent('✓ 矩阵有效');

    // bonds move together (0.9), equities with one of them (0.9) but against the other (−0.9): impossible
    const set = async (label: string, value: string) => {
      const input = screen.getByLabelText(label);
      await fireEvent.input(input, { target: { value } });
      await fireEvent.change(input, { target: { value } });
    };
    await set('ρ(国债, 信用债)', '0.9');
    await set('ρ(国债, 股票型基金)', '0.9');
    await set('ρ(信用债, 股票型基金)', '-0.9');

    const alert = screen.getByTestId('corr-problem');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent('相关系数矩阵无效，修改未提交');
    expect(alert).toHaveTextContent(/国债、信用债、股票型基金三者的相关系数互相矛盾（矩阵非半正定）：在另外两个相关系数不变时，ρ\(.+\)必须在\[.+\]之内/);
    expect(alert).toHaveTextContent('最近的有效相关矩阵（Higham 2002）将改动 3 个单元格');
    // the offending cells are marked with text, not colour alone
    expect(screen.getByLabelText('ρ(信用债, 股票型基金)')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText('矛盾的单元格').length).toBeGreaterThan(0);
    // only the first edit left a valid matrix and was committed
    expect(onCommit).toHaveBeenCalledTimes(1);

    await fireEvent.click(screen.getByRole('button', { name: '采用最近的有效矩阵' }));
    expect(onCommit).toHaveBeenCalledTimes(2);
    const repaired = onCommit.mock.calls[1][0] as number[][];
    expect(checkCorrelation(repaired).isValid).toBe(true);
    expect(repaired[1][2]).toBeCloseTo(repaired[2][1], 12);
  });

  it('says which cell is not a number between −1 and 1, and in English', async () => {
    i18n.setLang('en');
    const onCommit = vi.fn();
    render(CorrelationEditor, { props: { names, shortNames: ['Gov', 'Credit', 'Equity'], matrix, onCommit } });
    const input = screen.getByLabelText('ρ(Credit bonds, Equity funds)');
    await fireEvent.input(input, { target: { value: '1.5' } });
    await fireEvent.change(input, { target: { value: '1.5' } });
    expect(screen.getByRole('alert')).toHaveTextContent('ρ(Credit bonds, Equity funds) must be a number from −1 to 1');
    expect(onCommit).not.toHaveBeenCalled();
    i18n.setLang('zh');
  });
});

describe('ClientForm', () => {
  it('states a bad horizon at the field and commits nothing', async () => {
    i18n.setLang('zh');
    const onChange = vi.fn();
    render(ClientForm, { props: { portfolio: demoClientPortfolio(), onChange } });
    const horizon = screen.getByLabelText('投资期限');
    await fireEvent.input(horizon, { target: { value: '0' } });
    expect(screen.getByRole('alert')).toHaveTextContent('不能小于 1 年');
    await fireEvent.input(horizon, { target: { value: 'abc' } });
    expect(screen.getByRole('alert')).toHaveTextContent('请输入数字');
    expect(onChange).not.toHaveBeenCalled();
    await fireEvent.input(horizon, { target: { value: '12' } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect((onChange.mock.calls[0][0] as ClientPortfolio).client.horizonYears).toBe(12);
  });

  it('shows each risk level with its limits and switches the profile', async () => {
    i18n.setLang('zh');
    const onChange = vi.fn();
    render(ClientForm, { props: { portfolio: demoClientPortfolio(), onChange } });
    expect(screen.getByLabelText(/C3 平衡型/)).toBeChecked();
    // each level's limits are part of its radio's name (and shown in two columns)
    expect(screen.getByRole('radio', { name: /C1 保守型\s*波动率上限\s*2%\s*投资期内95%置信度的损失上限\s*1%/ })).not.toBeChecked();
    await fireEvent.click(screen.getByLabelText(/C5 进取型/));
    expect((onChange.mock.calls[0][0] as ClientPortfolio).client.riskProfile.key).toBe('aggressive');
  });

  it('shows a client name with markup as text', () => {
    const p = demoClientPortfolio();
    const { container } = render(ClientForm, { props: { portfolio: { ...p, client: { ...p.client, name: '<b>王</b>' } }, onChange: () => {} } });
    expect(screen.getByLabelText('客户名称')).toHaveValue('<b>王</b>');
    expect(container.querySelector('b')).toBeNull();
  });
});

describe('AllocationPanel', () => {
  it('says by how much the weights miss 100% and scales them on request', async () => {
    i18n.setLang('zh');
    const onChange = vi.fn();
    const p = demoClientPortfolio();
    const names = Object.fromEntries(p.assets.assets.map((a) => [a.key, a.name.zh]));
    render(AllocationPanel, { props: { portfolio: p, best: null, names, onChange } });
    await fireEvent.input(screen.getByLabelText('股票型基金的当前权重（%）'), { target: { value: '30' } });
    expect(screen.getByTestId('weight-problem')).toHaveTextContent('权重之和应为100%，现为 105.00%（多出 5.00 个百分点）');
    expect(onChange).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: '按比例调整为100%' }));
    const w = (onChange.mock.calls[0][0] as ClientPortfolio).weights;
    expect(Object.values(w).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(w.equityFund).toBeCloseTo(0.3 / 1.05, 12);
  });

  it('takes fields left as shown for their exact weights (no rounding error in the sum)', async () => {
    i18n.setLang('zh');
    const onChange = vi.fn();
    const p = demoClientPortfolio();
    const third = { ...p, weights: { deposit: 1 / 3, wmp: 1 / 3, govBond: 1 / 3, creditBond: 0, equityFund: 0, gold: 0 } };
    const names = Object.fromEntries(p.assets.assets.map((a) => [a.key, a.name.zh]));
    render(AllocationPanel, { props: { portfolio: third, best: null, names, onChange } });
    expect(screen.getByLabelText('定期存款的当前权重（%）')).toHaveValue('33.33');
    expect(screen.queryByTestId('weight-problem')).toBeNull();
    expect(screen.getByTestId('weight-sum')).toHaveTextContent('100.00%');
  });
});
