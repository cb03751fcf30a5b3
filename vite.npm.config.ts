/**
 * The npm build (`dist/`, what `exports` points at): the same entries, code-split and minified as
 * the CDN build (vite.config.ts → `dist/cdn/`), but lit, rxjs, hls.js, lottie-web and the Tencent SDK
 * (and React, for `live-chat-room/react`) stay imports for the app's bundler to resolve: one copy of lit in an app that has its own, and
 * Node resolves lit's server build, so importing the package during SSR does not throw. Workers and
 * assets (`?worker&url`, `?url`) are still built here: they are ours.
 */
import { defineConfig } from 'vite';
import base from './vite.config.ts';

const DEPENDENCIES = ['lit', '@lit/', 'rxjs', 'hls.js', 'lottie-web', '@tencentcloud/chat', 'react'];

export function isDependency(id: string): boolean {
  if (id.includes('?')) return false;
  return DEPENDENCIES.some((d) => (d.endsWith('/') ? id.startsWith(d) : id === d || id.startsWith(`${d}/`)));
}

const { build: cdnBuild = {}, ...shared } = base;

export default defineConfig({
  ...shared,
  build: {
    ...cdnBuild,
    outDir: 'dist',
    rollupOptions: {
      ...cdnBuild.rollupOptions,
      // `cdn` is the CDN build's alone (dist/cdn/cdn.js): a script tag needs everything bundled.
      input: { index: 'src/index.ts', define: 'src/define.ts', loader: 'src/loader.ts', testing: 'src/testing.ts', react: 'src/react.ts' },
      external: isDependency,
    },
  },
});
