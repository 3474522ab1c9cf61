/**
 * Saves sheets as an .xlsx file. The writer (and fflate) load on first use only: a strategist who
 * never exports a workbook never downloads them.
 */
import type { Sheet } from '../../lib/export/table';
import { downloadBlob } from '../../lib/ui/download';

export async function downloadXlsx(fileName: string, sheets: Sheet[]): Promise<void> {
  const { buildXlsx } = await import('../../lib/export/xlsx');
  downloadBlob(fileName, new Blob([buildXlsx(sheets) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
}
