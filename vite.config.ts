/**
 * The renderer's build.
 * - `vite build`              -> out/renderer  (desktop page; `window.api` from the preload)
 * - `vite build --mode web`   -> out/web       (browser page; entry main.web.tsx runs the real core in the page)
 * - `vite --mode web`         -> dev server of the browser page (`npm run dev:web`)
 * One index.html serves both: in web mode a tiny plugin points its script at main.web.tsx.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(at('./package.json'), 'utf8')) as { version: string };

const DESKTOP_ENTRY = 'src="./main.tsx"';
const WEB_ENTRY = 'src="./main.web.tsx"';

/** Points index.html's script at the web entry in web mode; fails loudly if the tag ever changes. */
function pickEntry(web: boolean): Plugin {
  return {
    name: 'sambruk:pick-entry',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(DESKTOP_ENTRY)) throw new Error(`index.html must load its entry as ${DESKTOP_ENTRY}`);
        return web ? html.replace(DESKTOP_ENTRY, WEB_ENTRY) : html;
      },
    },
  };
}

/**
 * Dev server only: Vite and the React refresh runtime add inline module scripts to the page, which the
 * strict `script-src 'self'` would block. Allow exactly those scripts by hash; the built pages keep the
 * policy as written.
 */
function devCspHashes(): Plugin {
  return {
    name: 'sambruk:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
          .filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') && (body ?? '').trim() !== '')
          .map(([, , body]) => `'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`);
        if (hashes.length === 0) return html;
        return html.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  const web = mode === 'web';
  return {
    root: at('./renderer'),
    base: './',
    plugins: [react(), pickEntry(web), devCspHashes()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      outDir: at(web ? './out/web' : './out/renderer'),
      emptyOutDir: true,
      // Electron 39's Chromium and any current browser: no legacy transforms.
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
    },
    // The dependency scanner reads index.html as written (desktop entry): name the web entry too, so the dev
    // server does not discover the core's dependencies late and reload the page halfway.
    optimizeDeps: { entries: ['main.tsx', 'main.web.tsx'] },
    server: {
      fs: {
        strict: true,
        // The web bridge bundles the core (electron/core, electron/contract) and the default data (assets/).
        allow: [at('./renderer'), at('./assets'), at('./electron/core'), at('./electron/contract'), at('./node_modules')],
      },
    },
    clearScreen: false,
    cacheDir: `${projectRoot}node_modules/.vite`,
  };
});
