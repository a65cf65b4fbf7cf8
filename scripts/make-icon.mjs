/**
 * Draws the app icon (a white «S» on a blue rounded square) and writes it as a 512×512 RGBA PNG using only
 * Node's zlib, so the icon can be rebuilt without image tools. electron-builder derives the Windows .ico and
 * the macOS .icns from this PNG when packaging.
 *
 *   node scripts/make-icon.mjs [output.png]     (default: assets/icons/icon.png)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis: 16 samples per pixel smooth the edges

const MARGIN = 32;
const CORNER = 100;
const TOP = [0x1b, 0x4f, 0x8a];
const BOTTOM = [0x1f, 0x7a, 0x8c];
const INK = [0xff, 0xff, 0xff];

// The «S»: two stacked circular arcs of equal radius meeting at the centre (angles in degrees, y grows down).
const R = 78;
const STROKE = 50;
const upper = { cx: 256, cy: 256 - R, from: 90, to: 330 };
const lower = { cx: 256, cy: 256 + R, from: -90, to: 150 };

function inRoundedSquare(x, y) {
  const lo = MARGIN;
  const hi = SIZE - MARGIN;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + CORNER), hi - CORNER);
  const cy = Math.min(Math.max(y, lo + CORNER), hi - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function onArc(arc, x, y) {
  const dx = x - arc.cx;
  const dy = y - arc.cy;
  if (Math.abs(Math.hypot(dx, dy) - R) > STROKE / 2) return false;
  let angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  while (angle < arc.from) angle += 360;
  return angle <= arc.to;
}

function onCap(arc, angle, x, y) {
  const t = (angle * Math.PI) / 180;
  return Math.hypot(x - (arc.cx + R * Math.cos(t)), y - (arc.cy + R * Math.sin(t))) <= STROKE / 2;
}

function inLetter(x, y) {
  return onArc(upper, x, y) || onArc(lower, x, y) || onCap(upper, upper.to, x, y) || onCap(lower, lower.to, x, y);
}

export function drawIcon() {
  const rowBytes = 1 + SIZE * 4;
  const raw = Buffer.alloc(rowBytes * SIZE);
  for (let py = 0; py < SIZE; py++) {
    raw[py * rowBytes] = 0; // filter: none
    const t = py / (SIZE - 1);
    const bg = TOP.map((c, i) => Math.round(c + (BOTTOM[i] - c) * t));
    for (let px = 0; px < SIZE; px++) {
      let cover = 0;
      let ink = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          if (!inRoundedSquare(x, y)) continue;
          cover++;
          if (inLetter(x, y)) ink++;
        }
      }
      const o = py * rowBytes + 1 + px * 4;
      const n = SAMPLES * SAMPLES;
      const k = cover === 0 ? 0 : ink / cover;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(bg[i] + (INK[i] - bg[i]) * k);
      raw[o + 3] = Math.round((255 * cover) / n);
    }
  }
  return encodePng(SIZE, SIZE, raw);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** `raw` holds the filtered scanlines (one filter byte, then RGBA per pixel). */
function encodePng(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const target = path.resolve(process.argv[2] ?? path.join(root, 'assets', 'icons', 'icon.png'));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, drawIcon());
  console.log(`Wrote ${path.relative(process.cwd(), target)} (${SIZE}×${SIZE})`);
}
