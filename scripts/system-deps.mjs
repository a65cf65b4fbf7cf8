#!/usr/bin/env node
// The one list of what the tests need beyond npm, and the one step that provides it: `npm test` runs this first
// (pretest) and `.ci/run` calls it too. As root on a Debian machine it installs what is missing; otherwise it
// stops at once and prints the single command to run, so a test never fails halfway for a missing program.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Each requirement: what it is for, how to find it, and the Debian packages that bring it. */
export const REQUIREMENTS = [
  {
    what: 'Chromium (webbläsartesterna)',
    found: () => (process.env.CHROMIUM_PATH ? isExecutable(process.env.CHROMIUM_PATH) : onPath('chromium')),
    packages: ['chromium'],
  },
  { what: 'poppler (PDF till bild och text)', found: () => ['pdftoppm', 'pdftotext', 'pdfinfo'].every(onPath), packages: ['poppler-utils'] },
  { what: 'LibreOffice Calc (arbetsböckerna öppnas och räknas om)', found: () => onPath('soffice'), packages: ['libreoffice-calc'] },
  {
    what: 'Java och Saxon-HE (e-fakturorna prövas mot Peppols regler)',
    found: () => onPath('java') && existsSync(process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar'),
    packages: ['default-jre-headless', 'libsaxonhe-java'],
  },
  {
    what: 'DejaVu-typsnitt (samma textbredd i skärmbilder och PDF)',
    found: () => existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'),
    packages: ['fonts-dejavu-core'],
  },
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, command)));
}

/** The packages still missing, in the list's order and without repeats. */
export function missingPackages(requirements = REQUIREMENTS) {
  const missing = requirements.filter((requirement) => !requirement.found());
  return { missing, packages: [...new Set(missing.flatMap((requirement) => requirement.packages))] };
}

export function installCommand(packages) {
  return `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

function main() {
  const { missing, packages } = missingPackages();
  if (packages.length === 0) return 0;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = onPath('apt-get');
  console.log(`Testerna behöver: ${missing.map((requirement) => requirement.what).join(', ')}.`);
  if (!isRoot || !hasApt) {
    console.error(
      hasApt
        ? `Kör detta en gång och sedan npm test igen:\n  sudo sh -c '${installCommand(packages)}'`
        : `Installera paketen ${packages.join(', ')} (Debian-namn) eller motsvarande, och kör sedan npm test igen.`,
    );
    return 1;
  }
  console.log(`Installerar ${packages.join(' ')} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (result.status !== 0) {
    console.error(`apt-get install misslyckades (kod ${result.status}). Kör: ${installCommand(packages)}`);
    return 1;
  }
  const still = missingPackages().missing;
  if (still.length > 0) {
    console.error(`Saknas fortfarande efter installationen: ${still.map((requirement) => requirement.what).join(', ')}.`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
