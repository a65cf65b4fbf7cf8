/** The desktop's `packs/print-pdf`: ask where, print the window's page on A4, write the file. */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createPrintToPdf, PDF_OPTIONS, withPrintToPdf } = await import('../../electron/main/print-to-pdf');
const { createTestServices } = await import('../support/memory-document');
const { dispatch } = await import('../../electron/core/handlers/dispatch');

function fakeWindow(pdf = new Uint8Array([37, 80, 68, 70])) {
  const printToPDF = vi.fn(async (_options: unknown) => pdf);
  const win = { isDestroyed: () => false, webContents: { printToPDF } } as unknown as BrowserWindow;
  return { win, printToPDF };
}

describe('printing the board pack to PDF in the desktop app', () => {
  it('asks where to save, prints the shown page with the page’s own A4 rules, and writes the bytes there', async () => {
    const { win, printToPDF } = fakeWindow();
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/home/kansli/Dokument/Styrelserapport 2022-06-30' }));
    const writeFile = vi.fn(async () => undefined);
    const print = createPrintToPdf({ window: () => win, defaultDir: () => '/home/kansli/Dokument', showSaveDialog, writeFile });
    const result = await print({ fileName: 'Styrelserapport 2022-06-30.pdf' });
    expect(result).toEqual({ saved: true, path: '/home/kansli/Dokument/Styrelserapport 2022-06-30.pdf' });
    expect(showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ defaultPath: '/home/kansli/Dokument/Styrelserapport 2022-06-30.pdf' }));
    expect(printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(writeFile).toHaveBeenCalledWith('/home/kansli/Dokument/Styrelserapport 2022-06-30.pdf', new Uint8Array([37, 80, 68, 70]));
  });

  it('prints nothing when the user cancels, and names a failed write in Swedish', async () => {
    const { win, printToPDF } = fakeWindow();
    const cancelled = createPrintToPdf({ window: () => win, showSaveDialog: async () => ({ canceled: true }), writeFile: vi.fn() });
    expect(await cancelled({ fileName: 'x.pdf' })).toEqual({ saved: false });
    expect(printToPDF).not.toHaveBeenCalled();

    const full = createPrintToPdf({
      window: () => win,
      showSaveDialog: async () => ({ canceled: false, filePath: '/media/usb/x.pdf' }),
      writeFile: async () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    });
    await expect(full({ fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'save-failed', message: 'PDF-filen kunde inte sparas som /media/usb/x.pdf: disken är full.' });
    const closed = createPrintToPdf({ window: () => undefined });
    await expect(closed({ fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('takes the place of the core’s refusal in the handlers main registers', async () => {
    const { handlers } = createTestServices();
    const { win } = fakeWindow();
    const withPdf = withPrintToPdf(handlers, { window: () => win, showSaveDialog: async () => ({ canceled: true }) });
    expect(await dispatch(withPdf, 'packs/print-pdf', { fileName: 'Styrelserapport 2022-06-30.pdf' })).toEqual({ ok: true, data: { saved: false } });
    const refused = await dispatch(handlers, 'packs/print-pdf', { fileName: 'Styrelserapport 2022-06-30.pdf' });
    expect(refused.ok ? undefined : refused.error.code).toBe('forbidden');
  });
});
