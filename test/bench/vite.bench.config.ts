/**
 * Vite config for the bench pages (multi-page build into test/bench/.build/pages): ours, the
 * danmaku peers (canvas, DOM, canvas + bare lottie-web) and bare hls.js. `demo/public` is the
 * public dir, so the gift images and Lottie effects are served next to the pages.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
export const BENCH_BUILD_DIR = here('./.build/pages');
export const PAGES = ['ours', 'danmaku-canvas', 'danmaku-dom', 'lottie-bare', 'hls-bare'] as const;

export default defineConfig({
  root: here('./pages'),
  base: './',
  publicDir: here('../../demo/public'),
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: BENCH_BUILD_DIR,
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: Object.fromEntries(PAGES.map((p) => [p, here(`./pages/${p}.html`)])) },
  },
});
