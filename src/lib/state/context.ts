/** Typed access to the app-wide state passed down by App.svelte. */
import { getContext, setContext } from 'svelte';
import type { Workspace } from './workspace.svelte';

const WORKSPACE = Symbol('workspace');

export function provideWorkspace(w: Workspace): void {
  setContext(WORKSPACE, w);
}

export function useWorkspace(): Workspace {
  const w = getContext<Workspace | undefined>(WORKSPACE);
  if (!w) throw new Error('useWorkspace() outside App: provide a Workspace first');
  return w;
}
