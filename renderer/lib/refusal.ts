import type { ApiError } from '../../electron/contract';

/** The parts of a refusal a form needs; an `ApiCallError` and a failed `Result`'s `error` both have them. */
export type Refusal = Pick<ApiError, 'message' | 'field' | 'fieldMessage'>;

/**
 * Where a refusal from the core goes in a form: beside the field it names when the form shows that field
 * (with `fieldMessage`, since the field shows its own label), else whole (`message`) for the line above the
 * buttons. Only the error's typed `field` decides; nothing is read out of its text.
 */
export function placeRefusal<K extends string>(error: Refusal, isFormField: (field: string) => field is K): { field?: K; message: string };
export function placeRefusal(error: Refusal, isFormField: (field: string) => boolean): { field?: string; message: string };
export function placeRefusal(error: Refusal, isFormField: (field: string) => boolean): { field?: string; message: string } {
  const field = error.field;
  if (field === undefined || field === '' || !isFormField(field)) return { message: error.message };
  return { field, message: error.fieldMessage ?? error.message };
}

/** `unknown` from a catch block as a refusal, when it is one (an `ApiCallError` or an `ApiError`). */
export function asRefusal(error: unknown): Refusal {
  if (error !== null && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    const { message, field, fieldMessage } = error as Refusal;
    return {
      message,
      ...(typeof field === 'string' ? { field } : {}),
      ...(typeof fieldMessage === 'string' ? { fieldMessage } : {}),
    };
  }
  return { message: String(error) };
}
