/**
 * Reading the plan's text (a PDF-to-text export, see assets/seed/verksamhetsplan-2022.txt).
 *
 * The export wraps lines mid-list ("Östra" / "Göinge"), repeats page headers, ends with a table of contents
 * that repeats every heading with a leading tab, and in one place runs a list into the next heading
 * ("VilhelminaAnvändande kommuner – eAnsökan-EkBist"). Every helper here fails loudly when the text it
 * expects is not found, so a changed source text cannot silently drop data.
 */

export type PlanText = { readonly lines: readonly string[]; readonly flat: string };

export function readPlan(text: string): PlanText {
  const normalised = text.normalize('NFC').replace(/\r\n?/g, '\n');
  // The table of contents repeats every heading; cut it off so heading look-ups find the body only.
  const tocStart = normalised.search(/\n\t[^\n]*\n\t/);
  const body = tocStart >= 0 ? normalised.slice(0, tocStart) : normalised;
  return { lines: body.split('\n'), flat: body.replace(/\s+/g, ' ') };
}

/** Index of the first line (from `from`) whose trimmed text is exactly `heading` (or starts with it). */
export function findHeading(plan: PlanText, heading: string, from = 0, match: 'exact' | 'prefix' = 'exact'): number {
  for (let i = from; i < plan.lines.length; i++) {
    const line = (plan.lines[i] ?? '').trim();
    if (match === 'exact' ? line === heading : line.startsWith(heading)) return i;
  }
  throw new Error(`Planen: rubriken "${heading}" hittades inte`);
}

/** Lines from the heading `start` up to (not including) the heading `end`. */
export function section(plan: PlanText, start: string, end: string): PlanText {
  const from = findHeading(plan, start);
  const to = findHeading(plan, end, from + 1);
  const lines = plan.lines.slice(from, to);
  return { lines, flat: lines.join('\n').replace(/\s+/g, ' ') };
}

/**
 * The paragraph that follows a heading: blank lines after the heading are skipped, then lines are taken up
 * to the next blank line and joined with a space (which rejoins names the export wrapped, like Östra Göinge).
 * `stopAt` cuts the paragraph where the export ran the next heading into it.
 */
export function paragraphAfter(plan: PlanText, heading: string, opts: { match?: 'exact' | 'prefix'; stopAt?: string } = {}): string {
  const at = findHeading(plan, heading, 0, opts.match ?? 'exact');
  let i = at + 1;
  while (i < plan.lines.length && (plan.lines[i] ?? '').trim() === '') i++;
  const taken: string[] = [];
  for (; i < plan.lines.length && (plan.lines[i] ?? '').trim() !== ''; i++) taken.push((plan.lines[i] ?? '').trim());
  let paragraph = taken.join(' ').replace(/\s+/g, ' ').trim();
  if (opts.stopAt !== undefined) {
    const cut = paragraph.indexOf(opts.stopAt);
    if (cut < 0) throw new Error(`Planen: "${opts.stopAt}" hittades inte efter "${heading}"`);
    paragraph = paragraph.slice(0, cut).trim();
  }
  if (paragraph === '') throw new Error(`Planen: inget stycke efter rubriken "${heading}"`);
  return paragraph;
}

/** A labelled value on its own line inside a section, e.g. `Teknisk förvaltare: Nejla AB`. */
export function labelledValue(plan: PlanText, label: string): string | undefined {
  for (const line of plan.lines) {
    const m = new RegExp(`^\\s*${escapeRegExp(label)}:\\s*(.+?)\\s*$`).exec(line);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One item of a using-organisations list: `Mora (Leksand, Orsa)` or `Göteborgsregionen (13 kommuner)`. */
export type ListEntry = {
  name: string;
  /** Names in parentheses after a host municipality. */
  partners: string[];
  /** The count stated in parentheses for a group, e.g. 13 for "Göteborgsregionen (13 kommuner)". */
  statedCount?: number;
};

export type ParsedList = { entries: ListEntry[]; emptyItems: number };

/**
 * Splits a list at top-level commas and at the words "och", "samt" and "&" (no municipality name contains
 * them), keeping parenthesised partner lists with their host. A trailing full stop and a trailing word
 * "kommuner" ("Båstads, Västerås, och Ängelholms kommuner") are dropped. Empty items (", ,") are counted,
 * not kept.
 */
export function parseList(paragraph: string): ParsedList {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  // ", och" / ", samt" is one separator (a serial comma), not an empty item.
  const text = paragraph.replace(/\.\s*$/, '').replace(/,(\s+(?:och|samt)\s+)/g, '$1');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) throw new Error(`Planen: obalanserade parenteser i "${paragraph}"`);
    if (depth === 0) {
      const rest = text.slice(i);
      const separator = /^(,|\s+och\s+|\s+samt\s+|\s+&\s+)/.exec(rest);
      if (separator) {
        items.push(current);
        current = '';
        i += (separator[0]?.length ?? 1) - 1;
        continue;
      }
    }
    current += ch;
  }
  if (depth !== 0) throw new Error(`Planen: obalanserade parenteser i "${paragraph}"`);
  items.push(current);

  const entries: ListEntry[] = [];
  let emptyItems = 0;
  for (const raw of items) {
    const item = raw.replace(/\s+/g, ' ').trim().replace(/\s+kommuner$/, '');
    if (item === '') {
      emptyItems++;
      continue;
    }
    const m = /^([^()]+?)\s*\((.*)\)$/.exec(item);
    if (!m) {
      entries.push({ name: item, partners: [] });
      continue;
    }
    const name = (m[1] ?? '').trim();
    const inner = (m[2] ?? '').trim();
    const count = /^(\d+) kommuner$/.exec(inner);
    if (count) {
      entries.push({ name, partners: [], statedCount: Number(count[1]) });
      continue;
    }
    const partners = inner.split(',').map((p) => p.trim());
    if (partners.some((p) => p === '')) throw new Error(`Planen: tomt namn inom parentes i "${item}"`);
    entries.push({ name, partners });
  }
  return { entries, emptyItems };
}

/**
 * Two amounts in Swedish digit grouping on one line, e.g. `3 172 048 3 400 000` or `-15 948 991 -17 460 714`.
 * The spaces that group thousands also separate the two columns, so every split of the digit groups into
 * two well-formed numbers is tried; anything but exactly one reading is an error.
 */
export function parseTwoAmounts(text: string): [number, number] {
  const tokens = text.trim().split(/\s+/);
  if (tokens.some((t) => !/^-?\d+$/.test(t))) throw new Error(`Budget: "${text}" är inte två belopp`);
  const wellFormed = (groups: string[]): boolean => {
    const [first, ...rest] = groups;
    if (first === undefined) return false;
    const digits = first.replace(/^-/, '');
    if (!/^\d{1,3}$/.test(digits)) return false;
    if (digits.length > 1 && digits.startsWith('0')) return false;
    if (rest.length > 0 && digits === '0') return false;
    return rest.every((g) => /^\d{3}$/.test(g));
  };
  const readings: [number, number][] = [];
  for (let k = 1; k < tokens.length; k++) {
    const left = tokens.slice(0, k);
    const right = tokens.slice(k);
    if (wellFormed(left) && wellFormed(right)) readings.push([Number(left.join('')), Number(right.join(''))]);
  }
  const [only, ...others] = readings;
  if (!only || others.length > 0) throw new Error(`Budget: "${text}" kan inte läsas entydigt som två belopp`);
  return only;
}
