/**
 * The import graph of src/ and workers/ against the layering of docs/architecture.md:
 * views → state → (db, io, worker clients) → model, and the model imports nothing else.
 * Imports are read with a regular expression (static `import … from`, `export … from`, bare
 * `import '…'` and dynamic `import('…')`), resolved as Vite resolves relative paths; package
 * imports are kept by name. A failing rule lists every offending edge, a cycle its full path.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

interface Edge {
  from: string;
  /** A project file (relative to the root, with '/') or a package name. */
  to: string;
  /** `import type …` / `export type … from`: erased at build time, so no runtime cycle. */
  typeOnly: boolean;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');

/** The file a relative specifier names, trying the extensions Vite would. */
function resolveSpecifier(fromFile: string, spec: string): string | null {
  const base = resolve(dirname(fromFile), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.svelte.ts`, `${base}.svelte`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const STATIC = /(?:^|[;\s])(import|export)\s+(type\s+)?([\w*{}\s,$]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[;\s])import\s+['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): { edges: Edge[]; unresolved: string[] } {
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(STATIC)) found.push({ spec: m[4], typeOnly: !!m[2] });
  for (const m of text.matchAll(BARE)) found.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(DYNAMIC)) found.push({ spec: m[1], typeOnly: false });
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const { spec, typeOnly } of found) {
    if (spec.startsWith('.')) {
      const target = resolveSpecifier(file, spec);
      if (target) edges.push({ from: rel(file), to: rel(target), typeOnly });
      else unresolved.push(`${rel(file)} → ${spec}`);
    } else {
      edges.push({ from: rel(file), to: spec, typeOnly });
    }
  }
  return { edges, unresolved };
}

const FILES = [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'workers'))];
const PARSED = FILES.map(importsOf);
const EDGES = PARSED.flatMap((p) => p.edges);
const PROJECT_EDGES = EDGES.filter((e) => e.to.startsWith('src/') || e.to.startsWith('workers/'));

const under = (path: string, ...dirs: string[]) => dirs.some((d) => path.startsWith(`${d}/`));
const show = (edges: Edge[]) => edges.map((e) => `${e.from} → ${e.to}`);

const offending = (edges: Edge[]) => [...new Set(show(edges))];

/** Packages the model may use: pure computation, no DOM, no I/O. */
const MODEL_PACKAGES = new Set(['valibot']);
/** Parsers the codecs may use. */
const IO_PACKAGES = new Set(['papaparse', 'valibot', 'fflate']);

describe('import graph', () => {
  it('reads every file and resolves every relative import', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(PROJECT_EDGES.length).toBeGreaterThan(300);
    expect(PARSED.flatMap((p) => p.unresolved)).toEqual([]);
  });

  it('the model imports only the model (no package, no DOM-side module)', () => {
    const bad = EDGES.filter((e) => under(e.from, 'src/lib/model') && !under(e.to, 'src/lib/model') && !MODEL_PACKAGES.has(e.to));
    expect(offending(bad)).toEqual([]);
  });

  it('workers are thin adapters: they import the model, the codecs (io), comlink and each other only', () => {
    const bad = EDGES.filter((e) => under(e.from, 'workers') && !under(e.to, 'src/lib/model', 'src/lib/io', 'workers') && e.to !== 'comlink');
    expect(offending(bad)).toEqual([]);
  });

  // The repositories check what they read back with the validators of what they store (a damaged
  // record is reported, never trusted): the codecs', and the workshop packs' in the training layer.
  it('db (Dexie) imports only the model and the validators of what it stores, besides dexie', () => {
    const bad = EDGES.filter(
      (e) => under(e.from, 'src/lib/db') && !under(e.to, 'src/lib/db', 'src/lib/model', 'src/lib/io', 'src/lib/training') && e.to !== 'dexie',
    );
    expect(offending(bad)).toEqual([]);
  });

  // Number formats (i18n/format.ts, pure functions) spell out a problem's expected range.
  it('io (file and link codecs) imports only the model, number formats and its parsers', () => {
    const bad = EDGES.filter(
      (e) => under(e.from, 'src/lib/io') && !under(e.to, 'src/lib/io', 'src/lib/model') && e.to !== 'src/lib/i18n/format.ts' && !IO_PACKAGES.has(e.to),
    );
    expect(offending(bad)).toEqual([]);
  });

  // Codecs are pure functions like the model (a file's text in, checked values out), so a view may
  // call them; storage is reached only through the state layer.
  it('views do not import db directly (they go through state)', () => {
    const bad = PROJECT_EDGES.filter((e) => under(e.from, 'src/views') && under(e.to, 'src/lib/db'));
    expect(offending(bad)).toEqual([]);
  });

  it("charts, i18n, training and explain do not import views, state, db or io (but training its files' envelope reader)", () => {
    const bad = PROJECT_EDGES.filter(
      (e) =>
        under(e.from, 'src/lib/charts', 'src/lib/i18n', 'src/lib/training', 'src/lib/explain') &&
        under(e.to, 'src/views', 'src/lib/state', 'src/lib/db', 'src/lib/io') &&
        // the workshop pack and results files are read like every exported file: io's pure leaf reader
        !(under(e.from, 'src/lib/training') && e.to === 'src/lib/io/envelope.ts'),
    );
    expect(offending(bad)).toEqual([]);
  });

  it('shared UI components read state as views do, but never db, io or a view', () => {
    const bad = PROJECT_EDGES.filter((e) => under(e.from, 'src/lib/ui') && under(e.to, 'src/views', 'src/lib/db', 'src/lib/io'));
    expect(offending(bad)).toEqual([]);
  });

  it('views reach workers through the worker clients, never a worker file', () => {
    const bad = PROJECT_EDGES.filter((e) => under(e.from, 'src/views') && under(e.to, 'workers'));
    expect(offending(bad)).toEqual([]);
  });

  it('rune modules (*.svelte.ts) live under state/, but the strings store of i18n', () => {
    const runes = FILES.map(rel).filter((f) => f.endsWith('.svelte.ts'));
    expect(runes.length).toBeGreaterThan(5);
    expect(runes.filter((f) => !under(f, 'src/lib/state') && f !== 'src/lib/i18n/i18n.svelte.ts')).toEqual([]);
  });

  it('no import cycle among the modules under src/lib (type-only imports excluded)', () => {
    const graph = new Map<string, string[]>();
    for (const e of PROJECT_EDGES) {
      if (e.typeOnly || !under(e.from, 'src/lib') || !under(e.to, 'src/lib')) continue;
      graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    }
    expect(findCycles(graph)).toEqual([]);
  });
});

/** Each strongly connected component of more than one file, as one cycle through it ("a → b → a"). */
function findCycles(graph: Map<string, string[]>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((component) => {
    // A shortest path from the component's first file back to itself, inside the component.
    const members = new Set(component);
    const start = [...component].sort()[0];
    const previous = new Map<string, string>();
    const queue = [start];
    let end: string | null = null;
    while (queue.length && end === null) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = end; v !== null && v !== start; v = previous.get(v) ?? null) path.splice(1, 0, v);
    return [...path, start].join(' → ');
  });
}
