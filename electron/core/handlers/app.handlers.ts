import { AppError, type AppInfo, type ChannelHandlers } from '../../contract';
import type { HandlerContext } from './create-handlers';
import { overviewAt } from '../domain/overview';
import { assumptionsReport } from '../domain/assumptions';
import { compareSv } from '../domain/swedish';
import { latestMunicipalityPopulation, populationIndex } from '../domain/population';

type AppChannel =
  | 'app/get-info'
  | 'store/get-status'
  | 'overview/get'
  | 'assumptions/list'
  | 'reference/list-municipalities'
  | 'reference/list-counties'
  | 'data/list-backups'
  | 'data/restore-backup'
  | 'data/make-writable'
  | 'data/get-server'
  | 'data/set-server'
  | 'history/get-state'
  | 'history/undo'
  | 'history/redo';

export function createAppHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, AppChannel> {
  let lastSavedAt: string | undefined;
  // Replaced when the register is reopened writable: the read-only start's sentences no longer hold.
  let loadReport = ports.loadReport;
  const info = (): AppInfo => {
    const readOnly = repo.isReadOnly();
    const reason = readOnly ? ports.access?.readOnlyReason() : undefined;
    return {
      name: 'Sambruk Kansli',
      version: ports.app.version,
      mode: ports.app.mode,
      dataFile: ports.app.dataFile,
      backupDir: ports.app.backupDir,
      readOnly,
      ...(reason ? { readOnlyReason: reason } : {}),
      ...(ports.app.role && !readOnly ? { role: ports.app.role } : {}),
      loadReport,
    };
  };
  return {
    'app/get-info': info,
    'store/get-status': () => {
      lastSavedAt = repo.get().meta.updatedAt ?? lastSavedAt;
      return { state: 'saved', revision: repo.get().meta.revision, lastSavedAt };
    },
    'overview/get': ({ date }) => overviewAt(repo.get(), date ?? today()),
    'assumptions/list': ({ date }) => assumptionsReport(repo.get(), date ?? today()),
    'reference/list-municipalities': () => {
      const doc = repo.get();
      const counties = new Map(doc.reference.counties.map((c) => [c.code, c.name]));
      const index = populationIndex(doc.reference);
      return [...doc.reference.municipalities]
        .sort((a, b) => compareSv(a.name, b.name))
        .map((m) => {
          const latest = latestMunicipalityPopulation(index, m.code);
          return { ...m, countyName: counties.get(m.countyCode) ?? '', ...(latest ? { population: latest.population, populationDate: latest.date } : {}) };
        });
    },
    'reference/list-counties': () => [...repo.get().reference.counties],
    'data/list-backups': () => ports.document.listBackups(),
    'data/restore-backup': async ({ name }) => {
      const backups = await ports.document.listBackups();
      if (!backups.some((b) => b.name === name)) throw new AppError('not-found', `Säkerhetskopian ${name} finns inte.`);
      const doc = await ports.document.readBackup(name);
      await repo.replace(doc, `Återställde säkerhetskopian ${name}`);
      return { restoredFrom: name };
    },
    'data/make-writable': async () => {
      if (!repo.isReadOnly()) return info();
      if (!ports.access) throw new AppError('forbidden', 'Det här registret finns bara i minnet och har ingen fil att göra skrivbar.');
      if (ports.access.readOnlyReason() !== 'file-read-only') {
        throw new AppError('read-only', 'Registret är skrivskyddat av ett annat skäl än att filen är skrivskyddad, så det kan inte göras skrivbart härifrån.');
      }
      const reopened = await ports.access.makeWritable();
      await repo.load(reopened.document);
      loadReport = reopened.loadReport;
      return info();
    },
    'data/get-server': () => ({ server: ports.serverSetting?.get() ?? '' }),
    'data/set-server': async ({ server }) => {
      if (!ports.serverSetting) throw new AppError('forbidden', 'Det delade registret öppnas i skrivbordsprogrammet; webbläget har bara registret i minnet.');
      const trimmed = server.trim();
      if (trimmed !== '') checkServerAddress(trimmed);
      await ports.serverSetting.set(trimmed);
      return { server: trimmed };
    },
    'history/get-state': () => repo.history(),
    'history/undo': async () => {
      await repo.undo();
      return repo.history();
    },
    'history/redo': async () => {
      await repo.redo();
      return repo.history();
    },
  };
}

/** A `postgres://` address without a password: the password belongs in PGPASSWORD or .pgpass, never the settings. */
function checkServerAddress(server: string): void {
  const refuse = (fieldMessage: string) => new AppError('validation', `Serveradress: ${fieldMessage}`, { field: 'server' }, fieldMessage);
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw refuse('Skriv adressen som postgres://användare@server/databas.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw refuse('Adressen ska börja med postgres://.');
  if (url.password !== '') throw refuse('Skriv inte lösenordet i adressen; ange det i PGPASSWORD eller .pgpass.');
  if (url.hostname === '' || url.username === '') throw refuse('Adressen ska ha både användare och server, som postgres://anna@server/kansli.');
}
