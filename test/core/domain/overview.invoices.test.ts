import { beforeAll, describe, expect, it } from 'vitest';
import type { AttentionGroup, AttentionItem, Result } from '../../../electron/contract';
import { attentionAt, ATTENTION_ITEMS_SHOWN } from '../../../electron/core/domain/overview';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';

async function data<T>(answer: Promise<Result<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const groupOf = (groups: AttentionGroup[], kind: AttentionItem['kind']) => groups.find((g) => g.kind === kind);

describe('Översikt: unpaid and overdue invoices', () => {
  let doc: SambrukDocument;
  let issuedCount: number;
  let partPaid: { id: string; number: string; totalOre: number };
  let paidId: string;
  let creditedId: string;

  beforeAll(async () => {
    const s = createTestServices({ initial: loadDefaultDocument(), now: '2022-02-01T09:00:00.000Z' });
    const run = await data(s.call('invoicing/run-draft', { year: 2022 }));
    const { issued } = await data(s.call('invoicing/issue', { runId: run.id, date: '2022-02-01' }));
    issuedCount = issued.length;
    const [a, b, c] = issued;
    partPaid = { id: a?.id ?? '', number: a?.number ?? '', totalOre: a?.totalOre ?? 0 };
    await data(s.call('invoicing/payment-record', { invoiceId: partPaid.id, date: '2022-02-20', amountOre: 10_000 }));
    paidId = b?.id ?? '';
    await data(s.call('invoicing/payment-record', { invoiceId: paidId, date: '2022-02-20', amountOre: b?.totalOre ?? 0 }));
    creditedId = c?.id ?? '';
    await data(s.call('invoicing/credit', { invoiceId: creditedId, reason: 'Fel kund', date: '2022-02-21' }));
    doc = s.repo.get();
  }, 60_000);

  it('lists nothing about invoices while none is issued', () => {
    const groups = attentionAt(loadDefaultDocument(), '2022-06-30');
    expect(groupOf(groups, 'invoice-overdue')).toBeUndefined();
    expect(groupOf(groups, 'invoice-unpaid')).toBeUndefined();
  });

  it('before the due date: every invoice with something left is unpaid, none overdue; paid and credited ones are left out', () => {
    const groups = attentionAt(doc, '2022-03-03');
    expect(groupOf(groups, 'invoice-overdue')).toBeUndefined();
    const unpaid = groupOf(groups, 'invoice-unpaid');
    expect(unpaid?.total).toBe(issuedCount - 2);
    expect(unpaid?.items).toHaveLength(ATTENTION_ITEMS_SHOWN);
    const ids = (unpaid?.items ?? []).map((i) => (i.kind === 'invoice-unpaid' ? i.invoiceId : ''));
    expect(ids).not.toContain(paidId);
    expect(ids).not.toContain(creditedId);
    const first = unpaid?.items.find((i) => i.kind === 'invoice-unpaid' && i.invoiceId === partPaid.id);
    expect(first).toEqual({ kind: 'invoice-unpaid', invoiceId: partPaid.id, number: partPaid.number, customerName: expect.any(String), dueDate: '2022-03-03', remainingOre: partPaid.totalOre - 10_000 });
  });

  it('the day after the due date: the same invoices are overdue, with the days counted', () => {
    const groups = attentionAt(doc, '2022-03-13');
    expect(groupOf(groups, 'invoice-unpaid')).toBeUndefined();
    const overdue = groupOf(groups, 'invoice-overdue');
    expect(overdue?.total).toBe(issuedCount - 2);
    expect(overdue?.items[0]).toMatchObject({ kind: 'invoice-overdue', dueDate: '2022-03-03', overdueDays: 10 });
    // Översikt shows invoices after the other kinds, overdue before unpaid.
    expect(groups.map((g) => g.kind).slice(-1)).toEqual(['invoice-overdue']);
  });
});
