import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng } from './png.js';

/** A PNG built by hand: each row filtered with the given filter type (0–4), as an encoder would. */
function encode(width: number, height: number, channels: 3 | 4, pixels: number[], filters: number[]): Buffer {
  const stride = width * channels;
  const raw: number[] = [];
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : pixels[y * stride + x]!);
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length]!;
    raw.push(f);
    for (let x = 0; x < stride; x++) {
      const [v, a, b, c] = [at(x, y), at(x - channels, y), at(x, y - 1), at(x - channels, y - 1)];
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][f]!;
      raw.push((v - predictor) & 0xff);
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]); // the reader ignores CRCs
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(raw))), chunk('IEND', Buffer.alloc(0))]);
}

describe('decodePng', () => {
  const [w, h] = [7, 5];
  const pixels = (channels: number) => Array.from({ length: w * h * channels }, (_, i) => (i * 37 + (i >> 3) * 11) & 0xff);

  it('undoes every row filter (none, sub, up, average, Paeth) of an RGBA image', () => {
    const src = pixels(4);
    const { width, height, data } = decodePng(encode(w, h, 4, src, [0, 1, 2, 3, 4]));
    expect([width, height]).toEqual([w, h]);
    expect([...data]).toEqual(src);
  });

  it('returns RGB images as RGBA with full opacity', () => {
    const src = pixels(3);
    const { data } = decodePng(encode(w, h, 3, src, [4, 3, 2, 1, 0]));
    const expected = Array.from({ length: w * h }, (_, i) => [src[i * 3]!, src[i * 3 + 1]!, src[i * 3 + 2]!, 255]).flat();
    expect([...data]).toEqual(expected);
  });

  it('refuses what it cannot read', () => {
    expect(() => decodePng(Buffer.from('GIF89a and more bytes'))).toThrow('not a PNG');
  });
});
