/**
 * Saves and restores the scenario being edited. Reads validate the stored data; a damaged
 * record is reported (with where it is damaged) and left in place, never overwritten silently.
 */
import { validateScenario, type Scenario, type ValidationProblem } from '../model';
import type { MixLabDatabase, WorkspaceRecord } from './database';

export type WorkspaceBase = WorkspaceRecord['base'];

export type LoadedWorkspace =
  | { status: 'empty' }
  | { status: 'ok'; scenario: Scenario; base: WorkspaceBase; scenarioId: string | null }
  | { status: 'damaged'; problems: ValidationProblem[] };

export async function loadWorkspace(db: MixLabDatabase): Promise<LoadedWorkspace> {
  const record = await db.workspace.get('current');
  if (!record) return { status: 'empty' };
  const checked = validateScenario(record.data);
  if (!checked.ok) return { status: 'damaged', problems: checked.problems };
  return { status: 'ok', scenario: checked.scenario, base: record.base, scenarioId: record.scenarioId };
}

export async function saveWorkspace(db: MixLabDatabase, scenario: Scenario, base: WorkspaceBase, scenarioId: string | null): Promise<void> {
  await db.workspace.put({ key: 'current', data: scenario, base, scenarioId, updatedAt: Date.now() });
}

/** Moves a damaged workspace record aside so that a new one can be saved without losing it. */
export async function quarantineWorkspace(db: MixLabDatabase): Promise<void> {
  await db.transaction('rw', db.workspace, db.scenarios, async () => {
    const record = await db.workspace.get('current');
    if (!record) return;
    const now = Date.now();
    await db.scenarios.put({
      id: `damaged-${now}`,
      title: `damaged workspace ${new Date(now).toISOString()}`,
      description: 'Kept as it was found: it did not pass validation.',
      tags: ['damaged'],
      createdAt: now,
      updatedAt: now,
      data: record.data,
    });
    await db.workspace.delete('current');
  });
}
