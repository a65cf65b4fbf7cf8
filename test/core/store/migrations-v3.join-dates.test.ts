import { describe, expect, it } from 'vitest';
import { PLAN_MEMBERS_NOTE, toVersion3, V2_ASSUMED_JOIN_NOTE } from '../../../electron/core/store/migrations-v3';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import { membershipFeesForYear } from '../../../electron/core/domain/fees';
import { loadDefaultDocument } from '../../support/memory-document';

const invented = (id: string, extra: Record<string, unknown> = {}) => ({ id, organisationId: `org-${id}`, joined: '2021-01-01', note: V2_ASSUMED_JOIN_NOTE, ...extra });

describe('2 -> 3: join dates the default data invented become «före 2022-01-01»', () => {
  it('turns the periods that carry the default data\'s own note into «medlem sedan före 2022-01-01»', () => {
    const doc = toVersion3({ memberships: [invented('a'), invented('b', { noticeGiven: '2022-03-01', left: '2022-12-31' })] });
    expect(doc.memberships).toEqual([
      { id: 'a', organisationId: 'org-a', joined: '2022-01-01', startKnown: 'before', note: PLAN_MEMBERS_NOTE },
      { id: 'b', organisationId: 'org-b', joined: '2022-01-01', startKnown: 'before', note: PLAN_MEMBERS_NOTE, noticeGiven: '2022-03-01', left: '2022-12-31' },
    ]);
  });

  it('leaves every period a user entered as it is: another note, another date, or one that ended in 2021', () => {
    const kept = [
      { id: 'u', organisationId: 'org-u', joined: '2021-01-01', note: '' },
      invented('d', { joined: '2021-02-01' }),
      invented('e', { left: '2021-06-30' }),
      'skräp',
    ];
    expect(toVersion3({ memberships: kept }).memberships).toEqual(kept);
    expect(toVersion3({ schemaVersion: 2 })).not.toHaveProperty('memberships');
  });

  it('a version-2 register of the old default data opens with no entry fees for 2021', () => {
    const raw = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
    raw.schemaVersion = 2;
    raw.memberships = (raw.memberships as Record<string, unknown>[]).map(({ startKnown: _s, ...m }) => ({ ...m, joined: '2021-01-01', note: V2_ASSUMED_JOIN_NOTE }));
    const doc = parseDocumentText(JSON.stringify(raw));
    expect(doc.memberships.every((m) => m.startKnown === 'before' && m.joined === '2022-01-01')).toBe(true);
    expect(membershipFeesForYear(doc, 2021).entryOre).toBe(0);
  });
});
