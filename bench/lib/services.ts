/**
 * The core's services over a register, as main creates them, for the cases that go through the channels
 * (`dispatch`: input parsing included, as every call from the UI). The clock stands at the demo register's
 * "today", so figures are those of a fixed date whatever day the bench runs.
 */
import { createHandlers } from '../../electron/core/handlers/create-handlers';
import { dispatch } from '../../electron/core/handlers/dispatch';
import type { DocumentPort } from '../../electron/core/handlers/ports';
import type { Repository } from '../../electron/core/store/repository';
import type { SambrukDocument } from '../../electron/core/store/schema';
import type { Result } from '../../electron/contract';
import { DEMO_AS_OF } from '../../tools/demo/demo-document';
import { createInProcessRunner } from '../../electron/core/jobs/in-process-runner';

export const BENCH_NOW = new Date(`${DEMO_AS_OF}T10:00:00.000Z`);

export type BenchServices = {
  repo: Repository;
  /** Calls a channel by name; the channel may be one the contract does not (yet) have: the answer then says so. */
  call(channel: string, input: unknown): Promise<Result<unknown>>;
  has(channel: string): boolean;
};

const noBackups: Pick<DocumentPort, 'listBackups' | 'readBackup'> = {
  listBackups: async () => [],
  readBackup: async () => {
    throw new Error('no backups in the bench');
  },
};

export function benchServices(initial: SambrukDocument, save: DocumentPort['save'] = async () => undefined): BenchServices {
  let n = 0;
  const { handlers, repo } = createHandlers({
    clock: () => new Date(BENCH_NOW),
    ids: () => `bench-${++n}`,
    document: { save, ...noBackups },
    initial,
    loadReport: { outcome: 'opened', messages: [] },
    app: { version: 'bench', mode: 'desktop', dataFile: 'bench.json', backupDir: '' },
    runner: createInProcessRunner(),
  });
  return {
    repo,
    has: (channel) => Object.hasOwn(handlers, channel),
    call: (channel, input) => dispatch(handlers, channel as never, input as never) as Promise<Result<unknown>>,
  };
}

/** The data of an ok answer, or an Error carrying the core's message. */
export function dataOf<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}
