/**
 * Measuring inside the page: installed before the app's scripts (Playwright's addInitScript) as
 * `window.__sambrukBench`, so every time is `performance.now()` of the page itself and no round trip to the
 * runner is counted.
 *
 * - `navigate(hash)`: sets `location.hash` and resolves with the milliseconds until the screen shows its data,
 *   measured after the next paint. "Shows its data": an element in `main` that was not there before the
 *   navigation carries `data-ready="true"`, the marker every screen sets (test/e2e/data-ready.test.ts holds
 *   them to it); a screen without it is not measured but fails after the time-out.
 * - `watch(exclude)` then a real input from Playwright (a key, a click), then `settled(quietMs)`: the
 *   milliseconds from the input event (`keydown`, `beforeinput` or `pointerdown` timestamp) to the paint after the last change
 *   it caused in `main` (mutations inside `exclude`, e.g. the search box itself, and those of tabster's invisible
 *   focus sentinels do not count). The change is
 *   over once nothing has changed for `quietMs`; while the core computes on the page's one thread no timer
 *   can fire, so a pause that long means the work is done.
 */
export type NavigateResult = { ms: number };
export type SettledResult = { ms: number; mutations: number } | { ms: null; mutations: 0 };

export type BenchPageApi = {
  navigate(hash: string, timeoutMs: number): Promise<NavigateResult>;
  watch(exclude: string | null): void;
  settled(quietMs: number, timeoutMs: number): Promise<SettledResult>;
};

/** Runs in the page (serialised by Playwright): keep it self-contained. */
export function installBenchHelpers(): void {
  const main = () => document.getElementById('innehall');
  const afterPaint = () =>
    new Promise<number>((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      });
    });

  // Fluent's keyboard navigation (tabster) keeps invisible focus sentinels (`<i data-tabster-dummy>`, 1 px,
  // aria-hidden) beside scrolling lists and moves them on a timer after the list changed: not a change anyone
  // sees, so it does not end an interaction (it used to, a tenth of a second after the list was drawn).
  const sentinel = (node: Node) => node instanceof Element && node.hasAttribute('data-tabster-dummy');
  const onlySentinels = (r: MutationRecord) => {
    if (r.type !== 'childList') return sentinel(r.target);
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.length > 0 && nodes.every(sentinel);
  };

  let old = new WeakSet<Element>();
  const markOld = () => {
    old = new WeakSet<Element>();
    const root = main();
    if (!root) return;
    old.add(root);
    for (const el of root.querySelectorAll('*')) old.add(el);
  };
  const isNew = (el: Element | null | undefined) => !!el && !old.has(el);

  const ready = (): boolean => {
    const root = main();
    return !!root && [...root.querySelectorAll('[data-ready="true"]')].some(isNew);
  };

  let watched: { start: number | null; last: number | null; painted: number | null; count: number; stop: () => void } | null = null;

  const api: BenchPageApi = {
    navigate(hash, timeoutMs) {
      markOld();
      const t0 = performance.now();
      return new Promise((resolve, reject) => {
        let done = false;
        const observer = new MutationObserver(() => check());
        const timer = setTimeout(() => {
          if (done) return;
          done = true;
          observer.disconnect();
          reject(new Error(`${hash}: ingen data-ready="true" efter ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (done) return;
          if (!ready()) return;
          done = true;
          observer.disconnect();
          clearTimeout(timer);
          void afterPaint().then((t1) => resolve({ ms: t1 - t0 }));
        };
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        location.hash = hash;
        check();
      });
    },

    watch(exclude) {
      watched?.stop();
      const state = { start: null as number | null, last: null as number | null, painted: null as number | null, count: 0, stop: () => undefined };
      const onInput = (event: Event) => {
        if (state.start === null) state.start = event.timeStamp;
      };
      window.addEventListener('keydown', onInput, true);
      window.addEventListener('beforeinput', onInput, true);
      window.addEventListener('pointerdown', onInput, true);
      const skip = exclude ? document.querySelector(exclude) : null;
      const observer = new MutationObserver((records) => {
        if (state.start === null) return;
        if (records.every((r) => (skip !== null && skip.contains(r.target)) || onlySentinels(r))) return;
        state.count += 1;
        const at = performance.now();
        state.last = at;
        void afterPaint().then((t) => {
          if (state.last === at) state.painted = t;
        });
      });
      const root = main();
      if (root) observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      state.stop = () => {
        observer.disconnect();
        window.removeEventListener('keydown', onInput, true);
        window.removeEventListener('beforeinput', onInput, true);
        window.removeEventListener('pointerdown', onInput, true);
      };
      watched = state;
    },

    settled(quietMs, timeoutMs) {
      const state = watched;
      if (!state) return Promise.reject(new Error('watch() först'));
      const begun = performance.now();
      return new Promise((resolve, reject) => {
        const poll = () => {
          const now = performance.now();
          if (state.last !== null && state.painted !== null && now - state.last >= quietMs) {
            state.stop();
            resolve({ ms: state.painted - (state.start ?? state.last), mutations: state.count });
            return;
          }
          if (state.last === null && now - begun >= Math.max(quietMs, 2000)) {
            state.stop();
            resolve({ ms: null, mutations: 0 });
            return;
          }
          if (now - begun > timeoutMs) {
            state.stop();
            reject(new Error(`ingen ro efter ${timeoutMs} ms`));
            return;
          }
          setTimeout(poll, 20);
        };
        poll();
      });
    },
  };
  (window as unknown as { __sambrukBench: BenchPageApi }).__sambrukBench = api;
}
