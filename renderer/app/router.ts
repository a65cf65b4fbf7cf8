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

/**
 * The query of the address as it is now, not as last rendered: a filter changed right after another
 * (before the hashchange has re-rendered the page) must build on the newer one.
 */
export function currentQuery(): URLSearchParams {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
}

let previousHash = '';

/** The address the user was at before the current one (`#/medlemmar/org-1`), so a list can focus the row left. */
export function previousLocationHash(): string {
  return previousHash;
}

function subscribe(onChange: () => void): () => void {
  // Noted before the screen re-renders, so the next screen can read where the user came from.
  const listener = (event: HashChangeEvent) => {
    previousHash = new URL(event.oldURL).hash;
    onChange();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current location hash, re-rendering on change. */
export function useLocationHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
