/** Every channel answers with a value, never a thrown error: the UI always gets something it can show. */
export const errorCodes = [
  'validation',
  'not-found',
  'conflict',
  'duplicate',
  'save-failed',
  'read-only',
  'unknown-channel',
  'forbidden',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/**
 * A refusal, typed so that nothing ever has to read meaning out of its text.
 *
 * `field` names the input path the refusal is about as the channel input's keys joined by dots, array
 * positions as numbers: `name`, `membership.from`, `pricing.1.model.bands.0.minPopulation`. `''` means the
 * input as a whole (e.g. a file that did not arrive intact). A refusal that is not about the input (a save
 * that failed, a record that is gone) has no `field`. Every `validation` refusal has one.
 *
 * Whenever `field` is set, so are `label` and `fieldMessage`: a form marks the input at `field` and shows
 * `fieldMessage` beside it (the input already shows its label); anywhere else shows `message`.
 */
export type ApiError = {
  code: ErrorCode;
  /** A whole Swedish sentence that stands on its own, e.g. «Organisationsnummer: Kontrollsiffran stämmer inte.». */
  message: string;
  /** The input path at fault, dot-separated (see above). */
  field?: string;
  /** The Swedish name of that field as the screens write it («Organisationsnummer»; «Indata» for `''`). */
  label?: string;
  /** The sentence to show beside the field: `message` without the field's name in front. */
  fieldMessage?: string;
  /** Machine-readable detail other than the field, e.g. `{ existingId }` for a duplicate, `{ reason }`. */
  details?: ErrorDetails;
};

export type ErrorDetails = Readonly<Record<string, unknown>>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Thrown inside core services; the dispatcher turns it into a `{ ok: false }` result. A `field` given among
 * the details becomes the error's `field` (the input path, as in `ApiError`) and leaves the rest as `details`;
 * `fieldMessage` is the sentence for beside that field when `message` begins with the field's name.
 */
export class AppError extends Error {
  readonly field?: string;
  readonly fieldMessage?: string;
  readonly details?: ErrorDetails;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details?: ErrorDetails & { readonly field?: string },
    fieldMessage?: string,
  ) {
    super(message);
    this.name = 'AppError';
    if (details !== undefined) {
      const { field, ...rest } = details;
      if (typeof field === 'string') this.field = field;
      if (Object.keys(rest).length > 0) this.details = rest;
    }
    if (fieldMessage !== undefined) this.fieldMessage = fieldMessage;
  }
}
