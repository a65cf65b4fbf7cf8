/**
 * Each unit test lies at the path that mirrors its source file, so a reader finds the tests of a file without
 * searching: `electron/core/domain/fees.ts` -> `test/core/domain/fees.test.ts`, `renderer/lib/format.ts` ->
 * `test/renderer/lib/format.test.ts`, `scripts/build.mjs` -> `test/scripts/build.test.ts`. A second test file of
 * one source names its aspect: `amounts.bounds.test.ts`; a test that drives a channel lies beside the handler
 * file (`test/core/handlers/members.handlers.test.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Test folder -> the source folder it mirrors. */
const MIRRORS: Record<string, string> = {
  'test/core': 'electron/core',
  'test/contract': 'electron/contract',
  'test/node': 'electron/node',
  'test/main': 'electron/main',
  'test/preload': 'electron/preload',
  'test/renderer': 'renderer',
  'test/scripts': 'scripts',
  'test/tools': 'tools',
};

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mjs'];

/** Tests whose subject is the whole app or a file that is not a module; each says why it has no mirror. */
const CROSS_CUTTING: Record<string, string> = {
  // Rebuilds assets/default-data.json from the plan (scripts/build-default-data.ts) and checks the shipped data
  // through the domain, fees, memberships and the budget together.
  'test/core/default-data.test.ts': 'the shipped default data',
  // Hostile payloads against every channel of the contract, through dispatch and every handler.
  'test/core/security/channel-fuzz.test.ts': 'every channel at once',
  // Electron's security checklist, item by item, across main, preload, the protocol and the build.
  'test/main/security-checklist.test.ts': 'the whole shell',
  // Validates electron-builder.yml, a configuration file, and the icon script that feeds it.
  'test/main/electron-builder.test.ts': 'the packaging configuration',
  // Reads every dialog of the renderer and checks one order of their buttons.
  'test/renderer/dialog-buttons.test.ts': 'every dialog of the renderer',
};

function testFiles(folder: string): string[] {
  const full = path.join(root, folder);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `${folder}/${name.split(path.sep).join('/')}`);
}

/** The source files a test may mirror: `x.test.ts` -> `x`, and for `x.aspect.test.ts` also `x`. */
function mirroredSources(testPath: string): string[] {
  const folder = Object.keys(MIRRORS).find((f) => testPath.startsWith(`${f}/`));
  if (!folder) return [];
  const relative = testPath.slice(folder.length + 1, -'.test.ts'.length);
  const dir = path.posix.dirname(relative);
  const parts = path.posix.basename(relative).split('.');
  const stems = parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
  return stems.flatMap((stem) => SOURCE_EXTENSIONS.map((ext) => path.posix.join(MIRRORS[folder] ?? '', dir, stem + ext)));
}

describe('test layout', () => {
  const all = Object.keys(MIRRORS).flatMap(testFiles);

  it('finds the unit tests it checks', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContain('test/core/domain/fees.test.ts');
  });

  it('puts every unit test at the path of an existing source file, or names it as cross-cutting', () => {
    const astray = all.filter((t) => !CROSS_CUTTING[t] && !mirroredSources(t).some((s) => fs.existsSync(path.join(root, s))));
    expect(astray, 'move these to test/ + their source path (without electron/), or explain them in CROSS_CUTTING').toEqual([]);
  });

  it('keeps no stale entry in the list of cross-cutting tests', () => {
    expect(Object.keys(CROSS_CUTTING).filter((t) => !fs.existsSync(path.join(root, t)))).toEqual([]);
  });

  it('maps a test to its source, with and without an aspect', () => {
    expect(mirroredSources('test/core/domain/fees.test.ts')).toContain('electron/core/domain/fees.ts');
    expect(mirroredSources('test/core/domain/amounts.bounds.test.ts')).toContain('electron/core/domain/amounts.ts');
    expect(mirroredSources('test/renderer/features/budget/budget-table.view-model.test.ts')).toContain(
      'renderer/features/budget/budget-table.view-model.ts',
    );
    expect(mirroredSources('test/renderer/app/LoadReportBar.test.ts')).toContain('renderer/app/LoadReportBar.tsx');
    expect(mirroredSources('test/scripts/build.test.ts')).toContain('scripts/build.mjs');
    expect(mirroredSources('test/e2e/budget.test.ts')).toEqual([]);
  });
});
