/**
 * Navigation by hash. Pages import these helpers (not the route table) so no page depends on another.
 * The shell reads the hash and renders the page; see `routes.tsx`.
 */
import { useSyncExternalStore } from 'react';
import { toHash } from './hash-route';
import type { RouteId } from './routes';

/** The href of a route, for `<a>`/`<Link>` and Fluent components that take `href`. */
export function hrefTo(id: RouteId, params: readonly string[] = [], query?: Record<string, string>): string {
  return toHash(id, params, query);
}

/** Goes to a route; the browser history records it, so Back works. */
export function navigate(id: RouteId, params: readonly string[] = [], query?: Record<string, string>): void {
  window.location.hash = toHash(id, params, query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current location hash, re-rendering on change. */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
