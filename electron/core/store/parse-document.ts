import { documentSchema, type SambrukDocument } from './schema';
import { migrate } from './migrations';
import { AppError } from '../../contract/result';
import { fieldLabel } from '../i18n/validation-messages';
import { serialiseDocumentText } from './serialise-document';

/**
 * Text -> validated document: parse, migrate, validate. Throws `AppError('validation')` with a Swedish
 * reason on anything that is not a whole, valid register (empty, truncated, `null`, wrong shape).
 */
export function parseDocumentText(text: string): SambrukDocument {
  if (text.trim() === '') throw new AppError('validation', 'Filen är tom.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('validation', 'Filen är inte giltig JSON (den kan vara avbruten mitt i en skrivning).');
  }
  return validateDocument(migrate(raw));
}

export function validateDocument(raw: unknown): SambrukDocument {
  const result = documentSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.')} (${fieldLabel(issue.path)})` : '';
    throw new AppError('validation', `Filen följer inte registrets format: ${where} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

/** `JSON.stringify(doc)`, re-serialising only the records a change made (see serialise-document.ts). */
export function serialiseDocument(doc: SambrukDocument): string {
  return serialiseDocumentText(doc);
}
