import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { installCommand, missingPackages, REQUIREMENTS } from '../../scripts/system-deps.mjs';

const script = join(__dirname, '../../scripts/system-deps.mjs');
const emptyDir = mkdtempSync(join(tmpdir(), 'system-deps-'));
afterAll(() => rmSync(emptyDir, { recursive: true, force: true }));

describe('system-deps', () => {
  it('lists the packages of the missing requirements once each, in order', () => {
    const fake = [
      { what: 'a', found: () => false, packages: ['pa', 'shared'] },
      { what: 'b', found: () => true, packages: ['pb'] },
      { what: 'c', found: () => false, packages: ['shared', 'pc'] },
    ];
    const { missing, packages } = missingPackages(fake);
    expect(missing.map((requirement: { what: string }) => requirement.what)).toEqual(['a', 'c']);
    expect(packages).toEqual(['pa', 'shared', 'pc']);
    expect(installCommand(packages)).toBe('apt-get update && apt-get install -y --no-install-recommends pa shared pc');
  });

  it('finds everything on this machine once the step has run (the suite depends on it)', () => {
    expect(missingPackages(REQUIREMENTS).packages).toEqual([]);
  });

  it('installs java and Saxon-HE when the Saxon jar is missing, even with java on PATH', () => {
    const saved = process.env.SAXON_JAR;
    process.env.SAXON_JAR = join(emptyDir, 'Saxon-HE.jar');
    try {
      expect(missingPackages(REQUIREMENTS).packages).toEqual(['default-jre-headless', 'libsaxonhe-java']);
    } finally {
      if (saved === undefined) delete process.env.SAXON_JAR;
      else process.env.SAXON_JAR = saved;
    }
  });

  it('stops at once with the packages to install when nothing can be installed (no apt-get on PATH)', () => {
    const result = spawnSync(process.execPath, [script], {
      env: { PATH: emptyDir, CHROMIUM_PATH: join(emptyDir, 'chromium') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Testerna behöver: Chromium');
    expect(result.stderr).toContain('chromium');
    expect(result.stderr).toContain('poppler-utils');
    expect(result.stderr).toContain('libreoffice-calc');
    expect(result.stdout).toContain('Java och Saxon-HE');
    expect(result.stderr).toContain('default-jre-headless, libsaxonhe-java');
  });

  it('exits 0 and prints nothing when everything is there', () => {
    expect(execFileSync(process.execPath, [script], { encoding: 'utf8' })).toBe('');
  });
});
