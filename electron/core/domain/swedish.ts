import type { MatchRank } from '../../contract/model/members';

export type { MatchRank } from '../../contract/model/members';
/**
 * Swedish text rules used by search and sorting.
 * - Sorting uses the sv collation: å, ä, ö after z.
 * - Identity (duplicates, import matching) never folds å, ä, ö: Habo and Håbo are two municipalities.
 * - Search is forgiving in one direction only: a letter typed without diacritics matches the letter with or
 *   without them (`savsjo` finds Sävsjö), a letter typed with them matches only itself (`håbo` never finds Habo).
 */
const collator = new Intl.Collator('sv-SE', { sensitivity: 'variant', numeric: true });
export const compareSv = (a: string, b: string): number => collator.compare(a, b);

/**
 * Each distinct text's place in Swedish order, texts that `compareSv` counts as equal sharing one: sorting
 * thousands of rows by these numbers gives the order `compareSv` gives, with one comparison of texts per
 * distinct pair instead of per line pair.
 */
export function svRanks(texts: Iterable<string>): Map<string, number> {
  const unique = [...new Set(texts)].sort(compareSv);
  const ranks = new Map<string, number>();
  let rank = 0;
  unique.forEach((text, i) => {
    if (i > 0 && compareSv(unique[i - 1] as string, text) !== 0) rank += 1;
    ranks.set(text, rank);
  });
  return ranks;
}

const COMBINING_MARKS = /\p{M}/gu;
/** Spaces and dashes all read as one word break in search, so `upplands bro` finds Upplands-Bro. */
const WORD_BREAK = /[\s\-\u2010-\u2015_/.,]/u;

/**
 * Key for duplicate detection: case and spacing do not count, letters do (å ≠ a, é ≠ e).
 * `Upplands Väsby`, `upplands  väsby` and `UpplandsVäsby` share a key; `Habo` and `Håbo` do not.
 */
export function identityKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/\s+/gu, '');
}

function foldChar(ch: string): string {
  // Below U+00C0 no character has a canonical decomposition: nothing to strip (most of every name).
  if (ch.length === 1 && ch.charCodeAt(0) < 0xc0) return ch;
  const stripped = ch.normalize('NFD').replace(COMBINING_MARKS, '');
  // One code unit in, one out, so the folded text lines up with the lower-cased one position by position.
  return stripped.length === 1 ? stripped : ch.length === 1 ? ch : '\uFFFD';
}

/**
 * A text prepared for search: `lower` is lower case with word breaks as single spaces, `folded` the same
 * with diacritics removed. Both have the same length and line up character by character.
 */
export type SearchText = { lower: string; folded: string };

/** Lower-case ASCII letters and digits: never a word break, never folded (the bulk of every name). */
function plainAscii(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

export function searchText(text: string): SearchText {
  let lower = '';
  let folded = '';
  let lastWasBreak = true;
  // Swedish has no case rules of its own (only Turkish, Azeri and Lithuanian do), so the plain lower-casing is
  // the Swedish one, without the locale lookup that made this the cost of a first search over thousands of names.
  for (const raw of text.normalize('NFC').toLowerCase()) {
    if (raw.length === 1 && plainAscii(raw.charCodeAt(0))) {
      lastWasBreak = false;
      lower += raw;
      folded += raw;
      continue;
    }
    if (WORD_BREAK.test(raw)) {
      if (!lastWasBreak) {
        lower += ' ';
        folded += ' ';
      }
      lastWasBreak = true;
      continue;
    }
    lastWasBreak = false;
    const ch = raw.length === 1 ? raw : '\uFFFD';
    lower += ch;
    folded += foldChar(ch);
  }
  if (lower.endsWith(' ')) {
    lower = lower.slice(0, -1);
    folded = folded.slice(0, -1);
  }
  return { lower, folded };
}

/**
 * Where `query` occurs in `target` under the Swedish search rule, or -1. Query letters without diacritics
 * match on the folded text; a query letter with a diacritic must be the same letter in the target.
 */
export function indexOfSv(target: SearchText, query: SearchText): number {
  if (query.folded === '') return 0;
  const strict = query.lower !== query.folded;
  let from = 0;
  for (;;) {
    const at = target.folded.indexOf(query.folded, from);
    if (at < 0) return -1;
    if (!strict || sameMarkedLetters(target.lower, at, query)) return at;
    from = at + 1;
  }
}

function sameMarkedLetters(lower: string, at: number, query: SearchText): boolean {
  for (let i = 0; i < query.lower.length; i += 1) {
    const q = query.lower[i];
    if (q !== query.folded[i] && lower[at + i] !== q) return false;
  }
  return true;
}

/**
 * Ranks `target` for `query`: 0 the same text (`habo` for Habo), 1 the same once diacritics in the target
 * are ignored (`habo` for Håbo), 2 a prefix, 3 a prefix of a later word, 4 anywhere.
 */
export function rankMatch(target: SearchText, query: SearchText): MatchRank | undefined {
  const at = indexOfSv(target, query);
  if (at < 0) return undefined;
  if (target.lower === query.lower) return 0;
  if (target.folded === query.folded) return 1;
  if (at === 0) return 2;
  if (target.folded[at - 1] === ' ' || startsLaterWord(target, query)) return 3;
  return 4;
}

function startsLaterWord(target: SearchText, query: SearchText): boolean {
  for (let i = target.folded.indexOf(' '); i >= 0; i = target.folded.indexOf(' ', i + 1)) {
    const rest: SearchText = { lower: target.lower.slice(i + 1), folded: target.folded.slice(i + 1) };
    if (indexOfSv(rest, query) === 0) return true;
  }
  return false;
}

/**
 * The two forms of a Swedish noun (or adjective) after a number: `one` after 1 (and −1), `other` after every
 * other number, 0 included («0 möten»). Swedish has no further plural categories, but the choice goes through
 * `Intl.PluralRules` so no call site decides it with `n === 1` of its own.
 */
export type PluralForms = { one: string; other: string };

const pluralRules = new Intl.PluralRules('sv-SE');
const countFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0, signDisplay: 'negative' });

/** The form of the word that goes with `n`: `plural(1, { one: 'möte', other: 'möten' })` is «möte». */
export function plural(n: number, forms: PluralForms): string {
  return pluralRules.select(n) === 'one' ? forms.one : forms.other;
}

/** A count with its word, the number grouped in threes as everywhere else: «1 möte», «5 000 rader». */
export function countOf(n: number, forms: PluralForms): string {
  return `${countFormat.format(n)} ${plural(n, forms)}`;
}

/** The counted words the app uses in more than one place, so each is spelt once. */
export const nouns = {
  medlem: { one: 'medlem', other: 'medlemmar' },
  organisation: { one: 'organisation', other: 'organisationer' },
  tjanst: { one: 'tjänst', other: 'tjänster' },
  kommun: { one: 'kommun', other: 'kommuner' },
  medlemskommun: { one: 'medlemskommun', other: 'medlemskommuner' },
  kontaktperson: { one: 'kontaktperson', other: 'kontaktpersoner' },
  person: { one: 'person', other: 'personer' },
  rad: { one: 'rad', other: 'rader' },
  mote: { one: 'möte', other: 'möten' },
} as const satisfies Record<string, PluralForms>;
