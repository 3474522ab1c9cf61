/**
 * The leaderboard of one pack from the stored results files: per team the current file (the
 * newest export), every submission with its time, each result rescored and checked against the
 * pack (pack.ts `rescoreResult`); a team with a result that fails the check is listed apart, not
 * ranked, with the reasons.
 */
import type { ValidationProblem } from '../../../lib/model';
import type { StoredResults } from '../../../lib/state/training-store';
import {
  groupSubmissions,
  isMonteCarloFigure,
  rescoreResult,
  type RescoredResult,
  type TeamResult,
  type TeamResults,
  type WorkshopPack,
} from '../../../lib/training';

export type StoredOk = Extract<StoredResults, { ok: true }>;

export interface BoardEntry {
  result: TeamResult;
  rescored: RescoredResult;
}

export interface BoardTeam {
  team: string;
  current: StoredOk;
  /** Every file of the team, newest export first (the first is the current one). */
  submissions: StoredOk[];
  entries: Record<string, BoardEntry>;
  /** Sum of the recomputed scores. */
  total: number;
  /** Sum of the scores the file claims. */
  claimed: number;
  lessons: number;
  /** Why the team is not ranked, by challenge; empty when it is. */
  flags: { challengeId: string; problems: ValidationProblem[] }[];
}

export interface Board {
  ranked: BoardTeam[];
  flagged: BoardTeam[];
  /** Challenges with at least one result, in the pack's order. */
  challengeIds: string[];
}

/** Where a result's Monte Carlo figures are kept: team, export time, challenge. */
export function resultKey(team: string, results: TeamResults, challengeId: string): string {
  return `${team}\u0000${results.exportedAt}\u0000${challengeId}`;
}

/**
 * The board of one pack. `pack` null: the pack is not on this computer (nothing can be ranked).
 * `simulated`: the `mc.*` figures the trainer's own Monte Carlo rerun found, by resultKey; until a
 * rerun is done, the figures the file reports stand in (and the rerun replaces them).
 */
export function buildBoard(
  stored: readonly StoredResults[],
  packId: string,
  pack: WorkshopPack | null,
  simulated: Readonly<Record<string, Record<string, number>>> = {},
): Board {
  const files = stored.filter((s): s is StoredOk => s.ok && s.results.packId === packId);
  const teams: BoardTeam[] = groupSubmissions(files).map(({ team, current, all }) => {
    const results: TeamResults = current.results;
    const entries: Record<string, BoardEntry> = {};
    const flags: BoardTeam['flags'] = [];
    for (const r of results.results) {
      const claimed = Object.fromEntries(Object.entries(r.figures).filter(([k]) => isMonteCarloFigure(k)));
      const rescored = rescoreResult(r, pack, simulated[resultKey(team, results, r.challengeId)] ?? claimed);
      entries[r.challengeId] = { result: r, rescored };
      if (!rescored.isRanked) flags.push({ challengeId: r.challengeId, problems: rescored.problems });
    }
    return {
      team,
      current,
      submissions: all,
      entries,
      total: Object.values(entries).reduce((a, e) => a + (e.rescored.breakdown?.score ?? 0), 0),
      claimed: results.results.reduce((a, r) => a + r.score, 0),
      lessons: results.lessonsCompleted.length,
      flags,
    };
  });
  const order = (a: BoardTeam, b: BoardTeam) => b.total - a.total || a.team.localeCompare(b.team);
  const seen = new Set(teams.flatMap((t) => Object.keys(t.entries)));
  const packOrder = pack ? pack.challenges.map((c) => c.challengeId) : [];
  const challengeIds = [...packOrder.filter((id) => seen.has(id)), ...[...seen].filter((id) => !packOrder.includes(id))];
  return { ranked: teams.filter((t) => t.flags.length === 0).sort(order), flagged: teams.filter((t) => t.flags.length > 0).sort(order), challengeIds };
}
