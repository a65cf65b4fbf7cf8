/** Files that cross the boundary: what an export channel answers (see `core/exports/export-file.ts`). */

export type ExportedFile = {
  /** A name safe on Windows, macOS and Linux, ending in `.xlsx`, e.g. `Ekonomiunderlag 2022.xlsx`. */
  fileName: string;
  /** MIME type of the file. */
  mimeType: string;
  /** The file's bytes, standard base64 with padding. */
  bytesBase64: string;
  /** Size in bytes, for the UI to show. */
  sizeBytes: number;
};

/** The longest base64 text for `bytes` bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
