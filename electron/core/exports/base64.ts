/**
 * File bytes cross the boundary between the UI and the core as standard base64 text (RFC 4648, with `=`
 * padding), in both directions: exported workbooks out, imported files in.
 *
 * Why text rather than a `Uint8Array` or `number[]`: the dispatcher copies every input into plain objects and
 * arrays (a typed array would arrive as an object keyed by index), JSON and structured clone both carry a
 * string unchanged, and a string is four bytes per three instead of the many bytes per element of `number[]`.
 * The codec is written here because the core may not use Node's `Buffer`, and `btoa` needs a binary string
 * that would be built one character at a time for a 20 MB file.
 */
import { base64Length } from '../../contract/model/files';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 61;
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;


export function encodeBase64(bytes: Uint8Array): string {
  // ASCII codes into a byte array, turned into text once: far faster than building the string piece by piece.
  const out = new Uint8Array(base64Length(bytes.length));
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out[o++] = CODES[(n >> 18) & 63] as number;
    out[o++] = CODES[(n >> 12) & 63] as number;
    out[o++] = CODES[(n >> 6) & 63] as number;
    out[o++] = CODES[n & 63] as number;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    out[o++] = CODES[(n >> 18) & 63] as number;
    out[o++] = CODES[(n >> 12) & 63] as number;
    out[o++] = rest === 2 ? (CODES[(n >> 6) & 63] as number) : PAD;
    out[o++] = PAD;
  }
  // Every byte is ASCII, which every single-byte decoding maps to itself.
  return new TextDecoder('latin1').decode(out);
}

/** Whether `text` is well-formed padded base64 (length a multiple of four, padding only at the end). */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** Base64 text -> bytes; returns undefined for text that is not well-formed base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!isBase64(text)) return undefined;
  // Well-formed base64 is ASCII, so its UTF-8 bytes are its characters.
  const codes = new TextEncoder().encode(text);
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((codes.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < codes.length; i += 4) {
    const a = DECODE[codes[i] as number] as number;
    const b = DECODE[codes[i + 1] as number] as number;
    const c = codes[i + 2] === PAD ? 0 : (DECODE[codes[i + 2] as number] as number);
    const d = codes[i + 3] === PAD ? 0 : (DECODE[codes[i + 3] as number] as number);
    if (a < 0 || b < 0 || c < 0 || d < 0) return undefined;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
