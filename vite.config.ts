/// <reference types="vitest/config" />
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, ensureChromium } from './test/setup/find-chromium.ts';

const needsBrowser = !process.argv.includes('--project') || process.argv.some((a) => /browser/.test(a));

/**
 * MPEG-TS segments end in `.ts`, which vite would compile as TypeScript: serve the committed
 * HLS fixtures raw, before vite's transforms (dev server and the vitest browser server).
 */
function rawHlsFixtures(): Plugin {
  const root = join(import.meta.dirname, 'demo', 'media');
  return {
    name: 'lcr-raw-hls-fixtures',
    configureServer(server) {
      server.middlewares.use('/demo/media', (req, res, next) => {
        const name = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^([/\\])+/, '');
        const file = join(root, name);
        if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader(
          'Content-Type',
          name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : name.endsWith('.ts') ? 'video/mp2t' : 'application/octet-stream',
        );
        createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig({
  plugins: [rawHlsFixtures()],
  optimizeDeps: {
    // Pre-bundled up front, so the first browser run is not reloaded mid-test.
    include: ['hls.js/light', 'lit', 'rxjs', 'lottie-web/build/player/lottie_light_canvas', 'react', 'react-dom/client', '@lit/react'],
  },
  // Relative URLs, so the worker and lazy chunks load next to the entry wherever it is hosted
  // (a CDN, a Shopify theme's assets).
  base: './',
  worker: { format: 'es' },
  // The self-contained build (every dependency bundled): what a `<script type="module">` from a CDN
  // loads, and what the bench and the e2e pages measure. The npm build (vite.npm.config.ts) leaves
  // the dependencies to the app's bundler.
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    manifest: true,
    sourcemap: true,
    // Not `build.lib`: its ES output is left unminified. Three entries, code-split, minified.
    rollupOptions: {
      input: { index: 'src/index.ts', define: 'src/define.ts', cdn: 'src/cdn.ts', loader: 'src/loader.ts', testing: 'src/testing.ts' },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Real servers on 127.0.0.1 and a headless Chromium driven by playwright-core.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The packed tarball as an app installs it: types, contents, size budgets, SSR imports.
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/pack-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                ...(needsBrowser ? { executablePath: ensureChromium() } : {}),
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
