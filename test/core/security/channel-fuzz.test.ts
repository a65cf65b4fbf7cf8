/**
 * Hostile input at the boundary: generated payloads for every channel of the contract (read from
 * `channelNames`, so a new channel is fuzzed without touching this file), sent through `dispatch` to the real
 * core over the default document, as a compromised renderer or a careless web page could send them.
 *
 * Payloads are derived from each channel's own input schema (so many pass validation and reach the handlers)
 * and then spoiled: wrong types, missing and extra keys, `__proto__` / `constructor` / `prototype` keys, 1 MB
 * strings, NaN, ±Infinity, -0, control characters, direction overrides, lone surrogates, decomposed Unicode.
 *
 * FUZZ_PAYLOADS sets the total (default 10 000); FUZZ_SEED the seed (fixed by default, so CI is repeatable).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { channelNames, contract, errorCodes, type Channel } from '../../../electron/contract';
import { dispatch } from '../../../electron/core/handlers/dispatch';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import { documentSchema, isSafeName, isSafeText, type SambrukDocument } from '../../../electron/core/store/schema';
import { fieldLabels } from '../../../electron/core/i18n/validation-messages';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';

const TOTAL = Number(process.env.FUZZ_PAYLOADS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_901);
const PER_CHANNEL = Math.ceil(TOTAL / channelNames.length);

const initial: SambrukDocument = loadDefaultDocument();
const initialText = serialiseDocument(initial);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayPrototypeKeys = Object.getOwnPropertyNames(Array.prototype).sort();

let payloadsSent = 0;
const outcomes = { accepted: 0, changed: 0, refused: 0 };

// ---------------------------------------------------------------- hostile values

const MEGABYTE = 'Å'.repeat(1 << 20);
const hostileStrings = [
  '',
  ' ',
  '\u202Eexe.txt\u202C',
  'Anna\u2066 Admin\u2069',
  'Kommun\u200F',
  'ab\u0000cd',
  'bell\u0007',
  'rad\nbrytning',
  'tabb\tulator',
  'c1\u0085kontroll',
  'bom\uFEFFmitt',
  'halv\uD800surrogat',
  '\uDC00',
  'Ma\u0308lmo\u0308 Sa\u0308vsjo\u0308', // decomposed
  'A\u030A',
  '=HYPERLINK("http://evil.example")',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '__proto__',
  'constructor',
  '<img src=x onerror=alert(1)>',
  MEGABYTE,
];
const hostileNumbers = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 0.5, -1, Number.MIN_VALUE];

function deep(depth: number): unknown {
  let v: unknown = 'botten';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const hostileObjects = [
  null,
  undefined,
  true,
  false,
  [],
  {},
  JSON.parse('{"__proto__": {"polluted": "ja"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "ja"}}}') as unknown,
  { prototype: { polluted: 'ja' } },
  deep(200),
  Array.from({ length: 5000 }, () => 'x'),
  new Date('2022-01-01'),
  new Map([['a', 1]]),
  Object.create(null) as unknown,
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileObjects) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }) },
);

const extraKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'admin', 'Namn', 'name ', 'ïd');

// ---------------------------------------------------------------- values the schemas accept (mostly)

const pools = {
  organisation: initial.organisations.map((o) => o.id),
  membership: initial.memberships.map((m) => m.id),
  contact: initial.contacts.map((c) => c.id),
  service: initial.services.map((s) => s.id),
  usage: initial.usages.map((u) => u.id),
  network: initial.networks.map((n) => n.id),
  entry: initial.networks.flatMap((n) => n.roster.map((e) => e.id)),
  meeting: initial.networks.flatMap((n) => n.meetings.map((m) => m.id)),
  line: initial.budget.lines.map((l) => l.id),
  column: initial.budget.columns.map((c) => c.id),
  goal: initial.goals.map((g) => g.id),
};
const allIds = Object.values(pools).flat();

/** Ids of the entity a key names (`serviceId`, `groupMemberIds`, …), from the document, so calls reach real records. */
function idsFor(key: string): string[] {
  const k = key.toLowerCase();
  const pick = (pool: string[]) => (pool.length > 0 ? pool : allIds);
  if (/organisation|groupmember|exclude/.test(k)) return pick(pools.organisation);
  if (/membership/.test(k)) return pick(pools.membership);
  if (/contact|attendee/.test(k)) return pick(pools.contact);
  if (/service/.test(k)) return pick(pools.service);
  if (/usage/.test(k)) return pick(pools.usage);
  if (/network/.test(k)) return pick(pools.network);
  if (/entry/.test(k)) return pick(pools.entry);
  if (/meeting/.test(k)) return pick(pools.meeting);
  if (/line|parent/.test(k)) return pick(pools.line);
  if (/column/.test(k)) return pick(pools.column);
  if (/goal/.test(k)) return pick(pools.goal);
  return allIds;
}

const goodDates = ['2022-06-30', '2021-01-01', '2022-01-01', '2022-12-31', '2023-03-15', '2024-02-29', '2020-05-01'];
const badDates = ['2023-02-29', '0000-01-01', '1899-12-31', '2200-01-01', '2022-13-01', '2022-00-10', '22-01-01', 'igår'];
const textPool = [
  'Sambruk',
  'Ängelholms kommun',
  'Östra Göinge',
  'Tjänst för e-arkiv',
  'kansli@sambruk.se',
  '+46701234567',
  '070-123 45 67',
  '212000-1355',
  '1 234,50',
  '-12 000 kr',
  '0180',
  '01',
  'Ma\u0308lmo\u0308', // decomposed: accepted, stored as NFC
  '  mellanslag runt  ',
  'https://www.sambruk.se/',
  // Plausible-looking but dangerous: every field that stores text must refuse these (names also the line breaks).
  'Anna\u202E Admin',
  'Kommun\u200F',
  'Rad ett\nrad två',
  'Tabb\tbort',
  'Noll\u0000tecken',
  'C1\u0085kontroll',
];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

function stringArbitrary(def: Def, key: string): fc.Arbitrary<string> {
  const checks = (def.checks as { _zod: { def: { format?: string; pattern?: RegExp } } }[] | undefined) ?? [];
  const pattern = checks.map((c) => c._zod.def).find((c) => c.format === 'regex')?.pattern;
  if (/(^id$|Id$|Ids$)/.test(key)) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...idsFor(key)) }, { weight: 1, arbitrary: fc.constantFrom(...allIds) });
  if (/date|^from$|^to$|joined|left|noticeGiven|At$|Date$/.test(key)) {
    return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...goodDates) }, { weight: 1, arbitrary: fc.constantFrom(...badDates) });
  }
  if (pattern) return fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('g', '')));
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...textPool) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
}

function numberArbitrary(key: string): fc.Arbitrary<number> {
  if (/year/i.test(key)) return fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 2019, max: 2026 }) }, { weight: 1, arbitrary: fc.integer({ min: 1985, max: 2205 }) });
  if (/ore$/i.test(key)) return fc.oneof(fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: -10_000_000_00, max: 0 }));
  if (/population/i.test(key)) return fc.integer({ min: 0, max: 1_000_000 });
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 120 }) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.double() });
}

/** Values shaped like the schema (its keys, enums, ids, nesting): often valid, never deliberately hostile. */
function shaped(schema: unknown, key = '', depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(null);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return shaped(def.innerType, key, depth);
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: shaped(def.innerType, key, depth) });
    case 'pipe':
      return shaped(def.in, key, depth);
    case 'string':
      return stringArbitrary(def, key);
    case 'number':
      return numberArbitrary(key);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(shaped(def.element, key, depth + 1), { maxLength: 4 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => shaped(o, key, depth + 1)));
    case 'record':
      return fc.dictionary(fc.constantFrom(...allIds), shaped(def.valueType, key, depth + 1), { maxKeys: 3 });
    case 'object': {
      // Optional keys are mostly left out, so that plausible calls are often wholly valid and reach the handler.
      const shape = def.shape as Record<string, unknown>;
      const ABSENT = Symbol('absent');
      const model = Object.fromEntries(
        Object.keys(shape).map((k) => {
          const value = shaped(shape[k], k, depth + 1);
          const optional = ['optional', 'default'].includes(defOf(shape[k]).type);
          return [k, optional ? fc.oneof({ weight: 2, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: value }) : value];
        }),
      );
      return fc.record(model).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ABSENT)));
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Own data properties, so `__proto__` is a key like any other (as after a structured clone over IPC). */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(target)) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Replaces the `n`-th value anywhere in the tree (objects and arrays, any depth) with `bad`. */
function spoil(value: unknown, n: number, bad: unknown): unknown {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const collect = (v: unknown, depth: number) => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    for (const [key, item] of entries) {
      slots.push({ parent: v as Record<string, unknown> | unknown[], key });
      collect(item, depth + 1);
    }
  };
  const copy = structuredClone(value);
  collect(copy, 0);
  const slot = slots[n % Math.max(slots.length, 1)];
  if (!slot) return bad;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = bad;
  else Object.defineProperty(slot.parent, slot.key, { value: bad, enumerable: true, writable: true, configurable: true });
  return copy;
}

function payloadFor(channel: Channel): fc.Arbitrary<unknown> {
  const base = shaped(contract[channel].input);
  const asObject = base.map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}));
  return fc.oneof(
    // Plausible calls, to reach the handlers (names with odd but legal text, real ids, dates of all kinds).
    { weight: 4, arbitrary: base },
    // One value anywhere replaced by something hostile.
    { weight: 4, arbitrary: fc.tuple(base, fc.nat(), hostile).map(([v, n, bad]) => spoil(v, n, bad)) },
    // An extra key, including the prototype's own names.
    { weight: 2, arbitrary: fc.tuple(asObject, extraKeys, hostile).map(([o, k, v]) => withKey(o, k, v)) },
    // A required key missing.
    {
      weight: 1,
      arbitrary: fc.tuple(asObject, fc.nat()).map(([o, n]) => {
        const keys = Object.keys(o);
        if (keys.length === 0) return o;
        const copy = { ...o };
        delete copy[keys[n % keys.length]!];
        return copy;
      }),
    },
    // Not an object at all, or any value whatsoever.
    { weight: 2, arbitrary: hostile },
  );
}

// ---------------------------------------------------------------- the properties

const ENGLISH = /\b(invalid|expected|received|required|must|unknown|error|failed|cannot|not found|unexpected|too (big|small|long|short))\b/i;
const SWEDISH = /[åäöÅÄÖ]|\b(och|att|en|ett|som|med|till|av|har|inte|ogiltig\w*|okän\w*|saknar|saknas|finns|ska|kan|fält\w*|anges?|skriv|indata)\b/i;
const swedishLabels = new Set([...Object.values(fieldLabels), 'Indata', 'Okänt fält']);

const NAME_KEYS = new Set(['name', 'title', 'externalName', 'associationName']);

/** Every string and key in the document is NFC and free of control and direction characters; names are one line. */
function unsafeStringIn(value: unknown, path = '', key = ''): string | undefined {
  if (typeof value === 'string') {
    if (!isSafeText(value)) return `${path}: styrtecken`;
    if (NAME_KEYS.has(key) && !isSafeName(value)) return `${path}: radbrytning eller tabb i ett namn`;
    if (value.normalize('NFC') !== value) return `${path}: inte NFC`;
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeStringIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') return `${path}.${k}: farlig nyckel`;
      const found = unsafeStringIn(k, `${path}{${k}}`) ?? unsafeStringIn(v, `${path}.${k}`, k);
      if (found) return found;
    }
  }
  return undefined;
}

function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `<${v.length} tecken>` : v));
    return (text ?? String(payload)).slice(0, 2000);
  } catch {
    return String(payload).slice(0, 200);
  }
}

/** Fails with the channel and the payload (described only then: describing every payload would dominate the run). */
function must(condition: boolean, channel: Channel, payload: unknown, what: string): void {
  if (!condition) throw new Error(`${channel}: ${what}\n  indata: ${describePayload(payload)}`);
}

async function checkOne(channel: Channel, payload: unknown): Promise<void> {
  payloadsSent += 1;
  const { handlers, repo, port } = createTestServices({ initial });
  const before = repo.get();
  const ensure = (condition: boolean, what: () => string) => must(condition, channel, payload, condition ? '' : what());

  let result: Awaited<ReturnType<typeof dispatch>>;
  try {
    result = await dispatch(handlers, channel, payload);
  } catch (error) {
    return ensure(false, () => `dispatch kastade ett fel: ${String(error)}`);
  }

  // The prototypes every object inherits stay exactly as they were.
  ensure(Object.getOwnPropertyNames(Object.prototype).sort().join() === prototypeKeys.join(), () => 'Object.prototype ändrades');
  ensure(Object.getOwnPropertyNames(Array.prototype).sort().join() === arrayPrototypeKeys.join(), () => 'Array.prototype ändrades');
  ensure(({} as Record<string, unknown>).polluted === undefined, () => 'Object.prototype.polluted finns');

  if (result.ok) {
    ensure(Object.keys(result).sort().join() === 'data,ok', () => `oväntad form: ${Object.keys(result).join()}`);
    outcomes.accepted += 1;
    if (repo.get() === before) {
      ensure(port.saved.length === 0, () => 'sparade utan att registret ändrades');
      return;
    }
    outcomes.changed += 1;
    // An accepted change is saved once, and what was saved is a whole, valid register of clean text.
    ensure(port.saved.length === 1, () => `sparades ${port.saved.length} gånger`);
    const savedText = port.saved[0] ?? '';
    ensure(savedText === serialiseDocument(repo.get()), () => 'det sparade skiljer sig från registret i minnet');
    const saved: unknown = JSON.parse(savedText);
    const reparsed = documentSchema.safeParse(saved);
    ensure(reparsed.success, () => `registret följer inte schemat: ${JSON.stringify(reparsed.error?.issues.slice(0, 2))}`);
    const unsafe = unsafeStringIn(saved);
    ensure(unsafe === undefined, () => `osäker text i registret: ${unsafe}`);
    return;
  }

  outcomes.refused += 1;
  const { error } = result;
  ensure(Object.keys(result).sort().join() === 'error,ok', () => `oväntad form: ${Object.keys(result).join()}`);
  ensure((errorCodes as readonly string[]).includes(error.code), () => `okänd felkod ${error.code}`);
  // A crash inside a handler is a bug even when it is answered politely.
  ensure(error.code !== 'internal', () => `internt fel: ${error.message}`);
  ensure(typeof error.message === 'string' && error.message.length > 0 && error.message.length < 1000, () => `meddelandet: ${error.message}`);
  ensure(SWEDISH.test(error.message) && !ENGLISH.test(error.message), () => `meddelandet är inte svenska: ${error.message}`);
  if (error.code === 'validation') {
    ensure(typeof error.field === 'string', () => `inget fält i felet: ${error.message}`);
    ensure(swedishLabels.has(String(error.label)), () => `fältet ${String(error.field)} saknar svensk benämning (${String(error.label)})`);
    ensure(typeof error.fieldMessage === 'string' && error.fieldMessage.length > 0, () => `ingen mening för fältet ${String(error.field)}`);
  }
  // Refused means untouched: the same document, nothing saved, byte for byte what it was.
  ensure(repo.get() === before, () => 'registret i minnet ändrades');
  ensure(port.saved.length === 0, () => 'något sparades');
  // The same object is the same bytes because the register is deeply frozen (checked once, below); the full
  // byte comparison still runs on every 10th refusal, which keeps the run well under a minute.
  if (outcomes.refused % 10 === 0) {
    ensure(serialiseDocument(repo.get()) === initialText, () => 'registret är inte byte för byte detsamma');
  }
}

function isDeeplyFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe('every channel under hostile input', () => {
  it('starts from a default document that is itself clean (so the checks below can fail only because of input)', () => {
    expect(unsafeStringIn(initial)).toBeUndefined();
    expect(channelNames.length).toBeGreaterThan(0);
  });

  it('holds the register deeply frozen, so a refused call that leaves the same object left the same bytes', () => {
    const { repo } = createTestServices({ initial });
    expect(repo.get()).toBe(initial);
    expect(isDeeplyFrozen(initial)).toBe(true);
  });

  it('has a Swedish label for every field of every channel input, so a refusal can name it', () => {
    const missing = new Set<string>();
    const walk = (schema: unknown, channel: string, depth: number): void => {
      if (depth > 8) return;
      const def = defOf(schema);
      const inner = [def.innerType, def.in, def.element, def.valueType, ...((def.options as unknown[] | undefined) ?? [])].filter(Boolean);
      for (const s of inner) walk(s, channel, depth + 1);
      if (def.type !== 'object') return;
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        if (!(key in fieldLabels)) missing.add(`${channel}: ${key}`);
        walk(value, channel, depth + 1);
      }
    };
    for (const channel of channelNames) walk(contract[channel].input, channel, 0);
    expect([...missing].sort()).toEqual([]);
  });

  it('caps every text and list of every channel input (length limits, or a fixed-width pattern)', () => {
    const uncapped: string[] = [];
    type Check = { check: string; format?: string; pattern?: RegExp; maximum?: number };
    const walk = (schema: unknown, where: string, depth: number): void => {
      if (depth > 10) return;
      const def = defOf(schema);
      const checks = ((def.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);
      const max = checks.find((c) => c.check === 'max_length')?.maximum;
      if (def.type === 'string' && max === undefined) {
        // `^\d{4}-\d{2}-\d{2}$` and the like bound the length themselves; `+`, `*` or an open `{n,}` do not.
        const bounded = checks.some((c) => c.format === 'regex' && c.pattern && /^\^[^*+]*\$$/.test(c.pattern.source) && !/\{\d+,\}/.test(c.pattern.source));
        if (!bounded) uncapped.push(`${where}: text`);
      }
      if (def.type === 'array' && max === undefined) uncapped.push(`${where}: list`);
      // A record is bounded by an enum of keys, or by a check of its own (e.g. a refinement on its size).
      if (def.type === 'record' && defOf(def.keyType).type !== 'enum' && checks.length === 0) uncapped.push(`${where}: record`);
      const inner = [def.innerType, def.in, def.out, def.element, def.valueType, ...((def.options as unknown[] | undefined) ?? [])];
      for (const s of inner.filter(Boolean)) walk(s, where, depth + 1);
      if (def.type === 'object') for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${where}.${k}`, depth + 1);
    };
    for (const channel of channelNames) walk(contract[channel].input, channel, 0);
    expect(uncapped).toEqual([]);
  });

  for (const channel of channelNames) {
    it(`${channel}: answers ${PER_CHANNEL} generated payloads with a Result and never a throw`, async () => {
      await fc.assert(
        fc.asyncProperty(payloadFor(channel), (payload) => checkOne(channel, payload)),
        { numRuns: PER_CHANNEL, seed: SEED, endOnFailure: true },
      );
    }, 60_000);
  }

  afterAll(() => {
    // Reported so a run that only ever refuses (a broken generator) is visible.
    console.info(`channel fuzz: ${payloadsSent} payloads, ${outcomes.accepted} accepted (${outcomes.changed} changed the register), ${outcomes.refused} refused`);
  });

  it(`sent at least ${TOTAL} payloads in total, and a fair share reached the handlers`, () => {
    expect(payloadsSent).toBeGreaterThanOrEqual(TOTAL);
    expect(outcomes.accepted).toBeGreaterThan(TOTAL / 20);
    expect(outcomes.changed).toBeGreaterThan(TOTAL / 100);
  });
});
