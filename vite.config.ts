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

export default defineConfig({
  // Relative base: the built site works from any sub-path of a static host.
  base: './',
  plugins: [
    svelte(),
    svelteTesting(),
    bootFrame(),
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
    // A dynamic import brings its style sheets, but not a preload link per module it imports: the
    // browser fetches those as it reads the imported module, and adding ~30 links when the entry
    // imports the app (after the first paint) was a long task of its own. The page's entry keeps its
    // preload links in index.html.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css'))) },
    rollupOptions: {
      // The model is pure (no DOM, no globals written at import): a module of it that the first
      // screen imports through the barrel but never calls is left out of the first load, so the
      // dashboard's chunk does not carry the loss distribution, the design grid or the simulation.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]lib[\\/]model[\\/]/.test(id) },
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
