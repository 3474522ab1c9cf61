/**
 * Workshop packs and team results: the files a trainer and the teams exchange with no server.
 * Validated like scenarios (valibot; never throws; every problem with its path), and a pack also
 * travels as a link: JSON → deflate-raw (CompressionStream) → base64url in the URL hash.
 */
import * as v from 'valibot';
import { validateScenario, type Bilingual, type Scenario, type ValidationProblem } from '../model';
import { describeValue, readEnvelope, readJsonText, type EnvelopeSpec } from '../io/envelope';
import { CHALLENGE_IDS, challengeById, defaultWeights, isPortfolioChallenge, scoreBankPlay, type ChallengeDef } from './challenges';
import { createContext } from './context';
import { leverProblems } from './levers';
import { LESSON_IDS } from './lessons';
import { allocationProblems, createPortfolioContext, scorePortfolioPlay, withTrainingWeights } from './portfolio';
import type { ScoreBreakdown, ScoringWeights } from './scoring';

export const PACK_FORMAT = 'tong-mix-lab.workshop-pack';
export const RESULTS_FORMAT = 'tong-mix-lab.team-results';
export const FILE_VERSION = 1;
/** Longest pack link code accepted (characters), so a pasted link cannot exhaust memory. */
export const MAX_LINK_CODE = 200_000;
/** Largest file accepted, bytes. */
export const MAX_FILE_BYTES = 5_000_000;

export interface PackScenario {
  id: string;
  name: Bilingual;
  scenario: Scenario;
}

export interface PackChallenge {
  challengeId: string;
  /** A scenario of the pack to start from; null: the challenge's own starting bank. */
  scenarioId: string | null;
  weights: ScoringWeights;
}

export interface WorkshopPack {
  format: typeof PACK_FORMAT;
  version: typeof FILE_VERSION;
  id: string;
  title: string;
  createdAt: string;
  lessons: string[];
  challenges: PackChallenge[];
  scenarios: PackScenario[];
}

export interface TeamResult {
  challengeId: string;
  score: number;
  stars: number;
  figures: Record<string, number>;
  /** The bank scenario played (a bank challenge). */
  scenario?: Scenario;
  /** The allocation by asset key (a client-portfolio challenge). */
  allocation?: Record<string, number>;
  attemptedAt: string;
}

export interface TeamResults {
  format: typeof RESULTS_FORMAT;
  version: typeof FILE_VERSION;
  packId: string;
  packTitle: string;
  team: string;
  exportedAt: string;
  lessonsCompleted: string[];
  results: TeamResult[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ValidationProblem[] };

// —— schemas ——

const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ (1–64)'));
const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const weight = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1000));
const points = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100));
const bilingual = v.object({ zh: v.pipe(v.string(), v.maxLength(200)), en: v.pipe(v.string(), v.maxLength(200)) });

export const WeightsSchema = v.object({
  objective: weight,
  constraints: v.record(v.string(), weight),
  failCap: points,
  stars: v.pipe(
    v.tuple([points, points, points]),
    v.check((s) => s[0] <= s[1] && s[1] <= s[2], 'ascending'),
  ),
});

const PackSchema = v.object({
  id,
  title: text(120),
  createdAt: v.pipe(v.string(), v.maxLength(40)),
  lessons: v.pipe(v.array(v.picklist(LESSON_IDS as string[])), v.maxLength(50)),
  challenges: v.pipe(
    v.array(v.object({ challengeId: v.picklist(CHALLENGE_IDS as string[]), scenarioId: v.nullable(id), weights: WeightsSchema })),
    v.maxLength(50),
  ),
  scenarios: v.pipe(v.array(v.object({ id, name: bilingual, scenario: v.unknown() })), v.maxLength(20)),
});

const ResultsSchema = v.object({
  packId: id,
  packTitle: text(120),
  team: text(60),
  exportedAt: v.pipe(v.string(), v.maxLength(40)),
  lessonsCompleted: v.pipe(v.array(v.picklist(LESSON_IDS as string[])), v.maxLength(50)),
  results: v.pipe(
    v.array(
      v.object({
        challengeId: v.picklist(CHALLENGE_IDS as string[]),
        score: v.pipe(points, v.integer()),
        stars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
        figures: v.record(v.string(), v.pipe(v.number(), v.finite())),
        scenario: v.optional(v.unknown()),
        allocation: v.optional(v.record(v.string(), v.pipe(v.number(), v.finite()))),
        attemptedAt: v.pipe(v.string(), v.maxLength(40)),
      }),
    ),
    v.maxLength(50),
  ),
});

// —— problems ——

const otherVersion = { zh: `不支持的版本，应为 ${FILE_VERSION}`, en: `unsupported version, expected ${FILE_VERSION}` };

/** A workshop file's envelope: one record, `{ format, version, ... }`. */
function workshopEnvelope(format: string, notThisFile: ValidationProblem['message']): EnvelopeSpec<never> {
  return { format, version: FILE_VERSION, versionKey: 'version', notThisFile: { message: notThisFile }, otherFile: notThisFile, otherVersion };
}

const PACK_ENVELOPE = workshopEnvelope(PACK_FORMAT, { zh: '这不是工作坊课程包文件', en: 'not a workshop pack file' });
const RESULTS_ENVELOPE = workshopEnvelope(RESULTS_FORMAT, { zh: '这不是小组结果文件', en: 'not a team results file' });

function problemFromIssue(issue: v.BaseIssue<unknown>): ValidationProblem {
  const path = v.getDotPath(issue) ?? '';
  const received = describeValue(issue.input);
  const expected = issue.expected ?? undefined;
  switch (issue.type) {
    case 'picklist':
      return { path, received, expected, message: { zh: '未知的课程或挑战', en: 'unknown lesson or challenge' } };
    case 'min_length':
      return { path, received, expected, message: { zh: '不能为空', en: 'must not be empty' } };
    case 'max_length':
      return { path, received, expected, message: { zh: '太长', en: 'too long' } };
    case 'min_value':
    case 'max_value':
      return { path, received, expected, message: { zh: `超出范围，应为 ${expected}`, en: `out of range, expected ${expected}` } };
    case 'integer':
      return { path, received, expected: 'integer', message: { zh: '应为整数', en: 'expected a whole number' } };
    case 'regex':
      return { path, received, expected: 'A–Z a–z 0–9 - _', message: { zh: '标识只能含字母、数字、-和_', en: 'an id may hold letters, digits, - and _ only' } };
    case 'check':
      return { path, received, expected, message: { zh: '星级分数线应从低到高', en: 'star thresholds must ascend' } };
    default:
      return { path, received, expected, message: { zh: `格式错误：应为 ${expected ?? '有效值'}`, en: `wrong type: expected ${expected ?? 'a valid value'}` } };
  }
}

/** `data` checked first as the workshop file `envelope` says, then against its own `schema`. */
function parseWorkshopFile<S extends v.GenericSchema>(data: unknown, envelope: EnvelopeSpec<never>, schema: S): Checked<v.InferOutput<S>> {
  const read = readEnvelope(data, envelope);
  if (!read.ok) return fail(read.problems);
  const parsed = v.safeParse(schema, data);
  return parsed.success ? { ok: true, value: parsed.output } : fail(parsed.issues.map(problemFromIssue));
}

function scenarioProblems(data: unknown, prefix: string): { scenario: Scenario | null; problems: ValidationProblem[] } {
  const checked = validateScenario(data);
  if (checked.ok) return { scenario: checked.scenario, problems: [] };
  return { scenario: null, problems: checked.problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix })) };
}

function weightProblems(challenge: ChallengeDef, weights: ScoringWeights, prefix: string): ValidationProblem[] {
  const known = new Set(challenge.constraints.map((c) => c.id));
  return Object.keys(weights.constraints)
    .filter((k) => !known.has(k))
    .map((k) => ({
      path: `${prefix}.constraints.${k}`,
      received: k,
      expected: [...known].join(', '),
      message: { zh: '该挑战没有这项约束', en: 'the challenge has no such constraint' },
    }));
}

function fail<T>(problems: ValidationProblem[]): Checked<T> {
  return { ok: false, problems };
}

/** Reads JSON text (the app's one JSON reader); a parse error is a problem at the root, never an exception. */
export function parseJson(textData: string): Checked<unknown> {
  const read = readJsonText(textData, Infinity);
  return read.ok ? { ok: true, value: read.data } : read;
}

/**
 * Validates unknown data as a workshop pack. Never throws. Missing constraint weights take the
 * challenge's defaults (so a hand-edited file loses nothing); unknown ones are problems.
 * @example validatePack(JSON.parse(text)) // { ok: true, value } or { ok: false, problems }
 */
export function validatePack(data: unknown): Checked<WorkshopPack> {
  try {
    const parsed = parseWorkshopFile(data, PACK_ENVELOPE, PackSchema);
    if (!parsed.ok) return parsed;
    const raw = parsed.value;
    const problems: ValidationProblem[] = [];
    const scenarios: PackScenario[] = [];
    const scenarioIds = new Set<string>();
    raw.scenarios.forEach((s, i) => {
      if (scenarioIds.has(s.id)) problems.push({ path: `scenarios.${i}.id`, received: s.id, message: { zh: '情景标识重复', en: 'duplicate scenario id' } });
      scenarioIds.add(s.id);
      const checked = scenarioProblems(s.scenario, `scenarios.${i}.scenario`);
      problems.push(...checked.problems);
      if (checked.scenario) scenarios.push({ id: s.id, name: s.name, scenario: checked.scenario });
    });
    const seen = new Set<string>();
    const challenges: PackChallenge[] = raw.challenges.map((c, i) => {
      const def = challengeById(c.challengeId)!;
      if (seen.has(c.challengeId))
        problems.push({
          path: `challenges.${i}.challengeId`,
          received: c.challengeId,
          message: { zh: '同一挑战出现了两次', en: 'the same challenge appears twice' },
        });
      seen.add(c.challengeId);
      if (c.scenarioId !== null && isPortfolioChallenge(def)) {
        problems.push({
          path: `challenges.${i}.scenarioId`,
          received: c.scenarioId,
          expected: 'null',
          message: { zh: '客户组合挑战只能从它自己的客户出发', en: 'a client-portfolio challenge starts from its own client' },
        });
      } else if (c.scenarioId !== null && !scenarioIds.has(c.scenarioId)) {
        problems.push({
          path: `challenges.${i}.scenarioId`,
          received: c.scenarioId,
          expected: [...scenarioIds].join(', ') || '—',
          message: { zh: '课程包中没有这个情景', en: 'no such scenario in the pack' },
        });
      }
      problems.push(...weightProblems(def, c.weights, `challenges.${i}.weights`));
      const weights: ScoringWeights = {
        objective: c.weights.objective,
        constraints: { ...defaultWeights(def).constraints, ...c.weights.constraints },
        failCap: c.weights.failCap,
        stars: [c.weights.stars[0], c.weights.stars[1], c.weights.stars[2]],
      };
      return { challengeId: c.challengeId, scenarioId: c.scenarioId, weights };
    });
    if (raw.lessons.length === 0 && raw.challenges.length === 0) {
      problems.push({ path: 'lessons', message: { zh: '课程包至少要有一节课或一个挑战', en: 'a pack needs at least one lesson or challenge' } });
    }
    if (problems.length) return fail(problems);
    return {
      ok: true,
      value: {
        format: PACK_FORMAT,
        version: FILE_VERSION,
        id: raw.id,
        title: raw.title,
        createdAt: raw.createdAt,
        lessons: [...new Set(raw.lessons)],
        challenges,
        scenarios,
      },
    };
  } catch (e) {
    return fail([{ path: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } }]);
  }
}

/** Validates unknown data as a team's results file. Never throws. */
export function validateTeamResults(data: unknown): Checked<TeamResults> {
  try {
    const parsed = parseWorkshopFile(data, RESULTS_ENVELOPE, ResultsSchema);
    if (!parsed.ok) return parsed;
    const raw = parsed.value;
    const problems: ValidationProblem[] = [];
    const seen = new Set<string>();
    const results: TeamResult[] = [];
    raw.results.forEach((r, i) => {
      if (seen.has(r.challengeId))
        problems.push({
          path: `results.${i}.challengeId`,
          received: r.challengeId,
          message: { zh: '同一挑战出现了两次', en: 'the same challenge appears twice' },
        });
      seen.add(r.challengeId);
      const def = challengeById(r.challengeId)!;
      const base = { challengeId: r.challengeId, score: r.score, stars: r.stars, figures: r.figures, attemptedAt: r.attemptedAt };
      if (isPortfolioChallenge(def)) {
        if (r.allocation) results.push({ ...base, allocation: r.allocation });
        else
          problems.push({
            path: `results.${i}.allocation`,
            message: { zh: '客户组合挑战的结果缺少配置权重', en: 'a client-portfolio result needs its allocation' },
          });
        return;
      }
      const checked = scenarioProblems(r.scenario, `results.${i}.scenario`);
      problems.push(...checked.problems);
      if (checked.scenario) results.push({ ...base, scenario: checked.scenario });
    });
    if (problems.length) return fail(problems);
    return {
      ok: true,
      value: {
        format: RESULTS_FORMAT,
        version: FILE_VERSION,
        packId: raw.packId,
        packTitle: raw.packTitle,
        team: raw.team,
        exportedAt: raw.exportedAt,
        lessonsCompleted: [...new Set(raw.lessonsCompleted)],
        results,
      },
    };
  } catch (e) {
    return fail([{ path: '', message: { zh: `无法读取：${String(e)}`, en: `cannot be read: ${String(e)}` } }]);
  }
}

// —— building ——

/** A fresh id for a pack: time and randomness, URL-safe. */
export function newPackId(now = Date.now()): string {
  return `p${now.toString(36)}${Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

/** Whether two packs hold the same workshop (title, lessons, challenges, scenarios), whatever their id and time. */
export function samePackContent(
  a: Pick<WorkshopPack, 'title' | 'lessons' | 'challenges' | 'scenarios'>,
  b: Pick<WorkshopPack, 'title' | 'lessons' | 'challenges' | 'scenarios'>,
): boolean {
  // keys sorted, so a pack read back from its file (keys in another order) is still the same
  const canonical = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(canonical)
      : x !== null && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, canonical((x as Record<string, unknown>)[k])]),
          )
        : x;
  const content = (p: typeof a) => JSON.stringify(canonical([p.title.trim(), p.lessons, p.challenges, p.scenarios]));
  return content(a) === content(b);
}

/**
 * A new pack, or `previous` itself when nothing changed: exporting the same workshop as a file
 * and then as a link gives one pack id, so the teams land on one leaderboard.
 */
export function buildPack(input: {
  id?: string;
  title: string;
  lessons: string[];
  challenges: PackChallenge[];
  scenarios: PackScenario[];
  now?: Date;
  previous?: WorkshopPack | null;
}): WorkshopPack {
  if (input.previous && samePackContent(input.previous, input)) return input.previous;
  const now = input.now ?? new Date();
  return {
    format: PACK_FORMAT,
    version: FILE_VERSION,
    id: input.id ?? newPackId(now.getTime()),
    title: input.title.trim(),
    createdAt: now.toISOString(),
    lessons: input.lessons,
    challenges: input.challenges,
    scenarios: input.scenarios,
  };
}

/**
 * The starting scenario of a challenge within a pack (its own when the pack names none); null for
 * a client-portfolio challenge, which starts from its own client.
 */
export function packChallengeScenario(pack: WorkshopPack, entry: PackChallenge): Scenario | null {
  const def = challengeById(entry.challengeId);
  if (!def || isPortfolioChallenge(def)) return null;
  if (entry.scenarioId === null) return def.scenario;
  return pack.scenarios.find((s) => s.id === entry.scenarioId)?.scenario ?? null;
}

export function buildTeamResults(input: {
  pack: Pick<WorkshopPack, 'id' | 'title'>;
  team: string;
  lessonsCompleted: string[];
  results: TeamResult[];
  now?: Date;
}): TeamResults {
  return {
    format: RESULTS_FORMAT,
    version: FILE_VERSION,
    packId: input.pack.id,
    packTitle: input.pack.title,
    team: input.team.trim(),
    exportedAt: (input.now ?? new Date()).toISOString(),
    lessonsCompleted: input.lessonsCompleted,
    results: input.results,
  };
}

/** A team's result as the trainer sees it: recomputed, checked against the pack, ranked or not. */
export interface RescoredResult {
  /** The score recomputed from the scenario or allocation with the pack's weights; null when it cannot be. */
  breakdown: ScoreBreakdown | null;
  figures: Record<string, number>;
  /** Why the result is not ranked (each with its path); empty when it is fair. */
  problems: ValidationProblem[];
  isRanked: boolean;
}

const PACK_UNKNOWN: ValidationProblem = {
  path: 'packId',
  message: {
    zh: '这台电脑上没有这个课程包：先打开课程包文件，才能核对和排名',
    en: 'this pack is not on this computer: open its file to check and rank the results',
  },
};

/**
 * A team's result recomputed from its scenario (or allocation) with the pack's weights, through
 * the same code as the team's own score, and checked against what the pack allows (the start the
 * pack sets and the levers the challenge opens), so the leaderboard rests neither on a number
 * typed into a file nor on an input edited by hand. A result that fails the check is not ranked.
 * `simulated`: the `mc.*` figures of the play's Monte Carlo run (the trainer reruns it, seeded).
 * @example rescoreResult(results.results[0], pack).isRanked
 */
export function rescoreResult(result: TeamResult, pack: WorkshopPack | null, simulated: Readonly<Record<string, number>> = {}): RescoredResult {
  const def = challengeById(result.challengeId);
  const entry = pack?.challenges.find((c) => c.challengeId === result.challengeId) ?? null;
  if (!def)
    return {
      breakdown: null,
      figures: {},
      problems: [{ path: 'challengeId', received: result.challengeId, message: { zh: '未知的挑战', en: 'unknown challenge' } }],
      isRanked: false,
    };
  const weights = entry?.weights ?? def.weights;
  const problems: ValidationProblem[] = [];
  if (!pack) problems.push(PACK_UNKNOWN);
  else if (!entry)
    problems.push({ path: 'challengeId', received: result.challengeId, message: { zh: '课程包中没有这个挑战', en: 'the pack has no such challenge' } });
  let scored: { figures: Record<string, number>; breakdown: ScoreBreakdown } | null = null;
  if (isPortfolioChallenge(def)) {
    if (result.allocation) {
      const bad = allocationProblems(def, result.allocation);
      problems.push(...bad);
      // an incomplete allocation has no figures (the simulation needs weights summing to 100%)
      if (bad.length === 0) scored = scorePortfolioPlay(def, createPortfolioContext(withTrainingWeights(def.portfolio, result.allocation)), weights);
    }
  } else if (result.scenario) {
    const start = pack && entry ? packChallengeScenario(pack, entry) : null;
    if (start) problems.push(...leverProblems(def.levers, start, result.scenario));
    scored = scoreBankPlay(def, createContext(result.scenario), weights, simulated);
  }
  return { breakdown: scored?.breakdown ?? null, figures: scored?.figures ?? {}, problems, isRanked: problems.length === 0 && scored !== null };
}

/** One team's files for one pack: the current one (the newest export) and every submission, newest first. */
export interface TeamSubmissions<T extends { results: TeamResults }> {
  team: string;
  current: T;
  all: T[];
}

/**
 * Groups stored results files by team: the newest by export time counts, whatever the order they
 * were imported in (an older file imported late does not replace a newer one).
 * @example groupSubmissions(stored.filter((s) => s.results.packId === id))[0].current
 */
export function groupSubmissions<T extends { results: TeamResults }>(files: readonly T[]): TeamSubmissions<T>[] {
  const byTeam = new Map<string, T[]>();
  for (const f of files) byTeam.set(f.results.team, [...(byTeam.get(f.results.team) ?? []), f]);
  return [...byTeam.entries()].map(([team, list]) => {
    const all = [...list].sort((a, b) => (a.results.exportedAt < b.results.exportedAt ? 1 : a.results.exportedAt > b.results.exportedAt ? -1 : 0));
    return { team, current: all[0], all };
  });
}

// —— the link ——

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): Uint8Array {
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (code.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A pack as a URL-safe code: JSON, deflate-raw, base64url.
 * @example `${location.origin}${location.pathname}#/training?tab=workshop&pack=${await encodePackCode(pack)}`
 */
export async function encodePackCode(pack: WorkshopPack): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(JSON.stringify(pack)), new CompressionStream('deflate-raw')));
}

/** Decodes and validates a pack code from a link. Never throws. */
export async function decodePackCode(code: string): Promise<Checked<WorkshopPack>> {
  const damaged = (detail: string) =>
    fail<WorkshopPack>([{ path: '', message: { zh: `链接已损坏或不完整（${detail}）`, en: `the link is damaged or incomplete (${detail})` } }]);
  if (code.length > MAX_LINK_CODE) return damaged('too long');
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return damaged('characters');
  let textData: string;
  try {
    textData = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(code), new DecompressionStream('deflate-raw')));
  } catch (e) {
    return damaged(e instanceof Error ? e.message : String(e));
  }
  const json = parseJson(textData);
  return json.ok ? validatePack(json.value) : fail(json.problems);
}

/** The full link that opens a pack: the app's address with the code in the hash. */
export function packLink(appUrl: string, code: string): string {
  return `${appUrl.split('#')[0]}#/training?tab=workshop&pack=${code}`;
}
