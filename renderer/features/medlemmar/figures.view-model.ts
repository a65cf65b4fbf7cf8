/** Register figures for a year: `register/figures` -> stat cards and the joined/left lists. */
import type { RegisterFigures } from '../../../electron/contract';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.medlemmar.figures;

export type FigureStatVm = { id: string; label: string; value: string; hint?: string };
export type FigureListVm = { id: string; name: string; date: string };
export type FiguresVm = { stats: FigureStatVm[]; joined: FigureListVm[]; left: FigureListVm[] };

export function figuresViewModel(f: RegisterFigures): FiguresVm {
  const share: FigureStatVm =
    f.shareAtStart !== undefined && f.shareAtEnd !== undefined && f.swedenPopulation
      ? {
          id: 'share',
          label: t.share,
          value: formatPercent(f.shareAtEnd),
          hint: [
            t.shareValue(formatPercent(f.shareAtStart), formatPercent(f.shareAtEnd)),
            t.population(formatNumber(f.populationAtStart), formatNumber(f.populationAtEnd)),
            t.sweden(formatNumber(f.swedenPopulation.population), formatDate(f.swedenPopulation.date)),
          ].join('. '),
        }
      : { id: 'share', label: t.share, value: sv.medlemmar.common.none, hint: t.noSweden };
  const list = (members: RegisterFigures['joined']) => members.map((m) => ({ id: m.organisationId, name: m.name, date: formatDate(m.date) }));
  return {
    stats: [
      { id: 'atStart', label: t.atStart(formatDate(f.startDate)), value: formatNumber(f.membersAtStart) },
      { id: 'atEnd', label: t.atEnd(formatDate(f.endDate)), value: formatNumber(f.membersAtEnd) },
      { id: 'joined', label: t.joined, value: formatNumber(f.joinedDuring) },
      { id: 'left', label: t.left, value: formatNumber(f.leftDuring) },
      share,
    ],
    joined: list(f.joined),
    left: list(f.left),
  };
}

/** Years offered: ten back from next year. */
export function figureYears(today: string): number[] {
  const year = yearOf(today);
  return Array.from({ length: 11 }, (_, i) => year + 1 - i);
}
