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
  type ApiError,
  type ChannelHandlers,
} from '../../contract';
import { fieldLabel } from '../i18n/validation-messages';

z.config(z.locales.sv());

export async function dispatch<C extends Channel>(
  handlers: ChannelHandlers,
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
    return refusal(fieldRefusal('validation', [], 'Ogiltig indata.', { issues: 1 }));
  }
  let parsed: z.ZodSafeParseResult<unknown>;
  try {
    parsed = contract[channel].input.safeParse(input);
  } catch (error) {
    // A refinement that throws is a bug in a schema, not the caller's fault; still an answer, never a throw.
    console.error(`[${channel}] input check failed`, error);
    return { ok: false, error: { code: 'internal', message: 'Ett oväntat fel inträffade. Inget har ändrats.' } };
  }
  if (!parsed.success) return refusal(zodRefusal(parsed.error));
  // Checked on what the schema let through, so the field named is one of the channel's own.
  const malformed = findMalformedString(parsed.data);
  if (malformed) return refusal(fieldRefusal('validation', malformed, 'Texten innehåller ogiltiga tecken (halva teckenpar).', { issues: 1 }));
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return refusal(appErrorRefusal(error));
    console.error(`[${channel}]`, error);
    return { ok: false, error: { code: 'internal', message: 'Ett oväntat fel inträffade. Inget har ändrats.' } };
  }
}

const refusal = (error: ApiError): Result<never> => ({ ok: false, error });

/** The input path in `ApiError.field`'s form: keys joined by dots, array positions as numbers. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * A refusal about the field at `path`: the whole message names the field by its Swedish label, and
 * `fieldMessage` is the sentence alone for beside the field.
 */
function fieldRefusal(code: ApiError['code'], path: readonly PropertyKey[], sentence: string, details?: Record<string, unknown>): ApiError {
  const label = fieldLabel(path);
  const fieldMessage = asSentence(sentence);
  return {
    code,
    message: `${label}: ${sentence}`,
    field: fieldPath(path),
    label,
    fieldMessage,
    ...(details !== undefined ? { details } : {}),
  };
}

/** The first issue zod found, named by its path; the count of issues goes along for whoever wants it. */
function zodRefusal(error: z.ZodError): ApiError {
  const issues = error.issues.length;
  const issue = error.issues[0];
  if (!issue) return fieldRefusal('validation', [], 'Ogiltig indata.', { issues });
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const message = `Okänt fält: ${keys.map((k) => `”${k.slice(0, 40)}”`).join(', ')}.`;
    const field = fieldPath([...issue.path, ...(keys[0] !== undefined ? [keys[0]] : [])]);
    return { code: 'validation', message, field, label: 'Okänt fält', fieldMessage: message, details: { issues } };
  }
  return fieldRefusal('validation', issue.path, issue.message, { issues });
}

/**
 * A handler's refusal as the UI gets it. One that names a field gets its label and the sentence for beside
 * it; a validation refusal that names none is about the input as a whole (e.g. a file that did not arrive
 * intact), so it names `''` and «Indata».
 */
function appErrorRefusal(error: AppError): ApiError {
  const field = error.field ?? (error.code === 'validation' ? '' : undefined);
  return {
    code: error.code,
    message: error.message,
    ...(field !== undefined ? { field, label: fieldLabel(field === '' ? [] : field), fieldMessage: error.fieldMessage ?? error.message } : {}),
    ...(error.details !== undefined ? { details: error.details } : {}),
  };
}

/** Zod's own (locale) messages start in lower case and end without a full stop; beside a field they read as a sentence. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toLocaleUpperCase('sv-SE') + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
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
