/**
 * The app's own origin, `app://kansli/`, instead of `file://` (security checklist item 18): a file page may
 * read any other file the user can, and every file URL shares one origin. The handler serves only files
 * inside the built renderer folder, each response with the Content-Security-Policy as a header.
 */
import { readFile as nodeReadFile } from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kansli';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The policy of `renderer/index.html`'s meta tag, plus what only a header can say (`frame-ancestors`).
 * No inline script and no eval: script-src is 'self' alone. Inline styles stay because Fluent UI's Griffel
 * injects <style> tags at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Privileges for `protocol.registerSchemesAsPrivileged`: a standard, secure origin that fetch and modules can use. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * The file inside `rootDir` that `requestUrl` names, or `undefined` for anything else: another scheme or
 * host, credentials or a port, `..` in any spelling (`%2e%2e`, `%2f`), backslashes, drive letters and
 * alternate data streams (`:`), UNC-like `//server`, NUL, malformed escapes. `/` is `index.html`.
 * Pure: `pathApi` lets the tests check Windows rules on any machine.
 */
export function resolveBundlePath(rootDir: string, requestUrl: string, pathApi: PathApi = path): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return undefined;
  if (url.username !== '' || url.password !== '' || url.port !== '') return undefined;
  // The path as sent, before URL parsing folds `..` and `%2e%2e` away: a request that tries is refused,
  // not quietly answered with some other file.
  const sent = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(requestUrl)?.[1] ?? '';
  const raw = sent === '' ? '/' : sent;
  if (!raw.startsWith('/') || raw.startsWith('//') || url.pathname.startsWith('//')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\0\\:]/.test(decoded) || decoded.startsWith('//')) return undefined;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s, i) => s === '.' || s === '..' || (s === '' && i < segments.length - 1))) return undefined;
  const relative = segments.join('/') === '' ? 'index.html' : segments.join('/');
  if (relative.endsWith('/')) return undefined;

  const root = pathApi.resolve(rootDir);
  const full = pathApi.resolve(root, relative);
  const rel = pathApi.relative(root, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(rel)) return undefined;
  return full;
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

export type ReadBundleFile = (file: string) => Promise<Uint8Array>;

/** The `protocol.handle` handler: GET/HEAD of a bundle file, 404 for everything else (never a directory listing). */
export function createBundleHandler(rootDir: string, readFile: ReadBundleFile = nodeReadFile) {
  const notFound = (status = 404) =>
    new Response(status === 405 ? 'Metoden stöds inte.' : 'Hittades inte.', { status, headers: securityHeaders('text/plain; charset=utf-8') });
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
    const file = resolveBundlePath(rootDir, request.url);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = securityHeaders(contentTypeOf(file));
    // A copy with its own ArrayBuffer, which is what the Response body type accepts.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
