/**
 * What an export channel answers: a file name and the file's bytes as base64 text (see `base64.ts` for why
 * text). The renderer turns it into a download (`renderer/components/download-file.ts`); the command line
 * writes the bytes to disk.
 */
import { encodeBase64 } from './base64';
import type { ExportedFile } from '../../contract/model/files';

export type { ExportedFile } from '../../contract/model/files';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// eslint-disable-next-line no-control-regex -- control characters are what is being removed
const FORBIDDEN_IN_FILE_NAME = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;
const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * `title` as a file name: characters Windows refuses become `-`, runs of spaces one space, no leading or
 * trailing dots or spaces, at most 120 characters before the extension, and never a reserved device name.
 */
export function safeFileName(title: string, extension = 'xlsx'): string {
  let base = title
    .normalize('NFC')
    .replace(FORBIDDEN_IN_FILE_NAME, '-')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120)
    .trim();
  if (base === '' || RESERVED_WINDOWS.test(base)) base = base === '' ? 'Export' : `${base}-fil`;
  return `${base}.${extension}`;
}

export function exportedXlsx(fileName: string, bytes: Uint8Array): ExportedFile {
  return { fileName, mimeType: XLSX_MIME, bytesBase64: encodeBase64(bytes), sizeBytes: bytes.length };
}
