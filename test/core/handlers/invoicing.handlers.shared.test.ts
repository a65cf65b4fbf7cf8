import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { createHandlers } from '../../../electron/core/handlers/create-handlers';
import { dispatch } from '../../../electron/core/handlers/dispatch';
import type { Channel, ChannelInput } from '../../../electron/contract';
import type { Ports } from '../../../electron/core/handlers/ports';
import type { CommitAttempt } from '../../../electron/core/store/repository';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createInProcessRunner } from '../../../electron/core/jobs/in-process-runner';
import { createTestServices, memoryPort } from '../../support/memory-document';
import { invoicingDocument } from '../../fixtures/invoicing/fee-document';

const association: ChannelInput<'invoicing/settings-save'> = {
  name: 'Sambruk',
  orgNumber: '802400-0005',
  vatNumber: 'SE802400000501',
  address: { street: 'Exempelgatan 1', postalCode: '111 22', city: 'Stockholm' },
  bankgiro: '5050-1055',
  example: true,
};

/** A register with settings, customers' addresses and the 2022 drafts, prepared through the handlers. */
async function prepared(): Promise<SambrukDocument> {
  const s = createTestServices({ initial: invoicingDocument() });
  await s.call('invoicing/settings-save', association);
  const rows = await s.call('invoicing/billing-list', { year: 2022 });
  if (!rows.ok) throw new Error(rows.error.message);
  for (const row of rows.data.filter((r) => r.inBasis)) {
    await s.call('invoicing/billing-save', { organisationId: row.organisationId, invoiceAddress: { street: 'Gatan 1', postalCode: '123 45', city: 'Stad' }, invoiceEmail: 'f@exempel.se' });
  }
  await s.call('invoicing/run-draft', { year: 2022 });
  return s.repo.get();
}

describe('invoicing in the shared register: a change made again on a newer state', () => {
  it('takes the next number from the state someone else left, so two invoices never share a number', async () => {
    const base = await prepared();
    const [mine, theirs] = base.invoicing.invoices;
    // Meanwhile someone else issued `theirs` as number 1 (the shared store tells us when we commit).
    const latest = produce(base, (d) => {
      const other = d.invoicing.invoices.find((i) => i.id === theirs?.id);
      if (other) Object.assign(other, { status: 'issued', number: '1', issueDate: '2022-03-01', dueDate: '2022-03-31', voucherNumber: 1 });
      const settings = d.invoicing.settings[0];
      if (settings) Object.assign(settings, { nextInvoiceNumber: 2, nextVoucherNumber: 2 });
      d.meta.revision += 1;
    });
    let first = true;
    const ports: Ports = {
      clock: () => new Date('2022-03-01T10:00:00.000Z'),
      ids: (() => {
        let n = 0;
        return () => `s-${++n}`;
      })(),
      document: memoryPort(),
      initial: base,
      loadReport: { outcome: 'opened', messages: [] },
      app: { version: '0.0.0-test', mode: 'web', dataFile: 'minne', backupDir: '' },
      runner: createInProcessRunner(),
      shared: {
        async commit(attempt: CommitAttempt) {
          if (!first) return attempt.next;
          first = false;
          attempt.adopt(latest);
          return attempt.rerun(latest);
        },
      },
    };
    const { handlers, repo } = createHandlers(ports);
    const call = <C extends Channel>(channel: C, input: ChannelInput<C>) => dispatch(handlers, channel, input);
    const answer = await call('invoicing/issue', { invoiceIds: [mine?.id ?? ''], date: '2022-03-01' });
    expect(answer.ok).toBe(true);
    const issued = repo.get().invoicing.invoices.filter((i) => i.status === 'issued');
    expect(issued.map((i) => i.number).sort()).toEqual(['1', '2']);
    expect(repo.get().invoicing.invoices.find((i) => i.id === mine?.id)).toMatchObject({ number: '2', voucherNumber: 2 });
    expect(repo.get().invoicing.settings[0]).toMatchObject({ nextInvoiceNumber: 3, nextVoucherNumber: 3 });
    expect(repo.get().changeLog.at(-1)?.summary).toMatch(/^Utfärdade faktura 2 till /u);
  });

  it('refuses to change a draft that someone else has issued meanwhile', async () => {
    const base = await prepared();
    const target = base.invoicing.invoices[0];
    const latest = produce(base, (d) => {
      const invoice = d.invoicing.invoices[0];
      if (invoice) Object.assign(invoice, { status: 'issued', number: '1' });
      d.meta.revision += 1;
    });
    const ports: Ports = {
      clock: () => new Date('2022-03-01T10:00:00.000Z'),
      ids: () => 'x',
      document: memoryPort(),
      initial: base,
      loadReport: { outcome: 'opened', messages: [] },
      app: { version: '0.0.0-test', mode: 'web', dataFile: 'minne', backupDir: '' },
      runner: createInProcessRunner(),
      shared: {
        async commit(attempt: CommitAttempt) {
          attempt.adopt(latest);
          return attempt.rerun(latest);
        },
      },
    };
    const { handlers, repo } = createHandlers(ports);
    const answer = await dispatch(handlers, 'invoicing/draft-update', { invoiceId: target?.id ?? '', note: 'Ny text' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toBe('Faktura 1 är utfärdad och kan inte ändras eller tas bort. Rätta den med en kreditfaktura.');
    expect(repo.get().invoicing.invoices[0]).not.toHaveProperty('note');
  });
});
