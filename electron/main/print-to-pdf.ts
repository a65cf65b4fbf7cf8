/**
 * `packs/print-pdf` in the desktop app. The renderer shows the board pack's print layout
 * (`#/styrelserapport/utskrift?...`) in the app's one window and asks for a PDF; main asks where to save it,
 * prints that window's page with Chromium's `printToPDF` (A4 and margins from the page's own `@page` rules,
 * backgrounds kept, tagged for screen readers) and writes the file. No second window, no navigation: the page
 * printed is the one the user sees.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { AppError, type ChannelParsedInput, type PrintPdfResult, type ChannelHandlers } from '../contract';
import { describeFsError } from '../node/fs-error-text';

export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
} as const;

export type PrintToPdfDeps = {
  window: () => BrowserWindow | undefined;
  /** Where the save dialog starts (e.g. the user's Documents folder). */
  defaultDir?: () => string;
  showSaveDialog?: (win: BrowserWindow, options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
  writeFile?: (file: string, data: Uint8Array) => Promise<void>;
};

export function createPrintToPdf(deps: PrintToPdfDeps) {
  const showSaveDialog = deps.showSaveDialog ?? ((win, options) => dialog.showSaveDialog(win, options));
  const write = deps.writeFile ?? ((file, data) => writeFile(file, data));
  return async ({ fileName }: ChannelParsedInput<'packs/print-pdf'>): Promise<PrintPdfResult> => {
    const win = deps.window();
    if (!win || win.isDestroyed()) throw new AppError('not-found', 'Programfönstret är stängt, så det finns inget att skriva ut.');
    const name = /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`;
    const choice = await showSaveDialog(win, {
      title: 'Spara styrelsepaketet som PDF',
      defaultPath: deps.defaultDir ? path.join(deps.defaultDir(), name) : name,
      buttonLabel: 'Spara',
      filters: [{ name: 'PDF-dokument', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const target = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
    let data: Uint8Array;
    try {
      data = await win.webContents.printToPDF(PDF_OPTIONS);
    } catch (error) {
      throw new AppError('internal', `PDF-filen kunde inte skapas: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      await write(target, data);
    } catch (error) {
      throw new AppError('save-failed', `PDF-filen kunde inte sparas som ${target}: ${describeFsError(error)}.`);
    }
    return { saved: true, path: target };
  };
}

/** The core's handlers with the desktop's PDF printing in place of the core's refusal. */
export function withPrintToPdf(handlers: ChannelHandlers, deps: PrintToPdfDeps): ChannelHandlers {
  return { ...handlers, 'packs/print-pdf': createPrintToPdf(deps) };
}
