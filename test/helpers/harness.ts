/** Renders a component inside the app's context with an in-process engine and a fresh database. */
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { MixLabDatabase } from '../../src/lib/db/database';
import { Workspace } from '../../src/lib/state/workspace.svelte';
import { createInProcessEngine } from '../../src/lib/workers/engine-in-process';
import ContextHost from './ContextHost.svelte';

let counter = 0;

export async function renderWithWorkspace(component: Component, props: Record<string, unknown> = {}) {
  const db = new MixLabDatabase(`test-${Date.now()}-${counter++}`);
  const workspace = new Workspace(createInProcessEngine(), db);
  await workspace.init();
  const result = render(ContextHost, { props: { workspace, component, props } });
  return { ...result, workspace, db };
}
