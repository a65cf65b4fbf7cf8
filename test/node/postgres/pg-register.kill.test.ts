/**
 * A copy of the app killed with kill -9 in the middle of a change leaves nothing half written: the database
 * holds every change it acknowledged, whole, and nothing of the one it was making.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadDefaultDocument } from '../../support/memory-document';
import { asAdmin, createPerson, describePg, pgUrl } from '../../support/postgres';
import { databaseRegister, filledDatabase } from '../../support/pg-register-helpers';

const child = path.resolve(import.meta.dirname, '../../support/pg-register-child.ts');

describePg('kill -9 in the middle of a change', () => {
  it('leaves every acknowledged change whole and nothing of the one in flight', async () => {
    const initial = loadDefaultDocument();
    const db = await filledDatabase('kill', initial);
    await createPerson('avbruten_kim', 'kansli_sekretariat');
    for (let attempt = 0; attempt < 3; attempt++) {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, pgUrl(db, 'avbruten_kim')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let acknowledged = 0;
      let errors = '';
      proc.stdout.on('data', (chunk: Buffer) => {
        const rounds = [...chunk.toString().matchAll(/klar (\d+)/g)].map((m) => Number(m[1]));
        acknowledged = Math.max(acknowledged, ...rounds);
      });
      proc.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
      // Wait until it has saved a few changes and its connection is inside a transaction, then kill it there.
      const deadline = Date.now() + 60_000;
      let inFlight = false;
      while (!inFlight) {
        if (Date.now() > deadline) throw new Error(`the child never got going: ${errors}`);
        if (acknowledged >= 2 + attempt) {
          const state = await asAdmin<{ state: string }>(db, "SELECT state FROM pg_stat_activity WHERE usename = 'avbruten_kim' AND state IN ('active', 'idle in transaction')");
          inFlight = (state.rowCount ?? 0) > 0;
        }
        if (!inFlight) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      proc.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const seenBeforeKill = acknowledged;

      // The server notices the dead connection and rolls its transaction back.
      let stored = await databaseRegister(db);
      for (let wait = 0; wait < 100 && (await asAdmin(db, "SELECT 1 FROM pg_stat_activity WHERE usename = 'avbruten_kim'")).rowCount; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      stored = await databaseRegister(db);
      const notes = new Set(stored.organisations.map((o) => o.note));
      expect(notes.size).toBe(1);
      const round = Number([...notes][0]?.replace('runda ', ''));
      // Every acknowledged round is in; at most the one being written when killed had committed before the kill.
      expect(round).toBeGreaterThanOrEqual(seenBeforeKill);
      expect(round).toBeLessThanOrEqual(seenBeforeKill + 1);
      // The log holds whole changes: one entry per organisation for every round of this child.
      const perChange = new Map<string, number>();
      for (const entry of stored.changeLog) perChange.set(entry.changeId ?? '', (perChange.get(entry.changeId ?? '') ?? 0) + 1);
      for (const count of perChange.values()) expect(count).toBe(initial.organisations.length);
    }
  });
});
