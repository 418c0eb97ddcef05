#!/usr/bin/env node
// Draws the PNG app icons (public/icon-192.png, icon-512.png) from the same shapes as public/icon.svg,
// with no image library: a 64-unit design rasterised with 4×4 supersampling and written as PNG by zlib.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const RED = [0x9f, 0x1d, 0x15];
const WHITE = [255, 255, 255];
const FOLD = [0xf2, 0xc9, 0xc5];

/** Colour of the design at (x, y) in 0..64 units, or null outside the rounded square. */
function colour(x, y) {
  const r = 12;
  const cx = Math.min(Math.max(x, r), 64 - r);
  const cy = Math.min(Math.max(y, r), 64 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const inDoc = x >= 18 && x <= 48 && y >= 12 && y <= 52 && !(x > 38 && y < 22 && x - 38 > y - 12);
  if (!inDoc) return RED;
  if (x >= 38 && y <= 22 && x - 38 <= y - 12 + 0.0001) return FOLD;
  const line = (y0, x1) => Math.abs(y - y0) <= 1.5 && x >= 24 - 1.5 && x <= x1 + 1.5;
  if (line(30, 42) || line(37, 42) || line(44, 36)) return RED;
  return WHITE;
}

function png(size) {
  const ss = 4;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = colour(((px + (sx + 0.5) / ss) * 64) / size, ((py + (sy + 0.5) / ss) * 64) / size);
          if (c) ((r += c[0]), (g += c[1]), (b += c[2]), (a += 1));
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pub = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
for (const size of [192, 512]) writeFileSync(join(pub, `icon-${size}.png`), png(size));
console.log('wrote public/icon-192.png, public/icon-512.png');
