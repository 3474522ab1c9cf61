import { describe, expect, it } from 'vitest';
import { readEnvelope, readJsonText } from '../../src/lib/io/envelope';
import { LIBRARY_FILE_FORMAT, parseLibraryData, parseLibraryText } from '../../src/lib/io/library-file';
import { TRANSFER_LIMITS } from '../../src/lib/io/limits';
import { parsePortfolioData, parsePortfolioText, PORTFOLIO_FILE_FORMAT } from '../../src/lib/io/portfolio-file';

const spec = {
  format: 'tong-mix-lab/test',
  version: 1,
  listKey: 'items',
  maxItems: 2,
  notThisFile: { message: { zh: '不是测试文件', en: 'not a test file' } },
} as const;

describe('the file envelope (one reader for every exported file)', () => {
  it('gives the items of a valid envelope, unchecked', () => {
    expect(readEnvelope({ format: 'tong-mix-lab/test', schemaVersion: 1, exportedAt: '2025-01-01', items: [1, 'a'] }, spec)).toEqual({
      ok: true,
      items: [1, 'a'],
    });
  });

  it('says what is wrong with the envelope: not a file, wrong format or version, empty or too long a list', () => {
    const notFile = readEnvelope([1, 2], spec);
    expect(notFile.ok || notFile.problems).toEqual([{ path: '', received: 'array', message: { zh: '不是测试文件', en: 'not a test file' } }]);
    const wrong = readEnvelope({ format: 'other', schemaVersion: 2, items: [] }, spec);
    expect(wrong.ok).toBe(false);
    const paths = wrong.ok ? [] : wrong.problems.map((p) => [p.path, p.expected]);
    expect(paths).toEqual([
      ['format', '"tong-mix-lab/test"'],
      ['schemaVersion', '1'],
      ['items', '≥ 1'],
    ]);
    const long = readEnvelope({ format: 'tong-mix-lab/test', schemaVersion: 1, items: [1, 2, 3] }, spec);
    expect(long.ok || long.problems[0]).toMatchObject({ path: 'items', expected: '≤ 2', message: { en: 'too long, at most 2' } });
  });

  it('reads a one-record file: its own version field and its own words for another file or version', () => {
    const record = {
      format: 'tong-mix-lab/record',
      version: 1,
      versionKey: 'version',
      notThisFile: { message: { zh: '不是记录', en: 'not a record' } },
      otherFile: { zh: '不是记录', en: 'not a record' },
      otherVersion: { zh: '版本不对', en: 'wrong version' },
    } as const;
    const data = { format: 'tong-mix-lab/record', version: 1, title: 'x' };
    expect(readEnvelope(data, record)).toEqual({ ok: true, items: [data] });
    const wrong = readEnvelope({ format: 'other', version: 2 }, record);
    expect(wrong.ok ? [] : wrong.problems.map((p) => [p.path, p.message.en])).toEqual([
      ['format', 'not a record'],
      ['version', 'wrong version'],
    ]);
  });

  it('reads JSON text within a size limit, a byte-order mark allowed', () => {
    expect(readJsonText('\uFEFF{"a":1}', 100)).toEqual({ ok: true, data: { a: 1 } });
    const big = readJsonText('[1,2,3]', 3);
    expect(big.ok || big.problems[0]).toMatchObject({ expected: '≤ 3 characters', received: '7' });
    const broken = readJsonText('{', 100);
    expect(broken.ok || broken.problems[0].expected).toBe('JSON');
  });

  it('the library and portfolio files report the same envelope fault in the same words', () => {
    const lib = parseLibraryData({ format: LIBRARY_FILE_FORMAT, schemaVersion: 9, scenarios: [{}] });
    const port = parsePortfolioData({ format: PORTFOLIO_FILE_FORMAT, schemaVersion: 9, portfolios: [{}] });
    expect(lib.ok || lib.problems).toEqual(port.ok || port.problems);
    expect(lib.ok || lib.problems[0]).toMatchObject({ path: 'schemaVersion', expected: '1', received: '9' });
    expect(parseLibraryText('x'.repeat(TRANSFER_LIMITS.fileChars + 1)).ok).toBe(false);
    const notJson = parsePortfolioText('{');
    expect(notJson.ok || notJson.problems[0].expected).toBe('JSON');
  });
});
