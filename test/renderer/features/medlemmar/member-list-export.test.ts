/** The member list's Excel export: the services count carries its breakdown, as the screen's cell does. */
import { describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../../electron/contract';
import { memberListExport } from '../../../../renderer/features/medlemmar/member-list-export';
import { emptyFilters } from '../../../../renderer/features/medlemmar/member-list.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';

const t = sv.medlemmar.list;

function row(id: string, name: string, breakdown: OrganisationRow['servicesUsedBreakdown']): OrganisationRow {
  return {
    id,
    kind: 'kommun',
    kindLabel: 'Kommun',
    name,
    countyName: 'Västra Götalands län',
    population: 30_000,
    status: 'medlem',
    statusLabel: 'Medlem',
    servicesUsed: breakdown.total,
    servicesUsedBreakdown: breakdown,
    archived: false,
    groupMemberCount: 0,
  };
}

describe('the member list export', () => {
  const rows = [
    row('a', 'Ale kommun', { total: 2, direct: 1, via: [{ organisationId: 'g', name: 'Göteborgsregionen', count: 1 }] }),
    row('b', 'Borås stad', { total: 3, direct: 3, via: [] }),
    row('c', 'Alingsås kommun', { total: 0, direct: 0, via: [] }),
    row('d', 'Eksjö kommun', {
      total: 4,
      direct: 0,
      via: [
        { organisationId: 'h', name: 'Höglandsförbundet', count: 3 },
        { organisationId: 's', name: 'Sydarkivera', count: 1 },
      ],
    }),
  ];

  it('writes the services count as total, own and via a group, in the screen order', () => {
    const file = memberListExport({ rows, feeYear: 2022 }, ['name', 'servicesUsed', 'population'], emptyFilters(), () => '');
    expect(file.columns).toEqual([
      { header: t.column.name, kind: 'text' },
      { header: t.column.servicesUsed, kind: 'integer' },
      { header: t.exportColumn.servicesDirect, kind: 'integer' },
      { header: t.exportColumn.servicesVia, kind: 'text' },
      { header: t.column.population, kind: 'integer' },
    ]);
    expect(file.rows).toEqual([
      ['Ale kommun', 2, 1, '1 via Göteborgsregionen', 30_000],
      ['Borås stad', 3, 3, null, 30_000],
      ['Alingsås kommun', 0, 0, null, 30_000],
      ['Eksjö kommun', 4, 0, '3 via Höglandsförbundet och 1 via Sydarkivera', 30_000],
    ]);
    // Every row has a cell for every column.
    for (const cells of file.rows) expect(cells).toHaveLength(file.columns.length);
  });

  it('leaves the breakdown out with the services column hidden', () => {
    const file = memberListExport({ rows, feeYear: 2022 }, ['name', 'population'], emptyFilters(), () => '');
    expect(file.columns.map((c) => c.header)).toEqual([t.column.name, t.column.population]);
    expect(file.rows[0]).toEqual(['Ale kommun', 30_000]);
  });
});
