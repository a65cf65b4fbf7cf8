/**
 * Runs `work` when the browser is next idle (after the paint of what is being drawn now), or after `timeoutMs`
 * at the latest; returns the cancel. For work the user need not wait for: preparing a search, a confirmation
 * toast that would otherwise be laid out before the change it confirms is on the screen.
 */
export function whenIdle(work: () => void, timeoutMs = 500): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, Math.min(timeoutMs, 50));
  return () => window.clearTimeout(handle);
}
