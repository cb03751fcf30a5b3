/**
 * The built bundle: what a page loads first must hold none of the heavy engines. The Tencent SDK,
 * hls.js and lottie-web may only be reached through dynamic imports (DESIGN.md §3.6, issue #6).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

let out: string;
let manifest: Record<string, Chunk>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lcr-bundle-'));
  await build({ logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8'));
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Chunks loaded statically (before any dynamic import runs) from an entry. */
function initialChunks(entry: string): Chunk[] {
  const seen = new Map<string, Chunk>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`missing chunk ${key}`);
    seen.set(key, chunk);
    for (const dep of chunk.imports ?? []) walk(dep);
  };
  walk(entry);
  return [...seen.values()];
}

const HEAVY = [/@tencentcloud\/chat/, /hls\.js/, /lottie-web/];

describe('bundle', () => {
  it.each(['src/cdn.ts', 'src/define.ts', 'src/index.ts'])('%s loads no SDK, hls.js or lottie code up front', (entry) => {
    const chunks = initialChunks(entry);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) for (const heavy of HEAVY) expect(c.src ?? c.file).not.toMatch(heavy);
    for (const c of chunks) {
      const code = readFileSync(join(out, c.file), 'utf8');
      // The SDK's socket hosts are in its code and nowhere in ours.
      expect(code, c.file).not.toMatch(/im\.qcloud\.com|tim\.qq\.com/);
      expect(code, c.file).not.toMatch(/TencentCloudChat\.create|Hls\.isSupported\(\)\s*\{/);
    }
  });

  it('the SDK, hls.js and the Tencent transport are lazy chunks', () => {
    const lazy = Object.entries(manifest).filter(([, c]) => (c as Chunk & { isDynamicEntry?: boolean }).isDynamicEntry).map(([k]) => k);
    expect(lazy).toEqual(expect.arrayContaining(['node_modules/@tencentcloud/chat/index.es.js', 'node_modules/@tencentcloud/chat/modules/group-module.js', 'src/transport/tencent/index.ts']));
    expect(lazy.some((k) => k.includes('hls.js'))).toBe(true);
  });
});
