/**
 * `npm run test:desktop [-- --skip-build]`: a smoke test of the real desktop app, for a machine that has Electron.
 *
 * Builds the app (`npm run build`), starts it through Playwright's Electron support on a new register in a
 * temporary folder, opens every screen from the navigation, makes a change through the window's API and undoes
 * it with Ångra (checking the register file on disk after each), prints the board pack to PDF through the app's
 * own save (the save dialog answered in the main process) and quits, checking that the register file is valid
 * and its lock released.
 *
 * Exit codes: 0 every step passed (and says how many); 1 a step failed (it says which); 77 skipped, when there is
 * no Electron binary (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1) or on Linux no display: it says so plainly
 * and prints no count of passed steps, since nothing was tested. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { parseDocumentText } from '../electron/core/store/parse-document';
import { sv } from '../renderer/lib/i18n/sv';
import { SKIPPED_EXIT_CODE, checkDesktop, skippedReport } from './desktop-smoke/electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEP_TIMEOUT = 60_000;
const NETWORK_NAME = 'Skrivbordstest';

type Step = { name: string; run: () => Promise<void> };

function fail(message: string): never {
  throw new Error(message);
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeout = STEP_TIMEOUT): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) fail(`väntade förgäves på: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const navLink = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

/** The environment for the app: this run's own config folder (userData on Linux) and no other register named. */
function launchEnv(configHome: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'SAMBRUK_KANSLI_DATA') env[key] = value;
  return { ...env, XDG_CONFIG_HOME: configHome };
}

/** Pages of a PDF by poppler's pdfinfo, or undefined where poppler is not installed. */
function pdfPages(file: string): number | undefined {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.error || info.status !== 0) return undefined;
  const m = /^Pages:\s+(\d+)/m.exec(info.stdout);
  return m ? Number(m[1]) : undefined;
}

async function readRegister(file: string) {
  return parseDocumentText(await readFile(file, 'utf8'));
}

async function main(): Promise<number> {
  const check = checkDesktop();
  if (!check.ok) {
    for (const line of skippedReport(check)) console.log(line);
    return SKIPPED_EXIT_CODE;
  }

  const steps: Step[] = [];
  const work = await mkdtemp(path.join(tmpdir(), 'sambruk-skrivbordstest-'));
  const dataFile = path.join(work, 'sambruk-kansli.json');
  const pdfFile = path.join(work, 'styrelsepaket.pdf');
  const problems: string[] = [];
  let app: ElectronApplication | undefined;
  let page: Page | undefined;

  if (!process.argv.includes('--skip-build')) {
    steps.push({
      name: 'bygger appen (npm run build)',
      run: async () => {
        const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
        if (built.status !== 0) fail(`npm run build avslutades med kod ${built.status ?? built.signal}`);
      },
    });
  }

  steps.push({
    name: 'startar appen på ett nytt register',
    run: async () => {
      if (!existsSync(path.join(root, 'out', 'main', 'main.cjs'))) fail('out/main/main.cjs saknas: bygg appen först (utan --skip-build).');
      app = await _electron.launch({
        executablePath: check.executablePath,
        args: [root, `--user-data-dir=${path.join(work, 'user-data')}`, '--data', dataFile],
        cwd: root,
        // userData on Linux follows XDG_CONFIG_HOME, so the single-instance lock is this run's own.
        env: launchEnv(path.join(work, 'config')),
        timeout: STEP_TIMEOUT,
      });
      app.process().stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      page = await app.firstWindow({ timeout: STEP_TIMEOUT });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`konsolfel: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`sidfel: ${error.message}`));
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: STEP_TIMEOUT });
      const info = await page.evaluate(() =>
        (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; data?: { mode: string; dataFile: string; readOnly: boolean } }> } }).api.invoke('app/get-info', {}),
      );
      if (!info.ok || info.data?.mode !== 'desktop') fail(`appen svarar inte som skrivbordsapp: ${JSON.stringify(info)}`);
      if (info.data.readOnly) fail('registret öppnades skrivskyddat');
      await until('registerfilen på disk', () => existsSync(dataFile));
      // Compared as real paths: a temporary folder may be reached through a link (/var on macOS).
      if (!existsSync(info.data.dataFile) || realpathSync(info.data.dataFile) !== realpathSync(dataFile)) {
        fail(`appen öppnade ${info.data.dataFile}, inte ${dataFile}`);
      }
    },
  });

  for (const [id, label] of [...Object.entries(sv.nav).slice(1), Object.entries(sv.nav)[0]!]) {
    steps.push({
      name: `öppnar ${label}`,
      run: async () => {
        const p = page ?? fail('inget fönster');
        await navLink(p, label).click();
        await until(`adressen #/${id}`, () => new URL(p.url()).hash === `#/${id}`);
        await heading(p, label).waitFor({ timeout: STEP_TIMEOUT });
      },
    });
  }

  steps.push({
    name: 'gör en ändring och ångrar den med Ångra',
    run: async () => {
      const p = page ?? fail('inget fönster');
      const before = (await readRegister(dataFile)).meta.revision;
      const created = await p.evaluate(
        (name) =>
          (window as unknown as { api: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean }> } }).api.invoke('networks/create', { kind: 'projekt', name }),
        NETWORK_NAME,
      );
      if (!created.ok) fail(`networks/create svarade ${JSON.stringify(created)}`);
      const afterChange = await readRegister(dataFile);
      if (!afterChange.networks.some((n) => n.name === NETWORK_NAME)) fail('ändringen finns inte i registerfilen');
      if (afterChange.meta.revision !== before + 1) fail(`revisionen är ${afterChange.meta.revision}, väntade ${before + 1}`);
      const undo = p.getByRole('button', { name: sv.header.undo });
      await until('att Ångra går att använda', () => undo.isEnabled());
      await undo.click();
      await until('att ångringen sparats i registerfilen', async () => !(await readRegister(dataFile)).networks.some((n) => n.name === NETWORK_NAME));
      await until('att Gör om går att använda', () => p.getByRole('button', { name: sv.header.redo }).isEnabled());
    },
  });

  steps.push({
    name: 'skriver ut styrelsepaketet som PDF',
    run: async () => {
      const p = page ?? fail('inget fönster');
      const a = app ?? fail('ingen app');
      // The save dialog is the operating system's; answered here in the main process with the test's file.
      await a.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as unknown as typeof dialog.showSaveDialog;
      }, pdfFile);
      await navLink(p, sv.nav.styrelserapport).click();
      const make = p.getByRole('button', { name: sv.styrelserapport.makePack });
      await until('att styrelsepaketet kan skapas', () => make.isEnabled());
      await make.click();
      await until('utskriftsvyn', () => new URL(p.url()).hash.startsWith('#/styrelserapport/utskrift'));
      await p.locator('[data-board-pack-ready="true"]').waitFor({ timeout: STEP_TIMEOUT });
      await p.getByText(sv.styrelserapport.print.pdfSaved(pdfFile)).waitFor({ timeout: STEP_TIMEOUT });
      const pdf = await readFile(pdfFile);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') fail('filen är ingen PDF');
      const pages = pdfPages(pdfFile);
      // The pack has a cover, contents and a page per section; without poppler only the header is checked.
      if (pages !== undefined && pages < 3) fail(`PDF-filen har bara ${pages} sidor`);
    },
  });

  steps.push({
    name: 'avslutar appen',
    run: async () => {
      const a = app ?? fail('ingen app');
      const exited = new Promise<number | null>((resolve) => a.process().once('exit', (code) => resolve(code)));
      await a.close();
      app = undefined;
      const code = await exited;
      if (code !== 0 && code !== null) fail(`appen avslutades med kod ${code}`);
      const doc = await readRegister(dataFile);
      if (doc.networks.some((n) => n.name === NETWORK_NAME)) fail('den ångrade ändringen finns kvar i registret');
      if (existsSync(`${dataFile}.lock`)) fail('låsfilen finns kvar efter att appen avslutats');
    },
  });

  let passed = 0;
  try {
    for (const step of steps) {
      const started = Date.now();
      try {
        await step.run();
      } catch (error) {
        console.error(`✗ ${step.name}: ${error instanceof Error ? error.message : String(error)}`);
        console.error(`Skrivbordstestet misslyckades efter ${passed} av ${steps.length} steg. The desktop smoke test FAILED.`);
        return 1;
      }
      passed += 1;
      console.log(`✓ ${step.name} (${Date.now() - started} ms)`);
    }
    if (problems.length > 0) {
      for (const problem of problems) console.error(`✗ ${problem}`);
      console.error('Skrivbordstestet misslyckades: fel i fönstret. The desktop smoke test FAILED: errors in the window.');
      return 1;
    }
    console.log(`Skrivbordstestet godkänt: ${passed} av ${steps.length} steg. Desktop smoke test passed.`);
    return 0;
  } finally {
    await (app as ElectronApplication | undefined)?.close().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
