/**
 * The workshop pack a team has open and the team's name, remembered on this computer (the pack in
 * db.packs, its id and the name in localStorage), so a reload or a trip to a lesson keeps them.
 */
import { loadPack, savePack } from '../db/training-repo';
import { trainingDb } from './training-db';
import type { WorkshopPack } from '../training';

const KEY = 'tong-mix-lab.team';

function remembered(): { packId: string | null; team: string } {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as { packId?: unknown; team?: unknown } | null;
    return { packId: typeof raw?.packId === 'string' ? raw.packId : null, team: typeof raw?.team === 'string' ? raw.team.slice(0, 60) : '' };
  } catch {
    return { packId: null, team: '' };
  }
}

class TeamState {
  pack = $state.raw<WorkshopPack | null>(null);
  team = $state(remembered().team);
  isLoaded = $state(false);
  #loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.#loading ??= (async () => {
      const { packId } = remembered();
      const db = trainingDb();
      if (packId && db) this.pack = await loadPack(db, packId).catch(() => null);
      this.isLoaded = true;
    })();
    return this.#loading;
  }

  async open(pack: WorkshopPack): Promise<void> {
    const db = trainingDb();
    if (db) await savePack(db, pack).catch(() => {});
    this.pack = pack;
    this.isLoaded = true;
    this.#persist();
  }

  setTeam(name: string): void {
    this.team = name.slice(0, 60);
    this.#persist();
  }

  close(): void {
    this.pack = null;
    this.#persist();
  }

  #persist(): void {
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify({ packId: this.pack?.id ?? null, team: this.team }));
    } catch {
      // not remembered; still works in memory
    }
  }
}

export const teamState = new TeamState();
