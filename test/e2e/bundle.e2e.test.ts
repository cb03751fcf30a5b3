/**
 * The built bundle: what a page loads first must hold none of the heavy engines. The Tencent SDK,
 * hls.js and lottie-web may only be reached through dynamic imports (docs/house-rules.md#heavy-engines-are-lazy, issue #6).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
  it.each(['src/cdn.ts', 'src/define.ts', 'src/index.ts', 'src/loader.ts'])('%s loads no SDK, hls.js or lottie code up front', (entry) => {
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
    const lazy = Object.entries(manifest)
      .filter(([, c]) => (c as Chunk & { isDynamicEntry?: boolean }).isDynamicEntry)
      .map(([k]) => k);
    expect(lazy).toEqual(
      expect.arrayContaining([
        'node_modules/@tencentcloud/chat/index.es.js',
        'node_modules/@tencentcloud/chat/modules/group-module.js',
        'src/transport/tencent/index.ts',
      ]),
    );
    expect(lazy.some((k) => k.includes('hls.js'))).toBe(true);
  });

  it('the room session (RxJS, pipeline, transports), the barrage renderer and the gift stage are lazy chunks', () => {
    const initial = initialChunks('src/define.ts').map((c) => c.src ?? c.file);
    for (const lazy of ['src/store/room-store.ts', 'src/barrage/create-barrage.ts', 'src/gifts/gift-stage.ts']) {
      expect((manifest[lazy] as Chunk & { isDynamicEntry?: boolean })?.isDynamicEntry, lazy).toBe(true);
      expect(initial).not.toContain(lazy);
    }
    // RxJS's own error text: none of its code is in what the page loads first.
    for (const c of initialChunks('src/define.ts'))
      expect(readFileSync(join(out, c.file), 'utf8'), c.file).not.toMatch(/object unsubscribed/);
  });

  it('the loader entry is one small chunk (≤ 10 KB gzip) that reaches the element only dynamically', () => {
    const chunks = initialChunks('src/loader.ts');
    const bytes = chunks.reduce((sum, c) => sum + gzipSync(readFileSync(join(out, c.file))).length, 0);
    expect(bytes).toBeLessThanOrEqual(10 * 1024);
    expect(chunks.map((c) => c.src)).not.toContain('src/define.ts');
    expect(manifest['src/loader.ts']!.dynamicImports).toContain('src/define.ts');
  });
});

describe('no secrets in built files', () => {
  it('no file of the build holds the SDK secret key, a UserSig or a private key', async () => {
    const { DEV_SECRET_KEY } = await import('../../demo/server/config.ts');
    const { genUserSig } = await import('../../demo/server/usersig.ts');
    const { readdirSync, statSync } = await import('node:fs');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(out);
    expect(files.length).toBeGreaterThan(5);
    // A UserSig is zlib-deflated JSON, base64 made URL safe: it starts "eJ" and runs long.
    const sample = genUserSig(1400000000, DEV_SECRET_KEY, 'viewer_1', 3600, Date.now());
    expect(sample).toMatch(/^eJ[\w*-]{80,}/);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(DEV_SECRET_KEY), file).toBe(false);
      expect(/["'`]eJ[\w*-]{80,}/.test(text), `${file} holds something shaped like a UserSig`).toBe(false);
      expect(/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text), file).toBe(false);
    }
  });
});
