// @vitest-environment jsdom
/**
 * A waiting update reloads by itself only when no one can be disturbed: the tab hidden, everything
 * saved, no field focused. Otherwise it waits for the user's button.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppStatus } from '../../src/lib/state/app-status.svelte';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';
import { MemoryStorage } from './memory-storage';

const hidden = (isHidden: boolean) => vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(isHidden ? 'hidden' : 'visible');

afterEach(() => vi.restoreAllMocks());

describe('a waiting new version', () => {
  it('is only offered while the tab is visible, and applied by itself once hidden with everything saved', async () => {
    const w = new Workspace(createInProcessEngine(), null, { local: new MemoryStorage(), session: new MemoryStorage() });
    await w.init();
    const status = new AppStatus(w);
    const apply = vi.fn(async () => {});
    hidden(false);
    status.updateReady(apply);
    expect(status.isUpdateReady).toBe(true);
    expect(apply).not.toHaveBeenCalled();
    hidden(true);
    await status.applyIfIdle();
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('does not reload a hidden tab with an edit not yet saved, or a field in use', async () => {
    const w = new Workspace(createInProcessEngine(), null, { local: new MemoryStorage(), session: new MemoryStorage() });
    await w.init();
    const status = new AppStatus(w);
    const apply = vi.fn(async () => {});
    hidden(true);
    w.saveStatus = 'unsaved';
    status.updateReady(apply);
    await status.applyIfIdle();
    expect(apply).not.toHaveBeenCalled();
    w.saveStatus = 'saved';
    const input = document.body.appendChild(document.createElement('input'));
    input.focus();
    await status.applyIfIdle();
    expect(apply).not.toHaveBeenCalled();
    input.remove();
    await status.applyIfIdle();
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
