/**
 * The single entry from the outside (IPC in main, the in-page bridge on the web) into the core:
 * known channel? -> NFC-normalise -> strict parse -> handler -> `Result`.
 * Nothing reaches a handler unparsed, and nothing leaves as a thrown error.
 */
import { z } from 'zod';
import {
  AppError,
  contract,
  isChannel,
  type Channel,
  type ChannelOutput,
  type Result,
  type ServiceHandlers,
} from '../../contract';
import { describeValidationError, fieldLabels } from '../i18n/validation-messages';

z.config(z.locales.sv());

export async function dispatch<C extends Channel>(
  handlers: ServiceHandlers,
  channel: C | string,
  rawInput: unknown,
): Promise<Result<ChannelOutput<C>>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Okänd kanal: ${String(channel).slice(0, 80)}` } };
  }
  let input: unknown;
  try {
    input = normaliseInput(rawInput ?? {});
  } catch {
    // A getter or proxy that throws (possible from the in-page web bridge; IPC delivers plain clones).
    return { ok: false, error: { code: 'validation', message: 'Indata: Ogiltig indata.', details: { field: '', label: 'Indata', issues: 1 } } };
  }
  let parsed: z.ZodSafeParseResult<unknown>;
  try {
    parsed = contract[channel].input.safeParse(input);
  } catch (error) {
    // A refinement that throws is a bug in a schema, not the caller's fault; still an answer, never a throw.
    console.error(`[${channel}] input check failed`, error);
    return { ok: false, error: { code: 'internal', message: 'Ett oväntat fel inträffade. Inget har ändrats.' } };
  }
  if (!parsed.success) {
    const described = describeValidationError(parsed.error);
    const first = parsed.error.issues[0];
    const unknownKey = first?.code === 'unrecognized_keys';
    const label = unknownKey ? 'Okänt fält' : fieldLabel(first?.path ?? []);
    const message = unknownKey || !first ? described.message : `${label}: ${first.message}`;
    return { ok: false, error: { code: 'validation', message, details: { field: described.field, label, issues: parsed.error.issues.length } } };
  }
  // Checked on what the schema let through, so the field named is one of the channel's own.
  const malformed = findMalformedString(parsed.data);
  if (malformed) {
    const label = fieldLabel(malformed);
    return {
      ok: false,
      error: {
        code: 'validation',
        message: `${label}: Texten innehåller ogiltiga tecken (halva teckenpar).`,
        details: { field: malformed.map(String).join('.'), label, issues: 1 },
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      const details = withFieldLabel(error.code, error.details);
      return {
        ok: false,
        error: details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details },
      };
    }
    console.error(`[${channel}]`, error);
    return { ok: false, error: { code: 'internal', message: 'Ett oväntat fel inträffade. Inget har ändrats.' } };
  }
}

const MAX_DEPTH = 32;

/**
 * Returns a copy with every string in Unicode NFC and every object a plain own-property object,
 * so `__proto__` arriving as a key stays an ordinary (and then rejected) key, never a prototype.
 */
export function normaliseInput(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map((v) => normaliseInput(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normaliseInput(v, depth + 1)]));
  }
  return value;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first string (value or key) holding a lone UTF-16 surrogate, which is not text at all: it
 * cannot be encoded as UTF-8 and would turn into U+FFFD (or break) in exports. Input is already normalised.
 */
export function findMalformedString(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findMalformedString(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return [...path, key];
      const found = findMalformedString(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A handler's validation refusal names its field like the schema's do: the key path and its Swedish label
 * (`''` and «Indata» when it concerns the input as a whole, e.g. a file that did not arrive intact).
 */
function withFieldLabel(code: string, details: unknown): unknown {
  if (code !== 'validation') return details;
  if (details === undefined) return { field: '', label: 'Indata' };
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return details;
  const { field, label } = details as { field?: unknown; label?: unknown };
  if (typeof label === 'string' && typeof field === 'string') return details;
  const path = typeof field === 'string' ? field : '';
  return { ...details, field: path, label: fieldLabel(path.split('.')) };
}

/**
 * The Swedish name of the field a path points into: the innermost key that is a field, so that a record's
 * data keys (row numbers, ids) and array indexes name the field holding them. «Indata» for the input as a whole.
 */
export function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string' && Object.hasOwn(fieldLabels, key)) return fieldLabels[key]!;
  }
  return 'Indata';
}
