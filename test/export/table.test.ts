import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/export/table';
import { buildXlsx, columnName } from '../../src/lib/export/xlsx';

describe('toCsv', () => {
  it('quotes what needs quoting and keeps a spreadsheet from reading a formula', () => {
    expect(
      toCsv([
        ['id', 'note'],
        ['A,1', '=cmd()'],
        ['B', -0.5],
      ]),
    ).toBe('\uFEFFid,note\r\n"A,1",\'=cmd()\r\nB,-0.5\r\n');
  });
});

describe('buildXlsx', () => {
  it('writes a workbook whose sheets hold the numbers and text given', () => {
    const bytes = buildXlsx([
      {
        name: 'Inputs',
        rows: [
          ['path', 'value'],
          ['market.lpr1y', 0.031],
        ],
      },
      {
        name: '结果/净利润',
        rows: [
          ['x', 'y'],
          ['<A&B>', 1.5e9],
        ],
      },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toContain('xl/worksheets/sheet2.xml');
    const book = strFromU8(files['xl/workbook.xml']);
    expect(book).toContain('name="Inputs"');
    expect(book).toContain('name="结果 净利润"');
    const s2 = strFromU8(files['xl/worksheets/sheet2.xml']);
    expect(s2).toContain('<c r="B2"><v>1500000000</v></c>');
    expect(s2).toContain('&lt;A&amp;B&gt;');
    expect(strFromU8(files['xl/worksheets/sheet1.xml'])).toContain('<c r="B2"><v>0.031</v></c>');
  });
  it('names columns past Z', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
