/**
 * A copy of the app making changes to a shared register until it is killed (test/node/postgres/
 * pg-register.kill.test.ts): each change sets the note of every organisation to the round's number, so a change
 * written halfway would show as organisations with different notes. Prints «klar <n>» after each saved change.
 */
import { createRepository } from '../../electron/core/store/repository';
import { openSharedRegister } from '../../electron/node/postgres/pg-register';

const url = process.argv[2];
if (!url) throw new Error('usage: pg-register-child <postgres-url>');
const shared = await openSharedRegister(url);
let n = 0;
const repo = createRepository({ initial: shared.document, shared: shared.store, clock: () => new Date(), ids: () => `barn-${process.pid}-${++n}`, user: () => shared.role });
for (let round = 1; ; round++) {
  await repo.change(`Runda ${round}`, (tx) => {
    for (const org of tx.organisations.all()) tx.organisations.update(org.id, { note: `runda ${round}` });
  });
  process.stdout.write(`klar ${round}\n`);
}
