/**
 * A scenario shared as a link: the whole scenario (every input, hand-typed ones included) as JSON,
 * compressed with CompressionStream('deflate-raw') and written base64url into the URL hash, so it
 * never reaches a server (the hash is not sent). Opening the link validates the scenario again.
 * The loan book is not in the link: it stays in the browser that imported it.
 *
 * Never throws: decoding returns the shared scenario or the problems found.
 */
import { validateScenario, type ValidationProblem, type Scenario } from '../model';

/** Version of the link payload. */
export const SHARE_VERSION = 1;
/** The hash route that opens a shared scenario: `#/library?d=<data>`. */
export const SHARE_ROUTE = '#/library';
export const SHARE_PARAM = 'd';
/** Decompressed payloads larger than this are refused (a link is not a place for megabytes). */
export const MAX_JSON_BYTES = 1_000_000;
/**
 * Links longer than this are refused before any decompression: a scenario with every input
 * hand-typed compresses to a few kB, so 100 kB of data is far beyond any real link.
 */
export const MAX_LINK_CHARS = 100_000;
/**
 * Compressed input is fed to the decompressor in slices this small, and the output is counted as
 * it comes: deflate inflates at most about 1,032 : 1, so no single output chunk exceeds about
 * 1 MB and a "zip bomb" link is stopped at the cap instead of inflating to gigabytes.
 */
const INPUT_SLICE_BYTES = 1024;

export interface SharedScenario {
  title: string;
  description: string;
  tags: string[];
  scenario: Scenario;
}

export type DecodedShare = { ok: true; shared: SharedScenario } | { ok: false; problems: ValidationProblem[] };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipeThrough(bytes: Uint8Array, stream: GenerateTransformStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  let isStopped = false;
  // Slice by slice, each write waiting for the reader (backpressure): the output is never far ahead of the count.
  const writing = (async () => {
    for (let at = 0; at < bytes.length && !isStopped; at += INPUT_SLICE_BYTES) {
      await writer.write(bytes.slice(at, at + INPUT_SLICE_BYTES) as Uint8Array<ArrayBuffer>);
    }
    if (!isStopped) await writer.close();
  })();
  writing.catch(() => {}); // the reader below reports the failure
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      isStopped = true;
      await reader.cancel().catch(() => {});
      await writer.abort().catch(() => {});
      throw new Error('too large');
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}

type GenerateTransformStream = { writable: WritableStream<Uint8Array>; readable: ReadableStream<Uint8Array> };

/**
 * The `d` value of a share link for a scenario.
 * @example await encodeShare({ title: '倒金字塔', description: '', tags: [], scenario: demoScenario }) // 'q1YqS…'
 */
export async function encodeShare(shared: SharedScenario): Promise<string> {
  const json = JSON.stringify({ v: SHARE_VERSION, t: shared.title, d: shared.description, g: shared.tags, s: shared.scenario });
  const compressed = await pipeThrough(new TextEncoder().encode(json), new CompressionStream('deflate-raw') as GenerateTransformStream);
  return toBase64Url(compressed);
}

/** The full link: the page's address without its hash, then `#/library?d=…`. */
export async function shareUrl(pageHref: string, shared: SharedScenario): Promise<string> {
  const base = pageHref.split('#')[0];
  return `${base}${SHARE_ROUTE}?${SHARE_PARAM}=${await encodeShare(shared)}`;
}

/** The `d` parameter of a hash such as `#/library?d=…`, or null. */
export function shareParamOf(hash: string): string | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  return new URLSearchParams(query).get(SHARE_PARAM);
}

const problem = (zh: string, en: string): DecodedShare => ({ ok: false, problems: [{ path: '', message: { zh, en } }] });

/** Decodes and validates a share link's `d` value. Never throws. */
export async function decodeShare(data: string): Promise<DecodedShare> {
  if (data.length > MAX_LINK_CHARS) {
    return problem(
      `链接过长（${data.length} 个字符，上限 ${MAX_LINK_CHARS}）：不是本应用生成的情景链接`,
      `the link is too long (${data.length} characters, limit ${MAX_LINK_CHARS}): not a scenario link made by this app`,
    );
  }
  const bytes = fromBase64Url(data.trim());
  if (!bytes || bytes.length === 0) return problem('链接已损坏：数据不是有效的编码', 'the link is damaged: the data is not valid base64url');
  let json: string;
  try {
    const raw = await pipeThrough(bytes, new DecompressionStream('deflate-raw') as GenerateTransformStream, MAX_JSON_BYTES);
    json = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (e) {
    if (e instanceof Error && e.message === 'too large') {
      return problem(
        `链接解压后超过 ${MAX_JSON_BYTES / 1_000_000} MB 上限，已停止解压`,
        `the link inflates beyond the ${MAX_JSON_BYTES / 1_000_000} MB limit; decompression was stopped`,
      );
    }
    return problem('链接已损坏或不完整（可能被截断）', 'the link is damaged or incomplete (perhaps cut short)');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return problem('链接中的数据不是有效的JSON', 'the data in the link is not valid JSON');
  }
  if (payload === null || typeof payload !== 'object' || (payload as { v?: unknown }).v !== SHARE_VERSION) {
    return problem(`不支持的链接版本，应为 ${SHARE_VERSION}`, `unsupported link version, expected ${SHARE_VERSION}`);
  }
  const p = payload as { t?: unknown; d?: unknown; g?: unknown; s?: unknown };
  const checked = validateScenario(p.s);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((x) => ({ ...x, path: x.path ? `scenario.${x.path}` : 'scenario' })) };
  const str = (x: unknown, max: number) => (typeof x === 'string' ? x.slice(0, max) : '');
  const tags = Array.isArray(p.g)
    ? p.g
        .filter((t): t is string => typeof t === 'string')
        .slice(0, 30)
        .map((t) => t.slice(0, 50))
    : [];
  return {
    ok: true,
    shared: { title: str(p.t, 200) || checked.scenario.name.zh, description: str(p.d, 10_000), tags, scenario: checked.scenario },
  };
}
