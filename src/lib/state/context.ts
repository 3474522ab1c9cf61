/** Typed access to the app-wide state and services passed down by Svelte context. */
import { getContext, setContext } from 'svelte';
import { pageServices, type Services } from './services';
import type { Workspace } from './workspace.svelte';

const WORKSPACE = Symbol('workspace');
const SERVICES = Symbol('services');

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

/** The context map that gives the app its services (start.ts passes it to `mount`). */
export function servicesContext(services: Services): Map<symbol, unknown> {
  return new Map([[SERVICES, services]]);
}

export function provideServices(services: Services): void {
  setContext(SERVICES, services);
}

/**
 * The services given by context (start.ts), else the page's own (a component rendered alone, as in
 * tests). Call during a component's initialisation.
 */
export function useServices(): Services {
  return getContext<Services | undefined>(SERVICES) ?? pageServices();
}
