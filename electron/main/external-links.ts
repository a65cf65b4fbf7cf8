/**
 * Links that leave the app (checklist item 15: no `shell.openExternal` with untrusted content). Only https
 * addresses on an allow-list open, in the user's browser; `file:`, `smb:`, `javascript:`, custom handlers
 * (`ms-msdt:`, `search-ms:`) and everything else are refused, because the OS would run them.
 */

/** Hosts the app itself links to. */
export const externalHosts: ReadonlySet<string> = new Set(['sambruk.se', 'www.sambruk.se']);

/** The normalised address to open, or `undefined` when the address is not allowed. */
export function allowedExternalUrl(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.port !== '' && url.port !== '443') return undefined;
  if (!externalHosts.has(url.hostname.toLowerCase())) return undefined;
  return url.href;
}

/** Opens an allowed address in the browser; answers whether it did. */
export function openExternalIfAllowed(address: string, open: (url: string) => Promise<void>): boolean {
  const url = allowedExternalUrl(address);
  if (!url) return false;
  open(url).catch((error: unknown) => console.warn('Länken kunde inte öppnas:', error));
  return true;
}
