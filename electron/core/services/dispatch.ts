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
import { describeValidationError } from '../i18n/validation-messages';

z.config(z.locales.sv());

export async function dispatch<C extends Channel>(
  handlers: ServiceHandlers,
  channel: C | string,
  rawInput: unknown,
): Promise<Result<ChannelOutput<C>>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Okänd kanal: ${String(channel).slice(0, 80)}` } };
  }
  const parsed = contract[channel].input.safeParse(normaliseInput(rawInput ?? {}));
  if (!parsed.success) {
    const { message, field } = describeValidationError(parsed.error);
    return { ok: false, error: { code: 'validation', message, details: { field, issues: parsed.error.issues.length } } };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
    const data = await handler(parsed.data);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details },
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
