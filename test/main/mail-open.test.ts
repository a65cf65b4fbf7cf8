/** The desktop's `mail/open`: a checked mailto: batch goes to the OS's mail program, nothing else does. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { withMailOpen } = await import('../../electron/main/mail-open');
const { createTestServices } = await import('../support/memory-document');
const { dispatch } = await import('../../electron/core/handlers/dispatch');

describe('opening the mail program in the desktop app', () => {
  it('hands a batch link to the OS and answers that it did', async () => {
    const open = vi.fn(async (_url: string) => undefined);
    const handlers = withMailOpen(createTestServices().handlers, open);
    const result = await dispatch(handlers, 'mail/open', { url: 'mailto:?bcc=a@habo.se,b@kil.se' });
    expect(result).toEqual({ ok: true, data: { opened: true, url: 'mailto:?bcc=a@habo.se,b@kil.se' } });
    expect(open.mock.calls).toEqual([['mailto:?bcc=a@habo.se,b@kil.se']]);
  });

  it('never hands the OS anything but such a link', async () => {
    const open = vi.fn(async (_url: string) => undefined);
    const handlers = withMailOpen(createTestServices().handlers, open);
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'mailto:x@y.se?attach=/etc/passwd', 'ms-msdt:/id x', 'mailto:?bcc=a@b.se&body=x']) {
      expect(await dispatch(handlers, 'mail/open', { url })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('says so in Swedish when the OS cannot open it', async () => {
    const handlers = withMailOpen(createTestServices().handlers, async () => {
      throw new Error('no handler');
    });
    expect(await dispatch(handlers, 'mail/open', { url: 'mailto:?bcc=a@habo.se' })).toMatchObject({
      ok: false,
      error: { message: 'E-postprogrammet kunde inte öppnas: no handler' },
    });
  });
});
