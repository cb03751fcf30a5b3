import { expect, it } from 'vitest';

it('serves the committed HLS fixtures raw (not compiled as TypeScript)', async () => {
  const playlist = await fetch('/demo/media/vod.m3u8');
  expect(playlist.status).toBe(200);
  expect(await playlist.text()).toMatch(/^#EXTM3U/);
  const seg = await fetch('/demo/media/seg-000.ts');
  expect(seg.status).toBe(200);
  const bytes = new Uint8Array(await seg.arrayBuffer());
  expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
  expect(bytes[188]).toBe(0x47);
});
