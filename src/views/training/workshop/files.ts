/** Files in and out of the browser, with no server: a Blob download and a File read. */
import { MAX_FILE_BYTES } from '../../../lib/training';
import { downloadText } from '../../../lib/ui/download';

/** Saves data as a pretty-printed JSON file through the browser's download. */
export function downloadJson(filename: string, data: unknown): void {
  downloadText(filename, JSON.stringify(data, null, 2));
}

export class FileTooLargeError extends Error {}

/** Reads a chosen file as text; refuses files over MAX_FILE_BYTES. */
export async function readFileText(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new FileTooLargeError(`${file.size} bytes`);
  return file.text();
}

/** A file name from user text: letters (any script), digits, - and _ only. */
export function safeFileName(text: string): string {
  const cleaned = text
    .trim()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 60) || 'file';
}
