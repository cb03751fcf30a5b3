/**
 * The packed package (issue 22): what the tarball holds, that every `exports` target is in it,
 * the size budgets on the built files, that a bundler keeps each entry's side effect (the
 * `sideEffects` list), and that the npm entries import in Node (SSR) without throwing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { describe, expect, inject, it } from 'vitest';
import { CONSUMER, INSTALLED } from './pack-setup.ts';

interface Manifest {
  exports: Record<string, string | { types: string; import?: string }>;
}
const manifest = JSON.parse(readFileSync(join(INSTALLED, 'package.json'), 'utf8')) as Manifest;
const files = inject('packedFiles');

/** An entry file and every file it imports statically (not `import()`), transitively. */
function initialFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(normalize(join(dirname(file), m[1]!)));
    }
  };
  visit(join(INSTALLED, entry));
  return [...seen];
}
const gzipKb = (paths: string[]): number => paths.reduce((n, p) => n + gzipSync(readFileSync(p), { level: 9 }).length, 0) / 1024;

describe('the tarball', () => {
  it('holds the build, the declarations, the licence and the readme; no tests, demo or media', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/types/index.d.ts',
        'dist/cdn/cdn.js',
        'custom-elements.json',
        'html-custom-data.json',
      ]),
    );
    expect(files.filter((f) => /^(test|demo|examples|scripts)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(m3u8|mp4|png|jpg|webm)$|(^|\/)\.vite\//.test(f))).toEqual([]);
  });

  it('has every exports target', () => {
    const targets = Object.values(manifest.exports).flatMap((t) =>
      typeof t === 'string' ? [t] : [t.types, ...(t.import ? [t.import] : [])],
    );
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !files.includes(t))).toEqual([]);
  });

  it('keeps the size budgets: loader ≤ 2 KB gzip, a page’s first load from the CDN build ≤ 25 KB gzip', () => {
    const loader = gzipKb(initialFiles('dist/cdn/loader.js'));
    const cdn = gzipKb(initialFiles('dist/cdn/cdn.js'));
    console.log(
      `size: loader ${loader.toFixed(2)} KB gzip, cdn initial ${cdn.toFixed(1)} KB gzip (${initialFiles('dist/cdn/cdn.js').length} files)`,
    );
    expect(initialFiles('dist/cdn/cdn.js').length).toBeGreaterThan(2); // the walk follows the chunks
    expect(loader).toBeLessThanOrEqual(2);
    expect(cdn).toBeLessThanOrEqual(25);
  });
});

/** An app's production bundle of `source` (React left out: the app has it either way). */
async function appBundle(source: string, minify: boolean): Promise<Rollup.OutputChunk[]> {
  const entry = join(CONSUMER, `entry-${Math.random().toString(36).slice(2)}.js`);
  writeFileSync(entry, source);
  const out = (await build({
    root: CONSUMER,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify, rollupOptions: { input: entry, external: ['react', 'react-dom'] } },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  return (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
}

describe('in an app', () => {
  const bundle = async (source: string): Promise<string> => (await appBundle(source, false)).map((c) => c.code).join('\n');

  it("a bundler keeps `import 'live-chat-room/define'` (the registration) and the loader's watch", async () => {
    expect(await bundle(`import 'live-chat-room/define';\n`)).toMatch(/customElements\.define\(/);
    expect(await bundle(`import 'live-chat-room/loader';\n`)).toMatch(/new MutationObserver\(/);
  }, 120_000);

  it('the React wrapper adds ≤ 1 KB gzip to an app that registers the tag (its code and @lit/react)', async () => {
    const gz = (chunks: Rollup.OutputChunk[]): number => chunks.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0);
    const plain = gz(await appBundle(`import 'live-chat-room/define';\n`, true));
    const wrapped = gz(await appBundle(`import { LiveChatRoom } from 'live-chat-room/react';\nconsole.log(LiveChatRoom);\n`, true));
    console.log(`size: React wrapper adds ${((wrapped - plain) / 1024).toFixed(2)} KB gzip (${plain} → ${wrapped} bytes, every chunk)`);
    expect(wrapped).toBeGreaterThan(plain);
    expect(wrapped - plain).toBeLessThanOrEqual(1024);
  }, 120_000);

  it('react-dom/server renders the tag with its attributes (SSR)', () => {
    const script = [
      `import { createElement } from 'react';`,
      `import { renderToString } from 'react-dom/server';`,
      `const { LiveChatRoom } = await import('live-chat-room/react');`,
      `console.log(renderToString(createElement(LiveChatRoom, { roomId: 'demo-room', 'emulator-url': 'http://127.0.0.1:8080', onLcrGift: () => {} })));`,
    ].join('\n');
    const html = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: CONSUMER, encoding: 'utf8' });
    expect(html).toMatch(/^<live-chat-room[^>]*emulator-url="http:\/\/127\.0\.0\.1:8080"[^>]*><\/live-chat-room>/);
  });

  it.each(['live-chat-room', 'live-chat-room/define', 'live-chat-room/loader', 'live-chat-room/testing', 'live-chat-room/react'])(
    'importing %s in Node (SSR) does not throw',
    (entry) => {
      const script = `const m = await import(${JSON.stringify(entry)}); console.log(Object.keys(m).sort().join(','));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: CONSUMER, encoding: 'utf8' });
      if (entry === 'live-chat-room') expect(out).toMatch(/LiveChatRoom/);
      if (entry === 'live-chat-room/define') expect(out).toMatch(/TAG/);
    },
  );
});
