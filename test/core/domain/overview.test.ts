import { describe, expect, it } from 'vitest';
import { ATTENTION_ITEMS_SHOWN, attentionAt, overviewAt } from '../../../electron/core/domain/overview';
import type { Network } from '../../../electron/core/store/schema';
import { contact, municipality, period, referenceDocument } from '../../fixtures/register/documents';

const TODAY = '2022-06-30';
const base = referenceDocument();
const habo = municipality(base, '0643');
const savsjo = municipality(base, '0684');
const boras = municipality(base, '1490');

function network(meetings: Network['meetings'], extra: Partial<Network> = {}): Network {
  return {
    id: 'net-1',
    kind: 'kompetensnatverk',
    name: 'Digital signering',
    description: '',
    roster: [
      { id: 'r0', organisationId: habo.id, role: 'deltagare', participation: 'deltagare', from: '2020-01-01' },
      { id: 'r1', organisationId: habo.id, contactId: 'c1', role: 'deltagare', participation: 'deltagare', from: '2022-01-01' },
    ],
    meetings,
    archived: false,
    ...extra,
  };
}

function meeting(id: string, date: string, attendeeContactIds: string[] = []): Network['meetings'][number] {
  return { id, date, kind: 'mote', title: `Möte ${id}`, attendeeContactIds, note: '' };
}

describe('Översikt: what needs doing', () => {
  it('is empty when all is in order', () => {
    const doc = referenceDocument({ organisations: [habo], memberships: [period(habo.id, '2015-01-01')] });
    expect(attentionAt(doc, TODAY)).toEqual([]);
    expect(overviewAt(doc, TODAY).attention).toEqual([]);
  });

  it('lists memberships under notice or with a last day ahead, soonest first; not those already over', () => {
    const doc = referenceDocument({
      organisations: [habo, savsjo, boras],
      memberships: [
        period(habo.id, '2015-01-01', { noticeGiven: '2022-05-01' }),
        period(savsjo.id, '2015-01-01', { noticeGiven: '2022-03-01', left: '2022-12-31' }),
        period(boras.id, '2015-01-01', { left: '2022-06-29' }),
      ],
    });
    const [group] = attentionAt(doc, TODAY);
    expect(group).toEqual({
      kind: 'membership-ending',
      total: 2,
      items: [
        { kind: 'membership-ending', organisationId: savsjo.id, organisationName: 'Sävsjö', noticeGiven: '2022-03-01', left: '2022-12-31' },
        { kind: 'membership-ending', organisationId: habo.id, organisationName: 'Habo', noticeGiven: '2022-05-01' },
      ],
    });
  });

  it('lists active contacts not confirmed in 12 months, counted from creation when never confirmed', () => {
    const doc = referenceDocument({
      organisations: [habo],
      memberships: [period(habo.id, '2015-01-01')],
      contacts: [
        contact('old', habo.id, 'Gunnel Gammal', { confirmedAt: '2021-01-15' }),
        contact('never', habo.id, 'Nils Aldrig', { createdAt: '2020-05-01T08:00:00.000Z' }),
        contact('new', habo.id, 'Ny Idag', { createdAt: `${TODAY}T08:00:00.000Z` }),
        contact('fresh', habo.id, 'Färsk', { confirmedAt: '2022-06-01' }),
        contact('ended', habo.id, 'Slutad', { confirmedAt: '2019-01-01', endedAt: '2022-01-31' }),
      ],
    });
    const group = attentionAt(doc, TODAY).find((g) => g.kind === 'contact-unconfirmed');
    expect(group?.total).toBe(2);
    expect(group?.items).toEqual([
      { kind: 'contact-unconfirmed', contactId: 'never', contactName: 'Nils Aldrig', organisationId: habo.id, organisationName: 'Habo', since: '2020-05-01', confirmed: false },
      { kind: 'contact-unconfirmed', contactId: 'old', contactName: 'Gunnel Gammal', organisationId: habo.id, organisationName: 'Habo', since: '2021-01-15', confirmed: true },
    ]);
  });

  it('lists held meetings of the last year with no attendance and a person on the roster that day, newest first', () => {
    const doc = referenceDocument({
      organisations: [habo],
      memberships: [period(habo.id, '2015-01-01')],
      networks: [
        network([
          meeting('a', '2022-03-01'),
          meeting('b', '2022-05-01'),
          meeting('held', '2022-04-01', ['c1']),
          meeting('future', '2022-09-01'),
          meeting('old', '2021-06-29'),
          // Before the person joined the roster: no one to mark present.
          meeting('before', '2021-12-01'),
        ]),
        network([meeting('arch', '2022-05-01')], { id: 'net-2', name: 'Arkiverat', archived: true }),
        network([meeting('noroster', '2022-05-01')], { id: 'net-3', name: 'Utan deltagare', roster: [] }),
        network([meeting('orgsonly', '2022-05-01')], {
          id: 'net-4',
          name: 'Bara organisationer',
          roster: [{ id: 'r9', organisationId: habo.id, role: 'deltagare', participation: 'deltagare', from: '2020-01-01' }],
        }),
      ],
    });
    const group = attentionAt(doc, TODAY).find((g) => g.kind === 'meeting-no-attendance');
    expect(group?.items.map((i) => (i.kind === 'meeting-no-attendance' ? `${i.networkId}/${i.meetingId}` : ''))).toEqual(['net-1/b', 'net-1/a']);
  });

  it('lists the year’s goals at risk or missed, as the board pack judges them', () => {
    const doc = referenceDocument({
      organisations: [habo],
      memberships: [period(habo.id, '2015-01-01')],
      goals: [
        { id: 'g-many', year: 2022, title: 'Minst 125 medlemmar', description: '', metric: 'member-count', comparison: 'at-least', target: 125, order: 1 },
        { id: 'g-one', year: 2022, title: 'Minst en medlem', description: '', metric: 'member-count', comparison: 'at-least', target: 1, order: 2 },
        { id: 'g-next', year: 2023, title: 'Nästa år', description: '', metric: 'member-count', comparison: 'at-least', target: 500, order: 1 },
      ],
    });
    const group = attentionAt(doc, TODAY).find((g) => g.kind === 'goal-behind');
    expect(group).toEqual({ kind: 'goal-behind', total: 1, items: [{ kind: 'goal-behind', goalId: 'g-many', title: 'Minst 125 medlemmar', year: 2022, status: 'at-risk' }] });
  });

  it('shows the first few of a long list and counts them all, kinds in a fixed order', () => {
    const contacts = Array.from({ length: ATTENTION_ITEMS_SHOWN + 3 }, (_, i) => contact(`c${i}`, habo.id, `Person ${i}`, { confirmedAt: '2020-01-01' }));
    const doc = referenceDocument({
      organisations: [habo],
      memberships: [period(habo.id, '2015-01-01', { noticeGiven: '2022-01-01' })],
      contacts,
    });
    const groups = attentionAt(doc, TODAY);
    expect(groups.map((g) => g.kind)).toEqual(['membership-ending', 'contact-unconfirmed']);
    expect(groups[1]).toMatchObject({ total: ATTENTION_ITEMS_SHOWN + 3 });
    expect(groups[1]?.items).toHaveLength(ATTENTION_ITEMS_SHOWN);
  });
});
