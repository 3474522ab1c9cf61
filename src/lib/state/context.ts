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

/** The workspace when inside App, else null (a component that can also stand alone, as in tests). */
export function findWorkspace(): Workspace | null {
  return getContext<Workspace | undefined>(WORKSPACE) ?? null;
}
