/**
 * Coverage (the Teckal check): `register/coverage` -> a members × business areas grid whose cells say in
 * words whether a contact person is registered, which contacts are not confirmed in 12 months, and totals.
 */
import type { CoverageModel } from '../../../electron/contract';
import type { BusinessArea } from '../../../electron/core/store/schema';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

const t = sv.medlemmar.coverage;

export type CoverageCellVm = {
  area: BusinessArea;
  covered: boolean;
  /** Contact names; a stale one is marked in words. */
  names: { name: string; stale: boolean }[];
};
export type CoverageRowVm = { id: string; name: string; kind: string; status: string; cells: CoverageCellVm[]; staleNames: string[]; missingCount: number };
export type CoverageStatVm = { id: string; label: string; value: string; attention: boolean };
export type CoverageVm = {
  intro: string;
  areas: { area: BusinessArea; label: string }[];
  rows: CoverageRowVm[];
  stats: CoverageStatVm[];
  /** Members missing a contact, per area, in area order. */
  missingByArea: { area: BusinessArea; value: string }[];
  staleTotal: string;
};

export function coverageViewModel(model: CoverageModel, onlyGaps: boolean): CoverageVm {
  const rows = model.rows
    .filter((r) => !onlyGaps || r.missingAreas.length > 0 || r.staleContacts.length > 0)
    .map((r) => ({
      id: r.organisationId,
      name: r.name,
      kind: r.kindLabel,
      status: sv.medlemmar.statuses[r.status],
      cells: r.cells.map((c) => ({ area: c.area, covered: c.covered, names: c.contacts.map((p) => ({ name: p.name, stale: p.stale })) })),
      staleNames: r.staleContacts.map((c) => c.name),
      missingCount: r.missingAreas.length,
    }));
  const totals = model.totals;
  return {
    intro: t.intro(formatDate(model.date, 'long'), formatDate(model.confirmedSince)),
    areas: model.areas.map((a) => ({ area: a.area, label: sv.medlemmar.areas[a.area] })),
    rows,
    stats: [
      { id: 'members', label: t.members, value: formatNumber(totals.members), attention: false },
      { id: 'fullyCovered', label: t.fullyCovered, value: formatNumber(totals.fullyCovered), attention: false },
      { id: 'missingAny', label: t.missingAny, value: formatNumber(totals.membersMissingAny), attention: totals.membersMissingAny > 0 },
      { id: 'stale', label: t.stale, value: formatNumber(totals.staleContacts), attention: totals.staleContacts > 0 },
    ],
    missingByArea: model.areas.map((a) => ({ area: a.area, value: formatNumber(totals.missingByArea[a.area]) })),
    staleTotal: formatNumber(totals.staleContacts),
  };
}
