import { AppError, type ErrorCode } from '../../contract/result';
import { fieldLabels } from '../i18n/validation-messages';

/**
 * A refusal about one input field, worded like the dispatcher's validation errors («Organisationsnummer: …»)
 * so the user reads the same shape whether zod or a domain rule refused; `details.field` lets the UI mark it.
 */
export function fieldError(code: ErrorCode, field: string, message: string, extra: Record<string, unknown> = {}): AppError {
  const label = fieldLabels[field] ?? field;
  return new AppError(code, `${label}: ${message}`, { field, ...extra });
}
