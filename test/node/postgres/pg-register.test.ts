/**
 * The repository's contract (test/support/repository-contract.ts) against the shared register on a real
 * PostgreSQL, as a person logged in with a role of their own.
 */
import { createRepository } from '../../../electron/core/store/repository';
import { openSharedRegister } from '../../../electron/node/postgres/pg-register';
import { describePg, asAdmin, createPerson, pgUrl } from '../../support/postgres';
import { databaseRegister, filledDatabase } from '../../support/pg-register-helpers';
import { repositoryContract } from '../../support/repository-contract';

describePg('PostgreSQL', () => {
  repositoryContract('the shared register (PostgreSQL)', async ({ initial, clock, ids }) => {
    const db = await filledDatabase('contract', initial);
    // The contract restores a whole register (with the default data's invoicing details): a person who restores
    // backups holds both the secretariat's and the accountant's role, since invoicing is only the latter's to write.
    await createPerson('kontrakt_anna', 'kansli_sekretariat, kansli_ekonomi');
    const shared = await openSharedRegister(pgUrl(db, 'kontrakt_anna'));
    const start = shared.document.meta.revision;
    const repo = createRepository({ initial: shared.document, shared: shared.store, clock, ids, user: () => shared.role, readOnly: !shared.canWrite });
    const durable = () => databaseRegister(db);
    return {
      repo,
      user: 'kontrakt_anna',
      saves: async () => (await durable()).meta.revision - start,
      durable,
      // A real refusal by the server: the role loses the right to change organisations.
      breakSaves: async () => {
        await asAdmin(db, 'REVOKE UPDATE ON kansli.organisations FROM kansli_sekretariat');
        return 'forbidden';
      },
      mendSaves: async () => {
        await asAdmin(db, 'GRANT UPDATE ON kansli.organisations TO kansli_sekretariat');
      },
      close: () => shared.close(),
    };
  });
});
