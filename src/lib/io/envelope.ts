/**
 * The one reader of an exported file's envelope, shared by every file the app writes (library,
 * client portfolios, workshop packs and team results): the text's size and JSON, then `{ format,
 * schemaVersion, exportedAt?, <list>: [...] }` checked against the file's format name, version and
 * item limit (a workshop file is one record: `{ format, version, ... }`, its other fields checked
 * by its own schema). Each problem says where (dotted path), what was expected, what was found, in
 * both languages. Pure, never throws.
 */
import * as v from 'valibot';
import type { ValidationProblem } from '../model';

/** What one kind of file's envelope must be. */
export interface EnvelopeSpec<K extends string> {
  /** The `format` field, e.g. `tong-mix-lab/library`. */
  format: string;
  /** The `schemaVersion` of the envelope (each item may carry its own version too). */
  version: number;
  /** The field that holds the version: `schemaVersion` unless told (the workshop files say `version`). */
  versionKey?: string;
  /** The field that holds the items, e.g. `scenarios`; absent: the file is one record, given back as the only item. */
  listKey?: K;
  /** At most this many items (at least one), with `listKey`. */
  maxItems?: number;
  /** Said when the JSON is not an object with a `format` at all (`expected` optional). */
  notThisFile: Omit<ValidationProblem, 'path' | 'received'>;
  /** Said when `format` names another file (default: "expected <format>"). */
  otherFile?: ValidationProblem['message'];
  /** Said when the version is another one (default: "expected <version>"). */
  otherVersion?: ValidationProblem['message'];
}

export type EnvelopeRead = { ok: true; items: unknown[] } | { ok: false; problems: ValidationProblem[] };

/** A short, safe description of a value found where something else was expected. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'object') return 'object';
  return String(x);
}

/** A wrong type said in words ("应为数字"), not as the schema's type name. */
function typeMessage(expected: string | null): { zh: string; en: string } {
  const t = (expected ?? '').replace(/"/g, '');
  const words: Record<string, [string, string]> = {
    number: ['数字', 'a number'],
    string: ['文字', 'text'],
    boolean: ['是/否', 'true or false'],
    Array: ['列表', 'a list'],
    Object: ['一组字段', 'a group of fields'],
    object: ['一组字段', 'a group of fields'],
  };
  const w = words[t];
  return w ? { zh: `应为${w[0]}`, en: `should be ${w[1]}` } : { zh: '内容格式不对', en: 'not in the expected form' };
}

/** A valibot issue of an envelope or an item's fields as a problem, its path under `prefix`. */
export function envelopeProblem(issue: v.BaseIssue<unknown>, prefix: string): ValidationProblem {
  const rel = v.getDotPath(issue) ?? '';
  const path = [prefix, rel].filter(Boolean).join('.');
  const received = issue.received;
  switch (issue.type) {
    case 'max_length':
      return {
        path,
        expected: `≤ ${issue.expected?.replace(/^<=/, '')}`,
        received,
        message: { zh: `过长，最多 ${issue.requirement as number}`, en: `too long, at most ${issue.requirement as number}` },
      };
    case 'min_length':
      return { path, expected: `≥ ${issue.requirement as number}`, received, message: { zh: '不能为空', en: 'must not be empty' } };
    case 'literal':
      return { path, expected: issue.expected ?? undefined, received, message: { zh: `应为 ${issue.expected}`, en: `expected ${issue.expected}` } };
    case 'min_value':
    case 'max_value':
    case 'finite':
      return { path, expected: 'timestamp (ms)', received, message: { zh: '应为时间戳（毫秒）', en: 'expected a timestamp (ms)' } };
    default:
      return { path, received, message: typeMessage(issue.expected) };
  }
}

/** `problems` with their paths put under `prefix` (an item's own validator reports from its root). */
export function prefixed(problems: readonly ValidationProblem[], prefix: string): ValidationProblem[] {
  return problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));
}

/** The JSON value of a file's text, or why it is not JSON (too large, a syntax error). Never throws. */
export function readJsonText(textContent: string, maxChars: number): { ok: true; data: unknown } | { ok: false; problems: ValidationProblem[] } {
  if (textContent.length > maxChars) {
    return {
      ok: false,
      problems: [
        { path: '', expected: `≤ ${maxChars} characters`, received: String(textContent.length), message: { zh: '文件过大', en: 'the file is too large' } },
      ],
    };
  }
  try {
    return { ok: true, data: JSON.parse(textContent.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ path: '', expected: 'JSON', message: { zh: `不是有效的JSON：${detail}`, en: `not valid JSON: ${detail}` } }] };
  }
}

/**
 * Checks parsed JSON as the envelope `spec` describes and returns its items, still unchecked (the
 * caller validates each one under `<listKey>.<i>`; a one-record file comes back as its only item).
 * Never throws.
 * @example readEnvelope({ format: 'tong-mix-lab/portfolios', schemaVersion: 1, portfolios: [p] }, spec) // { ok: true, items: [p] }
 */
export function readEnvelope<K extends string>(data: unknown, spec: EnvelopeSpec<K>): EnvelopeRead {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('format' in data)) {
    return { ok: false, problems: [{ path: '', ...spec.notThisFile, received: describeValue(data) }] };
  }
  const versionKey = spec.versionKey ?? 'schemaVersion';
  const schema = v.object({
    format: v.literal(spec.format),
    [versionKey]: v.literal(spec.version),
    exportedAt: v.optional(v.string()),
    ...(spec.listKey ? { [spec.listKey]: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(spec.maxItems ?? Infinity)) } : {}),
  });
  const envelope = v.safeParse(schema, data);
  if (!envelope.success) {
    return {
      ok: false,
      problems: envelope.issues.map((i) => {
        const problem = envelopeProblem(i, '');
        const told = problem.path === 'format' ? spec.otherFile : problem.path === versionKey ? spec.otherVersion : undefined;
        return told ? { ...problem, message: told } : problem;
      }),
    };
  }
  return { ok: true, items: spec.listKey ? ((envelope.output as Record<string, unknown>)[spec.listKey] as unknown[]) : [data] };
}
