/**
 * The association's and its customers' payment and e-invoicing identifiers as the register keeps them: VAT
 * number, bankgiro, IBAN, BIC and Peppol ID. Each parser takes text as typed and gives the stored form or a
 * Swedish reason; the invoicing channels' input schemas and the core apply the same rules.
 */
import { luhnValid } from './luhn';

export type ParsedText = { ok: true; value: string } | { ok: false; message: string };

const refuse = (message: string): ParsedText => ({ ok: false, message });

/** `SE` + the organisation number's ten digits + `01` (mervärdesskatteregistreringsnummer). */
export function parseVatNumber(input: string): ParsedText {
  const text = input.replace(/[\s-]/gu, '').toUpperCase();
  if (!/^SE\d{12}$/u.test(text)) return refuse('Momsregistreringsnumret skrivs SE, organisationsnumret och 01, till exempel SE212000014201.');
  if (!text.endsWith('01')) return refuse('Momsregistreringsnumret ska sluta på 01.');
  if (!luhnValid(text.slice(2, 12))) return refuse('Momsregistreringsnumret stämmer inte: organisationsnumrets kontrollsiffra är fel.');
  return { ok: true, value: text };
}

/** Seven or eight digits with a check digit, stored as `NNN-NNNN` or `NNNN-NNNN`. */
export function parseBankgiro(input: string): ParsedText {
  const digits = input.replace(/[\s-]/gu, '');
  if (!/^\d{7,8}$/u.test(digits)) return refuse('Bankgironumret har sju eller åtta siffror, till exempel 991-2346.');
  if (!luhnValid(digits)) return refuse('Bankgironumret stämmer inte: kontrollsiffran (den sista) är fel.');
  return { ok: true, value: `${digits.slice(0, -4)}-${digits.slice(-4)}` };
}

/** An IBAN with a valid ISO 13616 check (mod 97); stored without spaces, upper case. */
export function parseIban(input: string): ParsedText {
  const text = input.replace(/\s/gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/u.test(text)) return refuse('IBAN börjar med landskod och två siffror, till exempel SE45 5000 0000 0583 9825 7466.');
  const moved = `${text.slice(4)}${text.slice(0, 4)}`;
  let rest = 0;
  for (const ch of moved) {
    const value = /\d/u.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) rest = (rest * 10 + Number(digit)) % 97;
  }
  if (rest !== 1) return refuse('IBAN-numret stämmer inte: kontrollsiffrorna är fel. Kontrollera att det är rätt skrivet.');
  return { ok: true, value: text };
}

/** A BIC (SWIFT code): 8 or 11 characters. */
export function parseBic(input: string): ParsedText {
  const text = input.replace(/\s/gu, '').toUpperCase();
  if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/u.test(text)) return refuse('BIC har 8 eller 11 tecken, till exempel ESSESESS.');
  return { ok: true, value: text };
}

/** `scheme:identifier`, the scheme an ISO 6523 code of four digits (0007 for a Swedish organisation number). */
export function parsePeppolId(input: string): ParsedText {
  const text = input.replace(/\s/gu, '');
  if (!/^\d{4}:[A-Za-z0-9._-]{1,50}$/u.test(text)) return refuse('Peppol-ID skrivs schema:identitet, till exempel 0007:2120000142.');
  return { ok: true, value: text };
}

/** The Peppol ID a Swedish public body is reached at by default: `0007:` and its organisation number's digits. */
export function defaultPeppolId(orgNumber: string | undefined): string | undefined {
  return orgNumber ? `0007:${orgNumber.replace('-', '')}` : undefined;
}
