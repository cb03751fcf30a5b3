/** The e2e tests' PNG decoder (test/e2e/png.ts) against PNGs built here with every row filter. */
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countChangedPixels, decodePng } from '../e2e/png.ts';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Encodes 8-bit pixels (`channels` 3 or 4), row y filtered with filter `y % 5`. */
function encode(width: number, height: number, channels: 3 | 4, pixels: Uint8Array): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const cur = pixels[y * stride + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter]!;
      raw[y * (stride + 1) + 1 + x] = (cur - predictor) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

describe('decodePng', () => {
  it('decodes RGBA through all five row filters', () => {
    const pixels = noise(7 * 10 * 4, 1);
    const img = decodePng(encode(7, 10, 4, pixels));
    expect([img.width, img.height]).toEqual([7, 10]);
    expect([...img.data]).toEqual([...pixels]);
  });

  it('decodes RGB as opaque RGBA', () => {
    const pixels = noise(5 * 6 * 3, 2);
    const img = decodePng(encode(5, 6, 3, pixels));
    for (let p = 0; p < 30; p++) {
      expect([...img.data.subarray(p * 4, p * 4 + 4)]).toEqual([pixels[p * 3], pixels[p * 3 + 1], pixels[p * 3 + 2], 255]);
    }
  });

  it('refuses what it cannot read', () => {
    expect(() => decodePng(Buffer.from('not a png at all'))).toThrow(/not a PNG/);
    const png = encode(2, 2, 4, noise(16, 3));
    png[8 + 8 + 8] = 16; // IHDR bit depth 16
    expect(() => decodePng(png)).toThrow(/unsupported/);
  });
});

describe('countChangedPixels', () => {
  it('counts pixels that differ beyond the threshold in any channel', () => {
    const a = { width: 2, height: 2, data: new Uint8Array([0, 0, 0, 255, 10, 10, 10, 255, 0, 0, 0, 255, 0, 0, 0, 255]) };
    const b = { width: 2, height: 2, data: new Uint8Array([0, 0, 200, 255, 20, 20, 20, 255, 0, 0, 0, 255, 255, 0, 0, 255]) };
    expect(countChangedPixels(a, b)).toBe(2);
    expect(countChangedPixels(a, a)).toBe(0);
  });
});
