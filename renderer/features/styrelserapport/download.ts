import type { ExportedFile } from '../../../electron/core/exports/export-file';

/** Base64 text from the core -> bytes (the core sends file bytes as text across IPC). */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hands an exported file to the browser (or Electron) as a download with its suggested name. */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file.bytesBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
