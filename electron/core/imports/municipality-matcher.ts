/**
 * Matches a municipality as written in an imported row (`Upplands Bro`, `Göteborgs stad`, `0114`, `Malmo`) to
 * the reference list, without ever merging two municipalities.
 *
 * - `exact`: the 4-digit code, or the name after forgiving what never tells two municipalities apart: case,
 *   Unicode form (NFC), spaces and hyphens (`Upplands Bro` = `Upplands-Bro`), a trailing ` kommun`/` stad`
 *   with the genitive `s` it brings (`Göteborgs stad` = Göteborg, `Ale kommun` = Ale), a leading `Region `
 *   (Region Gotland), and the formal names `Falu` (Falun) and `Malung` (Malung-Sälen's old name). Å, ä and ö are
 *   kept: `Habo` is Habo and `Håbo` is Håbo, never the other.
 * - `suggestion`: one municipality is the likely meaning but the user must confirm: the name with å/ä/ö (or
 *   other accents) folded matches exactly one municipality (`Malmo` -> Malmö), or one municipality is within a
 *   small edit distance (`Götebrog`), or a 3-digit code lost its leading zero (`114` -> 0114).
 * - `ambiguous`: two or more are equally likely (`Hábo` folds to both Habo and Håbo; a code and a name that
 *   disagree); the user chooses. Nothing is matched automatically.
 * - `none`: nothing close.
 */

import { compareSv } from '../domain/swedish';

export type MunicipalityLike = { code: string; name: string };

export type MunicipalityMatch = {
  kind: 'exact' | 'suggestion' | 'ambiguous' | 'none';
  code?: string;
  candidates: MunicipalityLike[];
};

const DASHES_AND_SPACES = /[\s\u00A0\u202F\u2009\u2007\u00AD\-\u2010\u2011\u2012\u2013\u2014\u2212]+/g;

/** Case, form, spaces and hyphens forgiven; letters (å, ä, ö included) kept. */
function key(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv-SE').replace(DASHES_AND_SPACES, '');
}

/** Diacritics folded too (å -> a): only ever used to suggest, never to match. */
function folded(text: string): string {
  return key(text).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const ALIASES: Readonly<Record<string, string>> = { falu: 'Falun', malung: 'Malung-Sälen' };

/** Edit distance with adjacent transpositions, stopping early once it passes `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

const peq = new Uint32Array(0x10000);

/**
 * Levenshtein distance by Myers' bit-parallel method (as fastest-levenshtein computes it) for strings of at
 * most 32 UTF-16 units, else the bounded `distance`: fast enough to rank all 290 names for thousands of rows.
 */
function fullDistance(x: string, y: string): number {
  const [a, b] = x.length >= y.length ? [x, y] : [y, x];
  if (b.length === 0) return a.length;
  if (a.length > 32) return distance(a, b, a.length);
  const n = a.length;
  const last = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let i = 0; i < n; i++) peq[a.charCodeAt(i)]! |= 1 << i;
  for (let i = 0; i < b.length; i++) {
    let eq = peq[b.charCodeAt(i)]!;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < n; i++) peq[a.charCodeAt(i)] = 0;
  return score;
}

/** How far a misspelling may be from a name and still be suggested. */
const allowedDistance = (length: number) => (length <= 4 ? 1 : 2);

/** Name forms to try, most literal first: as written, then without `kommun`/`stad`, then without a genitive `s`. */
function nameForms(input: string): string[] {
  const forms = [input];
  const unprefixed = input.replace(/^region\s+/i, '');
  if (unprefixed !== input) forms.push(unprefixed);
  const base = unprefixed.replace(/\s+(kommun|stad|stads?kommun)$/i, '');
  if (base !== unprefixed) {
    forms.push(base);
    if (/s$/i.test(base)) forms.push(base.slice(0, -1));
  }
  return forms;
}

export type MunicipalityMatcher = (input: string) => MunicipalityMatch;

/**
 * The `count` municipalities whose names are closest to a name (edit distance over the name forms, accents
 * folded; ties by name), however far: what to offer when a name matches nothing, for the user to pick from.
 * The folded names are worked out once per list, since a file may hold thousands of unknown names.
 */
export function createClosestMunicipalities(municipalities: readonly MunicipalityLike[]): (input: string, count?: number) => MunicipalityLike[] {
  const list = municipalities.map((m) => ({ m: { code: m.code, name: m.name }, name: folded(m.name) }));
  return (input, count = 3) => {
    const forms = nameForms(input.normalize('NFC').replace(/\s+/g, ' ').trim()).map(folded).filter((f) => f !== '');
    if (count <= 0 || forms.length === 0) return [];
    // The best `count` so far, nearest first.
    const best: { m: MunicipalityLike; d: number }[] = [];
    for (const { m, name } of list) {
      let d = Number.POSITIVE_INFINITY;
      for (const f of forms) d = Math.min(d, fullDistance(f, name));
      if (best.length >= count && d > (best[best.length - 1]?.d ?? 0)) continue;
      best.push({ m, d });
      best.sort((a, b) => a.d - b.d || compareSv(a.m.name, b.m.name));
      if (best.length > count) best.pop();
    }
    return best.map((b) => b.m);
  };
}

/** One-off `createClosestMunicipalities`. */
export function closestMunicipalities(input: string, municipalities: readonly MunicipalityLike[], count = 3): MunicipalityLike[] {
  return createClosestMunicipalities(municipalities)(input, count);
}

/** Builds the lookup tables once for a reference list (`doc.reference.municipalities`). */
export function createMunicipalityMatcher(municipalities: readonly MunicipalityLike[]): MunicipalityMatcher {
  const list = municipalities.map((m) => ({ code: m.code, name: m.name }));
  const byCode = new Map(list.map((m) => [m.code, m]));
  const byKey = new Map<string, MunicipalityLike[]>();
  const byFolded = new Map<string, MunicipalityLike[]>();
  for (const m of list) {
    byKey.set(key(m.name), [...(byKey.get(key(m.name)) ?? []), m]);
    byFolded.set(folded(m.name), [...(byFolded.get(folded(m.name)) ?? []), m]);
  }
  for (const [alias, name] of Object.entries(ALIASES)) {
    const target = byKey.get(key(name));
    if (target && !byKey.has(alias)) byKey.set(alias, target);
  }

  const result = (kind: MunicipalityMatch['kind'], candidates: MunicipalityLike[]): MunicipalityMatch => {
    const unique = [...new Map(candidates.map((c) => [c.code, c])).values()];
    if ((kind === 'exact' || kind === 'suggestion') && unique.length > 1) return { kind: 'ambiguous', candidates: unique };
    const first = unique[0];
    return kind === 'exact' || kind === 'suggestion' ? { kind, code: first?.code, candidates: unique } : { kind, candidates: unique };
  };

  const matchName = (input: string): MunicipalityMatch => {
    const forms = nameForms(input.normalize('NFC').trim());
    for (const form of forms) {
      const hit = byKey.get(key(form));
      if (hit) return result('exact', hit);
    }
    for (const form of forms) {
      const hit = byFolded.get(folded(form));
      if (hit) return result(hit.length === 1 ? 'suggestion' : 'ambiguous', hit);
    }
    let best = Number.POSITIVE_INFINITY;
    let near: MunicipalityLike[] = [];
    for (const form of forms) {
      const f = folded(form);
      if (f.length < 3) continue;
      const max = allowedDistance(f.length);
      for (const [name, ms] of byFolded) {
        const d = distance(f, name, max);
        if (d > max || d > best) continue;
        if (d < best) {
          best = d;
          near = [];
        }
        near.push(...ms);
      }
    }
    const unique = [...new Map(near.map((m) => [m.code, m])).values()];
    if (unique.length === 0) return result('none', []);
    return result(unique.length === 1 ? 'suggestion' : 'ambiguous', unique);
  };

  return (raw: string): MunicipalityMatch => {
    const input = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (input === '') return result('none', []);
    if (/^\d{4}$/.test(input)) {
      const m = byCode.get(input);
      return m ? result('exact', [m]) : result('none', []);
    }
    if (/^\d{3}$/.test(input)) {
      const m = byCode.get(`0${input}`);
      return m ? result('suggestion', [m]) : result('none', []);
    }
    const leading = /^(\d{4})\s*[-–:]?\s*(\D.*)$/.exec(input);
    const trailing = /^(\D.*?)\s*\((\d{4})\)$/.exec(input);
    const pair = leading ? { code: leading[1] ?? '', name: leading[2] ?? '' } : trailing ? { code: trailing[2] ?? '', name: trailing[1] ?? '' } : undefined;
    if (pair) {
      const byNumber = byCode.get(pair.code);
      const byName = matchName(pair.name);
      // A code and a name that disagree are a question for the user, whichever is right.
      if (!byNumber) return byName.kind === 'exact' ? result('suggestion', byName.candidates) : byName;
      if (byName.kind === 'exact' && byName.code === byNumber.code) return result('exact', [byNumber]);
      if (byName.kind === 'exact') return result('ambiguous', [byNumber, ...byName.candidates]);
      return result('suggestion', [byNumber]);
    }
    return matchName(input);
  };
}

/** One-off match; build a matcher with `createMunicipalityMatcher` for many rows. */
export function matchMunicipality(input: string, municipalities: readonly MunicipalityLike[]): MunicipalityMatch {
  return createMunicipalityMatcher(municipalities)(input);
}
