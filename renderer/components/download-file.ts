/**
 * The one download helper: saves a file the core made (`ExportedFile`: name, MIME type, base64 bytes) the one
 * way that works in both builds, a Blob and an `<a download>` click. In the browser the file lands among the
 * downloads; in the desktop app Electron shows its own «Spara som» dialog for a download when main sets no
 * save path (`will-download` is not handled), so the user chooses the folder there. Nothing else is needed
 * in main.
 */
import type { ExportedFile } from '../../electron/contract';
import { decodeBase64, encodeBase64 } from '../../electron/core/exports/base64';

/**
 * How long the Blob URL stays valid. It is revoked only well after the click has been handled: the download
 * (and in the desktop app the «Spara som» dialog) reads the Blob later, so revoking on the next task could
 * leave it an invalid URL.
 */
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(file: Pick<ExportedFile, 'fileName' | 'mimeType' | 'bytesBase64'>): void {
  const bytes = decodeBase64(file.bytesBase64);
  if (!bytes) throw new Error('Filen från registret var skadad.');
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }), file.fileName);
}

/** Data made in the renderer (a person's data as JSON) as a file download, the same way. */
export function downloadJson(fileName: string, data: unknown): void {
  downloadBlob(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json;charset=utf-8' }), fileName);
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** File bytes for a channel input: the picked file read whole and encoded as base64. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return encodeBase64(new Uint8Array(await file.arrayBuffer()));
}
