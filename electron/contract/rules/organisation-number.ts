/**
 * Swedish organisation numbers (organisationsnummer): ten digits `NNNNNN-NNNN`, the last a Luhn check digit,
 * the third digit at least 2 (which keeps them apart from personal identity numbers). Checked with the
 * `organisationsnummer` library; stored canonically as `NNNNNN-NNNN`.
 *
 * Accepted input: with or without the hyphen, and the 12-digit form with the `16` prefix used by some
 * registers (`16212000-0142`). Spaces are ignored (`212000 0142`); a `+` (a personal identity number's
 * century mark) is not accepted. A personal identity number (which the
 * library accepts as a sole trader's number) is refused: the register keeps organisations, not people, and a
 * personal identity number is personal data it has no reason to hold.
 */
import Organisationsnummer from 'organisationsnummer';
import { luhnValid } from './luhn';

export type OrgNumberRefusal = 'empty' | 'format' | 'check-digit' | 'personal-number' | 'invalid';

export type ParsedOrgNumber = { ok: true; canonical: string } | { ok: false; reason: OrgNumberRefusal; message: string };

export const orgNumberMessages: Record<OrgNumberRefusal, string> = {
  empty: 'Skriv ett organisationsnummer, till exempel 212000-0142.',
  format: 'Organisationsnumret ska ha tio siffror, till exempel 212000-0142 eller 2120000142.',
  'check-digit': 'Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel. Kontrollera att det är rätt skrivet.',
  'personal-number': 'Det här är ett personnummer, inte ett organisationsnummer. Registret sparar bara organisationsnummer.',
  invalid: 'Det här är inte ett giltigt organisationsnummer (den tredje siffran ska vara 2 eller högre).',
};

const SHAPE = /^(?:16)?\d{6}-?\d{4}$/;

function refuse(reason: OrgNumberRefusal): ParsedOrgNumber {
  return { ok: false, reason, message: orgNumberMessages[reason] };
}

/** Text as typed -> canonical `NNNNNN-NNNN`, or a refusal with a Swedish message. Never throws. */
export function parseOrgNumber(input: string): ParsedOrgNumber {
  const text = input.replace(/\s+/gu, '');
  if (text === '') return refuse('empty');
  if (!SHAPE.test(text)) return refuse('format');
  const digits = text.replace('-', '');
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  let parsed: Organisationsnummer;
  try {
    parsed = Organisationsnummer.parse(text);
  } catch {
    if (!luhnValid(ten)) return refuse('check-digit');
    return refuse('invalid');
  }
  if (parsed.isPersonnummer()) return refuse('personal-number');
  return { ok: true, canonical: parsed.format(true) };
}

/** Whether a stored value is already canonical and valid. */
export function isCanonicalOrgNumber(value: string): boolean {
  const parsed = parseOrgNumber(value);
  return parsed.ok && parsed.canonical === value;
}
