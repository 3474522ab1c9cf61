/** Files in and out of the browser, with no server: a Blob download and a File read. */
import { MAX_FILE_BYTES } from '../../../lib/training';

/** Saves data as a pretty-printed JSON file through the browser's download. */
export function downloadJson(filename: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

export class FileTooLargeError extends Error {}

/** Reads a chosen file as text; refuses files over MAX_FILE_BYTES. */
export async function readFileText(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new FileTooLargeError(`${file.size} bytes`);
  return file.text();
}

/** A file name from user text: letters (any script), digits, - and _ only. */
export function safeFileName(text: string): string {
  const cleaned = text.trim().replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return cleaned.slice(0, 60) || 'file';
}
