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

export type ApiError = {
  code: ErrorCode;
  /** A sentence in Swedish, ready to show the user. */
  message: string;
  /** Machine-readable detail, e.g. `{ field: 'orgNumber' }` or `{ existingId }` for a duplicate. */
  details?: unknown;
};

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };


/** Thrown inside core services; the dispatcher turns it into a `{ ok: false }` result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
