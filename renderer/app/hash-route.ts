/**
 * The route lives in the URL hash (`#/medlemmar/org-12?sok=borås`), so a page can be opened by address
 * (tests, bookmarks in the browser build) and the file:// or custom-protocol page never needs a server.
 * Pure functions here; the React hook is in `router.ts`.
 */

export type ParsedRoute<Id extends string> =
  | { found: true; id: Id; params: string[]; query: URLSearchParams }
  | { found: false; path: string; query: URLSearchParams };

/** Parses a location hash; an empty hash is the `fallback` route, an unknown first segment is not found. */
export function parseHash<Id extends string>(hash: string, ids: readonly Id[], fallback: Id): ParsedRoute<Id> {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/^\/+|\/+$/g, '');
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  if (path === '') return { found: true, id: fallback, params: [], query };
  const segments = path.split('/').map(safeDecode);
  const [first, ...params] = segments;
  const id = ids.find((candidate) => candidate === first);
  if (id === undefined || segments.some((s) => s === undefined)) return { found: false, path, query };
  return { found: true, id, params: params as string[], query };
}

/** Builds the hash for a route: `toHash('medlemmar', 'org 1')` -> `#/medlemmar/org%201`. */
export function toHash(id: string, params: readonly string[] = [], query?: Record<string, string>): string {
  const path = [id, ...params].map(encodeURIComponent).join('/');
  const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  return `#/${path}${search}`;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
