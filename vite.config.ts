/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vite';
import { bootFrameHtml } from './src/boot-frame';

/**
 * Writes the static frame the page paints first (src/boot-frame.ts) into index.html, and marks the
 * entry's script render-blocking (Vite writes the script tag itself, without the attribute): the
 * entry is small and marks the chosen language, so the first paint already shows the frame's lines
 * in it (a browser without `blocking` paints the frame's language-free title first).
 */
function bootFrame(): Plugin {
  return {
    name: 'boot-frame',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes('<!--boot-frame-->')) throw new Error('boot-frame: index.html has no <!--boot-frame--> placeholder');
        const entry = /<script type="module"([^>]*) src="([^"]*(?:main\.ts|index-[\w-]+\.js))"><\/script>/;
        if (!entry.test(html)) throw new Error('boot-frame: no entry script in index.html');
        return html.replace('<!--boot-frame-->', bootFrameHtml()).replace(entry, '<script type="module"$1 src="$2" blocking="render"></script>');
      },
    },
  };
}

/**
 * The app's own modules (src/start.ts and what it imports statically, but not what the entry imports
 * itself, the model, or virtual modules) go in one chunk, as they did when the entry imported them: a
 * dynamically imported module is otherwise split into a chunk per module it shares with a screen,
 * each a request and a worse compression (first-load JS ≤ 110 KB gzip). The model keeps its own
 * chunks: the app imports it through its barrel, of which the first screen uses a part.
 */
const APP_CHUNK = 'app';
const appModules = new Set<string>();
function appChunk(): Plugin {
  const isShared = (id: string) => id.startsWith('\0') || /[\\/]src[\\/]lib[\\/]model[\\/]/.test(id);
  return {
    name: 'app-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const graph = (entry: string | undefined, into: Set<string>, skip: (id: string) => boolean) => {
        const visit = (id: string) => {
          if (into.has(id) || skip(id)) return;
          into.add(id);
          this.getModuleInfo(id)?.importedIds.forEach(visit);
        };
        if (!entry) throw new Error('app-chunk: an entry is missing');
        visit(entry);
      };
      const entryModules = new Set<string>();
      graph(
        ids.find((id) => /[\\/]src[\\/]main\.ts$/.test(id)),
        entryModules,
        () => false,
      );
      // start.ts itself stays the dynamic import's own (small) chunk, which imports this one.
      const start = ids.find((id) => /[\\/]src[\\/]start\.ts$/.test(id));
      appModules.clear();
      graph(start, appModules, (id) => isShared(id) || entryModules.has(id));
      if (start) appModules.delete(start);
    },
  };
}

export default defineConfig({
  // Relative base: the built site works from any sub-path of a static host.
  base: './',
  plugins: [
    svelte(),
    svelteTesting(),
    bootFrame(),
    appChunk(),
    VitePWA({
      // A new version waits until the page says so and the user reloads (or the tab is idle):
      // 'autoUpdate' would leave it waiting unseen, or swap files under a page being edited.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '砼 Mix Lab 客户结构配比实验室',
        short_name: '砼 Mix Lab',
        description: '银行公司客户结构配比模拟与培训 / A simulator of a bank corporate client mix',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f4ef',
        theme_color: '#4b5563',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Precache everything the app needs, so a training-room laptop works offline after one visit.
        globPatterns: ['**/*.{js,css,html,svg,json}'],
        navigateFallback: null,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // A screen's or a part's dynamic import brings its style sheets, not a preload link per module it
    // imports: those modules are mostly loaded with the first screen already, the browser fetches
    // the others as it reads the import, and adding the links was long tasks of their own at start-up
    // (Vite's preload helper, run for every import made at idle). The app's import by the entry keeps
    // its links, so the app's files download at once, side by side.
    modulePreload: {
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' || /(^|\/)start-[\w-]+\.js$/.test(file) ? deps : deps.filter((dep) => dep.endsWith('.css')),
    },
    rollupOptions: {
      // The model is pure (no DOM, no globals written at import): a module of it that the first
      // screen imports through the barrel but never calls is left out of the first load, so the
      // dashboard's chunk does not carry the loss distribution, the design grid or the simulation.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]lib[\\/]model[\\/]/.test(id) },
      output: { codeSplitting: { groups: [{ name: APP_CHUNK, test: (id: string) => appModules.has(id), includeDependenciesRecursively: false }] } },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Generous: CI machines have 2 cores and the component tests render whole views.
    testTimeout: 30_000,
  },
});
