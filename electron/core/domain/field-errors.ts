import { AppError, type ErrorCode } from '../../contract/result';
import { fieldLabel } from '../i18n/validation-messages';

/**
 * A refusal about one input field (`field` is its input path, e.g. `orgNumber` or `bands.1.minPopulation`),
 * worded like the dispatcher's validation errors: the whole message names the field («Organisationsnummer: …»)
 * and `fieldMessage` is the sentence alone, for beside the field the UI marks. `label` is for a screen that
 * names the field otherwise than the input's key does.
 */
export function fieldError(code: ErrorCode, field: string, message: string, extra: Record<string, unknown> = {}, label = fieldLabel(field)): AppError {
  return new AppError(code, `${label}: ${message}`, { ...extra, field }, message);
}
