/**
 * `mail/open` in the desktop app: the core made and checked a mailto: link with BCC addresses; main checks it
 * again (the renderer is not trusted with what the OS opens) and hands only such a link to the mail program.
 */
import { AppError, type ChannelHandlers, type ChannelParsedInput } from '../contract';
import { isMailtoBatchUrl } from '../contract/rules/mailto';

export function createMailOpen(open: (url: string) => Promise<void>) {
  return async ({ url }: ChannelParsedInput<'mail/open'>): Promise<{ opened: boolean; url: string }> => {
    if (!isMailtoBatchUrl(url)) throw new AppError('validation', 'E-postlänken kan inte öppnas.', { field: 'url' });
    try {
      await open(url);
    } catch (error) {
      throw new AppError('internal', `E-postprogrammet kunde inte öppnas: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { opened: true, url };
  };
}

/** The core's handlers with the desktop's mail hand-off in place of the web answer. */
export function withMailOpen(handlers: ChannelHandlers, open: (url: string) => Promise<void>): ChannelHandlers {
  return { ...handlers, 'mail/open': createMailOpen(open) };
}
