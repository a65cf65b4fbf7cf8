/**
 * The app:// handler serves the built renderer and nothing else. `resolveBundlePath` is pure, so every way
 * out of the folder is tried here, with POSIX and Windows path rules; the handler is then tried on a real folder.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  createBundleHandler,
  resolveBundlePath,
} from '../../electron/main/protocol';

const root = '/opt/sambruk-kansli/out/renderer';
const winRoot = 'C:\\Program Files\\Sambruk Kansli\\resources\\app.asar\\out\\renderer';

describe('resolveBundlePath', () => {
  it('maps app://kansli/ paths to files inside the bundle folder', () => {
    expect(resolveBundlePath(root, 'app://kansli/')).toBe(`${root}/index.html`);
    expect(resolveBundlePath(root, 'app://kansli')).toBe(`${root}/index.html`);
    expect(resolveBundlePath(root, APP_INDEX_URL)).toBe(`${root}/index.html`);
    expect(resolveBundlePath(root, 'app://kansli/assets/index-abc123.js')).toBe(`${root}/assets/index-abc123.js`);
    expect(resolveBundlePath(root, 'app://kansli/assets/index.js?v=1#x')).toBe(`${root}/assets/index.js`);
    expect(resolveBundlePath(root, 'app://kansli/bilder/%C3%A5%C3%A4%C3%B6.png')).toBe(`${root}/bilder/åäö.png`);
    expect(resolveBundlePath(root, 'app://kansli/a%20b.css')).toBe(`${root}/a b.css`);
    expect(resolveBundlePath(winRoot, 'app://kansli/assets/x.js', path.win32)).toBe(`${winRoot}\\assets\\x.js`);
  });

  const escapes = [
    'app://kansli/../../../etc/passwd',
    'app://kansli/assets/../../secret',
    'app://kansli/%2e%2e/%2e%2e/etc/passwd',
    'app://kansli/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://kansli/..%2f..%2fetc%2fpasswd',
    'app://kansli/assets/..%2F..%2F..%2Fsecret',
    'app://kansli/.%2e/secret',
    'app://kansli/%2e/index.html',
    'app://kansli/..%5c..%5cWindows%5cwin.ini',
    'app://kansli/assets\\..\\..\\secret',
    'app://kansli/%5c%5cserver%5cshare%5cfile',
    'app://kansli//server/share/file',
    'app://kansli/%2f%2fserver/share',
    'app://kansli//etc/passwd',
    'app://kansli/%2fetc%2fpasswd',
    'app://kansli/C:/Windows/win.ini',
    'app://kansli/C%3A%5CWindows%5Cwin.ini',
    'app://kansli/c:%2fwindows',
    'app://kansli/index.html:Zone.Identifier',
    'app://kansli/index.html%00.png',
    'app://kansli/%00',
    'app://kansli/%E0%A4%A',
    'app://kansli/%',
    'app://kansli/assets/',
    'app://kansli/assets//x.js',
  ];

  for (const url of escapes) {
    it(`refuses ${url}`, () => {
      expect(resolveBundlePath(root, url)).toBeUndefined();
      expect(resolveBundlePath(winRoot, url, path.win32)).toBeUndefined();
    });
  }

  it('refuses other schemes, hosts, credentials and ports', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///opt/sambruk-kansli/out/renderer/index.html',
      'https://kansli/index.html',
      'app://evil/index.html',
      'app://kansli.evil.example/index.html',
      'app://user:pass@kansli/index.html',
      'app://kansli:8080/index.html',
      'app:index.html',
      'app:///index.html',
      'not a url',
      '',
    ]) {
      expect(resolveBundlePath(root, url), url).toBeUndefined();
    }
  });

  it('never answers with a path outside the folder, whatever the input (generated)', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%2f', '%2F', '%5c', '\\', '/', 'a', 'assets', ':', '%00', 'C:', '%3a', '~', ' '];
    let n = 0;
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const url = `app://kansli/${a}${b}/${c}`;
          for (const [r, api] of [[root, path.posix], [winRoot, path.win32]] as const) {
            const out = resolveBundlePath(r, url, api);
            if (out === undefined) continue;
            const rel = api.relative(r, out);
            const outside = rel === '' || rel === '..' || rel.startsWith(`..${api.sep}`) || api.isAbsolute(rel);
            expect(outside, `${url} -> ${out}`).toBe(false);
            n += 1;
          }
        }
      }
    }
    expect(n).toBeGreaterThan(0);
  });
});

describe('the app:// handler', () => {
  let dir: string;
  let bundle: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sambruk-protocol-'));
    bundle = path.join(dir, 'renderer');
    await mkdir(path.join(bundle, 'assets'), { recursive: true });
    await writeFile(path.join(bundle, 'index.html'), '<!doctype html><title>Sambruk Kansli</title>');
    await writeFile(path.join(bundle, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'hemlig.json'), '{"personnummer":"19121212-1212"}');
    handler = createBundleHandler(bundle);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page and its scripts with the right types and the CSP as a header', async () => {
    const page = await handler(new Request('app://kansli/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sambruk Kansli');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await handler(new Request('app://kansli/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers 404 (with the CSP too) for anything outside the folder, missing, or a folder', async () => {
    for (const url of ['app://kansli/../hemlig.json', 'app://kansli/%2e%2e/hemlig.json', 'app://kansli/saknas.js', 'app://kansli/assets', 'app://kansli/assets/', 'app://annan/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text(), url).not.toContain('personnummer');
    }
  });

  it('accepts only GET and HEAD', async () => {
    expect((await handler(new Request('app://kansli/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://kansli/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('knows the types the built renderer uses', () => {
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('a.SVG')).toBe('image/svg+xml');
    expect(contentTypeOf('a.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a.exe')).toBe('application/octet-stream');
  });
});

describe('the Content-Security-Policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...values] = d.split(/\s+/);
          return [name ?? '', values.join(' ')] as const;
        }),
    );

  it('allows no inline script and no eval, and no plugins, base changes or form posts', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/);
    expect(csp.get('script-src')).not.toMatch(/unsafe-inline|data:|blob:|\*/);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('is the policy of renderer/index.html’s meta tag, plus what only a header can carry', async () => {
    const html = await readFile(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(meta ?? ''));
  });
});
