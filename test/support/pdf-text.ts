/**
 * What a printed PDF says, read with poppler: pages, each page's text, and each word's box (to measure the
 * printed size of text). `popplerPath()` is false where poppler is not installed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export function popplerPresent(): boolean {
  return ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'].every((p) => fs.existsSync(p));
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}

export function pdfPageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

export function pdfWords(file: string, page: number): { width: number; height: number; words: WordBox[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const size = /<page width="([\d.]+)" height="([\d.]+)">/.exec(html);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'"),
  }));
  return { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0), words };
}
