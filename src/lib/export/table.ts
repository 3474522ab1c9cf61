/**
 * Tables to take to a spreadsheet: CSV text (RFC 4180, with a BOM so Excel reads the Chinese
 * headers as UTF-8). The .xlsx writer is in xlsx.ts, loaded only when a workbook is asked for.
 */

/** A sheet: a name and rows of cells (numbers stay numbers). */
export interface Sheet {
  name: string;
  rows: (string | number)[][];
}

function csvCell(x: string | number): string {
  const s = typeof x === 'number' ? (Number.isFinite(x) ? String(x) : '') : x;
  // A leading = + - @ would be read as a formula by a spreadsheet: quote it as text.
  const safe = typeof x === 'string' && /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV text, with a byte-order mark.
 * @example toCsv([['id', 'loans'], ['A', 5e8]]) // '\uFEFFid,loans\r\nA,500000000\r\n'
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
