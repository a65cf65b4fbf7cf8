/**
 * E-mail addresses and phone numbers as the register keeps them; the contract's input schemas and the core
 * (contacts, imports) apply the same rules.
 *
 * E-mail policy (zod's `z.email()` refuses internationalised domains such as `räksmörgås.se`, which are valid
 * Swedish domains, so the register has its own): one `@`; before it 1–64 characters of letters (any script,
 * å/ä/ö included), digits and `! # $ % & ' * + - / = ? ^ _ \` { | } ~ .`; after it at least two labels of
 * letters, digits and inner hyphens, separated by single dots, the last (top-level domain) at least two
 * letters or a punycode `xn--` label. No spaces, no two dots in a row, no dot first or last on either side
 * of `@`, at most 254 characters. The domain is stored in lower case (domains are case-insensitive); the part
 * before `@` is kept as typed, since only the receiving server may interpret its case.
 *
 * Phone policy: what Swedes write (`070-123 45 67`, `08-123 456 78`, `+46 70 123 45 67`, `0046 70 …`) may use
 * digits, spaces, hyphens, parentheses, slashes, dots and one leading `+`; numbers without a country code
 * are Swedish. `libphonenumber-js` (full metadata) must call it a valid number; it is stored in E.164
 * (`+46701234567`). Letters are refused rather than ignored, so `070-123 45 67 ankn. 12` is not silently cut.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

// ---------------------------------------------------------------- e-mail

export type EmailRefusal =
  | 'empty'
  | 'spaces'
  | 'missing-at'
  | 'several-at'
  | 'local-empty'
  | 'domain-empty'
  | 'double-dot'
  | 'dot-edge'
  | 'local-chars'
  | 'domain-chars'
  | 'domain-no-dot'
  | 'tld'
  | 'too-long';

export const emailMessages: Record<EmailRefusal, string> = {
  empty: 'Skriv en e-postadress, till exempel namn@kommun.se.',
  spaces: 'E-postadressen får inte innehålla mellanslag.',
  'missing-at': 'E-postadressen saknar @, till exempel namn@kommun.se.',
  'several-at': 'E-postadressen får bara innehålla ett @.',
  'local-empty': 'Det saknas en mottagare före @, till exempel namn@kommun.se.',
  'domain-empty': 'Det saknas en domän efter @, till exempel namn@kommun.se.',
  'double-dot': 'E-postadressen får inte ha två punkter i rad.',
  'dot-edge': 'En punkt får inte stå först eller sist, eller direkt före eller efter @.',
  'local-chars': 'Delen före @ innehåller tecken som inte är tillåtna.',
  'domain-chars': 'Domänen efter @ får bara innehålla bokstäver, siffror, bindestreck (inte först eller sist) och punkter.',
  'domain-no-dot': 'Domänen efter @ saknar toppdomän, till exempel .se.',
  tld: 'Toppdomänen (sist, efter punkten) ska vara minst två bokstäver, till exempel .se.',
  'too-long': 'E-postadressen är för lång (högst 254 tecken, högst 64 före @).',
};

export type ParsedEmail = { ok: true; value: string } | { ok: false; reason: EmailRefusal; message: string };

const LOCAL_CHARS = /^[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~.]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

function refuseEmail(reason: EmailRefusal): ParsedEmail {
  return { ok: false, reason, message: emailMessages[reason] };
}

/** Text as typed -> the stored address (NFC, domain in lower case), or a refusal. Never throws. */
export function parseEmail(input: string): ParsedEmail {
  const text = input.normalize('NFC').trim();
  if (text === '') return refuseEmail('empty');
  if (/\s/u.test(text)) return refuseEmail('spaces');
  const at = text.split('@');
  if (at.length < 2) return refuseEmail('missing-at');
  if (at.length > 2) return refuseEmail('several-at');
  const [local = '', rawDomain = ''] = at;
  if (local === '') return refuseEmail('local-empty');
  if (rawDomain === '') return refuseEmail('domain-empty');
  if (text.length > 254 || local.length > 64) return refuseEmail('too-long');
  if (text.includes('..')) return refuseEmail('double-dot');
  const domain = rawDomain.toLocaleLowerCase('sv-SE');
  if (local.startsWith('.') || local.endsWith('.') || domain.startsWith('.') || domain.endsWith('.')) return refuseEmail('dot-edge');
  if (!LOCAL_CHARS.test(local)) return refuseEmail('local-chars');
  const labels = domain.split('.');
  if (labels.length < 2) return refuseEmail('domain-no-dot');
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return refuseEmail('domain-chars');
  if (!TLD.test(labels[labels.length - 1] ?? '')) return refuseEmail('tld');
  return { ok: true, value: `${local}@${domain}` };
}

// ---------------------------------------------------------------- phone

export type PhoneRefusal = 'empty' | 'chars' | 'invalid';

export const phoneMessages: Record<PhoneRefusal, string> = {
  empty: 'Skriv ett telefonnummer, till exempel 070-123 45 67.',
  chars: 'Telefonnumret får bara innehålla siffror, mellanslag, bindestreck, parenteser och ett inledande +.',
  invalid: 'Telefonnumret är inte ett giltigt nummer. Skriv till exempel 070-123 45 67, 08-123 456 78 eller +46 70 123 45 67.',
};

export type ParsedPhone = { ok: true; value: string } | { ok: false; reason: PhoneRefusal; message: string };

const PHONE_CHARS = /^\+?[\d\s\u00A0\-\u2010-\u2013()/.]+$/u;

function refusePhone(reason: PhoneRefusal): ParsedPhone {
  return { ok: false, reason, message: phoneMessages[reason] };
}

/** Text as typed -> E.164 (`+46701234567`), or a refusal. Numbers without a country code are Swedish. */
export function parsePhone(input: string): ParsedPhone {
  const text = input.normalize('NFC').trim();
  if (text === '') return refusePhone('empty');
  if (!PHONE_CHARS.test(text)) return refusePhone('chars');
  const parsed = parsePhoneNumberFromString(text, 'SE');
  if (!parsed || !parsed.isValid()) return refusePhone('invalid');
  return { ok: true, value: parsed.number };
}

/** E.164 -> how Swedes read it: `070-123 45 67` for Swedish numbers, `+47 22 12 34 56` for others. */
export function formatPhone(e164: string): string {
  if (e164 === '') return '';
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'SE' ? parsed.formatNational() : parsed.formatInternational();
}
