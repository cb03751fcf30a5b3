/**
 * platform/workers.ts: which URL a worker is started from. On the page's origin the file itself;
 * from another origin a `blob:` bootstrap whose one line loads the file (import / importScripts).
 */
import { describe, expect, it } from 'vitest';
import { sameOriginScript, workerScriptUrl } from '../../../src/platform/workers.ts';

const PAGE = 'https://shop.example.test/products/hat';
const CDN = 'https://cdn.example.test/live-chat-room@1/assets/barrage-worker-abc.js';

async function bootstrapText(url: string): Promise<string> {
  const res = await fetch(url);
  return res.text();
}

describe('workerScriptUrl', () => {
  it("a file on the page's origin is started as it is, made absolute", () => {
    expect(sameOriginScript('/assets/w.js', PAGE)).toBe(true);
    expect(workerScriptUrl('/assets/w.js', 'module', PAGE)).toBe('https://shop.example.test/assets/w.js');
    expect(workerScriptUrl('../assets/w.js', 'classic', PAGE)).toBe('https://shop.example.test/assets/w.js');
  });

  it('a file on another origin gets a blob: bootstrap that imports it (module worker)', async () => {
    expect(sameOriginScript(CDN, PAGE)).toBe(false);
    const url = workerScriptUrl(CDN, 'module', PAGE);
    expect(url.startsWith('blob:')).toBe(true);
    expect(await bootstrapText(url)).toBe(`import ${JSON.stringify(CDN)};\n`);
  });

  it('a classic worker (hls.js) is bootstrapped with importScripts', async () => {
    const url = workerScriptUrl(CDN, 'classic', PAGE);
    expect(await bootstrapText(url)).toBe(`importScripts(${JSON.stringify(CDN)});\n`);
  });

  it('one bootstrap per file and kind, kept (hls.js caches its worker by URL)', () => {
    expect(workerScriptUrl(CDN, 'module', PAGE)).toBe(workerScriptUrl(CDN, 'module', PAGE));
    expect(workerScriptUrl(CDN, 'module', PAGE)).not.toBe(workerScriptUrl(CDN, 'classic', PAGE));
  });

  it('a URL with quotes or a newline cannot break out of the bootstrap line', async () => {
    const odd = 'https://cdn.example.test/a"b\n;self.close();//.js';
    const text = await bootstrapText(workerScriptUrl(odd, 'module', PAGE));
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
    expect(text).toBe(`import ${JSON.stringify(new URL(odd).href)};\n`);
  });

  it('a different port or scheme is another origin', () => {
    expect(sameOriginScript('https://shop.example.test:8443/w.js', PAGE)).toBe(false);
    expect(sameOriginScript('http://shop.example.test/w.js', PAGE)).toBe(false);
  });
});
