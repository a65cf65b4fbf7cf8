/** The plan's stated figures beside the register's: each subject counted as the header of plan-figures.ts says. */
import { describe, expect, it } from 'vitest';
import { comparisonText, planFigureComparisons } from '../../../electron/core/domain/plan-figures';
import type { PlanFigure } from '../../../electron/core/store/schema';
import { contact, entry, makeDocument, membership, municipality, network, organisation, service, usage } from '../../fixtures/services/documents';

const figure = (id: string, subject: PlanFigure['subject'], value: number, extra: Partial<PlanFigure> = {}): PlanFigure => ({
  id,
  subject,
  date: '2022-01-01',
  value,
  source: 'Verksamhetsplan 2022',
  note: '',
  ...extra,
});

describe('plan figures', () => {
  const ale = municipality('Ale');
  const boras = municipality('Borås');
  const habo = municipality('Habo');
  const aneby = municipality('Aneby');
  const group = organisation('grp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [habo.id, aneby.id] });
  const base = makeDocument({
    organisations: [ale, boras, habo, aneby, group],
    memberships: [membership(ale.id, '2010-01-01'), membership(group.id, '2015-01-01')],
    contacts: [contact('c1', boras.id, 'Bo Ek')],
    services: [service('egil', 'EGIL')],
    // The group uses EGIL for its two municipalities; Ale directly; Borås (not a member) directly too.
    usages: [usage('u1', group.id, 'egil', '2021-01-01'), usage('u2', ale.id, 'egil', '2021-01-01'), usage('u3', boras.id, 'egil', '2021-01-01')],
    networks: [
      network('appar', 'projekt', 'Hantering av appar', {
        roster: [entry('e1', { organisationId: group.id, from: '2021-01-01' }), entry('e2', { contactId: 'c1', organisationId: boras.id, from: '2022-03-01' })],
      }),
    ],
  });

  it('sets each stated figure beside the register’s at the same date, with the difference', () => {
    const doc = {
      ...base,
      planFigures: [
        figure('m', 'members', 6),
        figure('s', 'service-municipalities', 3, { subjectId: 'egil' }),
        figure('n', 'network-municipalities', 21, { subjectId: 'appar', date: '2022-04-28' }),
      ],
    };
    expect(planFigureComparisons(doc).map((c) => [c.label, c.planValue, c.registerValue, c.difference, c.text])).toEqual([
      // Members: Ale, the group, Habo, Aneby.
      ['Medlemmar', 6, 4, -2, 'Planen anger 6; registret namnger 4 (2 färre).'],
      // Municipalities using EGIL: Ale, Borås, Habo and Aneby through the group; the group itself is no municipality.
      ['Kommuner som använder EGIL', 3, 4, 1, 'Planen anger 3; registret namnger 4 (1 fler).'],
      // On the roster on 28 April: the group's two and Borås through its person.
      ['Kommuner i Hantering av appar', 21, 3, -18, 'Planen anger 21; registret namnger 3 (18 färre).'],
    ]);
  });

  it('counts a roster at the figure’s own date and leaves out a figure whose subject is gone', () => {
    const doc = { ...base, planFigures: [figure('n', 'network-municipalities', 2, { subjectId: 'appar' }), figure('x', 'service-municipalities', 1, { subjectId: 'borta' })] };
    expect(planFigureComparisons(doc).map((c) => [c.id, c.registerValue, c.text])).toEqual([['n', 2, 'Planen anger 2; registret namnger 2 (samma antal).']]);
  });

  it('writes large figures grouped in threes', () => {
    expect(comparisonText(1200, 1000)).toBe('Planen anger 1\u00a0200; registret namnger 1\u00a0000 (200 färre).');
  });
});
