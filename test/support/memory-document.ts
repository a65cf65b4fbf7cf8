import fs from 'node:fs';
import path from 'node:path';
import { parseDocumentText, serialiseDocument } from '../../electron/core/store/parse-document';
import type { SambrukDocument } from '../../electron/core/store/schema';
import type { DocumentPort, Ports } from '../../electron/core/handlers/ports';
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import type { Channel, ChannelInput } from '../../electron/contract';
import { createInProcessRunner } from '../../electron/core/jobs/in-process-runner';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The shipped default document (the 2022 plan), parsed and validated as the app would. */
export function loadDefaultDocument(): SambrukDocument {
  return parseDocumentText(fs.readFileSync(path.join(repoRoot, 'assets/default-data.json'), 'utf8'));
}

/** An in-memory document port that records every save; `failNext` makes the next save throw. */
export function memoryPort() {
  const saved: string[] = [];
  let failNext: Error | undefined;
  const port: DocumentPort & { saved: string[]; failNext(error: Error): void } = {
    saved,
    failNext(error) {
      failNext = error;
    },
    async save(doc) {
      if (failNext) {
        const e = failNext;
        failNext = undefined;
        throw e;
      }
      saved.push(serialiseDocument(doc));
    },
    async listBackups() {
      return [];
    },
    async readBackup() {
      throw new Error('no backups in memory');
    },
  };
  return port;
}

/** Services over an in-memory port with a fixed clock and counting ids: deterministic. Jobs run in process unless `runner` says otherwise. */
export function createTestServices(
  options: {
    initial?: SambrukDocument;
    now?: string;
    clock?: Ports['clock'];
    user?: Ports['user'];
    onProgress?: Ports['onProgress'];
    runner?: Ports['runner'];
    serverSetting?: Ports['serverSetting'];
  } = {},
) {
  const port = memoryPort();
  let n = 0;
  const ports: Ports = {
    clock: options.clock ?? (() => new Date(options.now ?? '2022-06-30T10:00:00.000Z')),
    ...(options.user ? { user: options.user } : {}),
    ids: () => `id-${++n}`,
    document: port,
    initial: options.initial ?? loadDefaultDocument(),
    loadReport: { outcome: 'opened', messages: [] },
    app: { version: '0.0.0-test', mode: 'web', dataFile: 'minne', backupDir: '' },
    runner: options.runner ?? createInProcessRunner(),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.serverSetting ? { serverSetting: options.serverSetting } : {}),
  };
  const { handlers, repo } = createHandlers(ports);
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => dispatch(handlers, channel, input);
  return { handlers, repo, port, call, ports };
}
