/** The assumptions grouped as the page shows them, each with the place it is dealt with. */
import { assumptionGroupLabels, assumptionGroups, type AssumptionPlace, type AssumptionsReport } from '../../../electron/contract/model/assumptions';
import { hrefTo } from '../../app/router';
import { omUppgifternaSv as t } from '../../lib/i18n/om-uppgifterna.sv';

export type AssumptionVm = { id: string; title: string; text: string; source: string; placeLabel: string; href: string };
export type AssumptionGroupVm = { id: string; heading: string; items: AssumptionVm[] };

const placeHref: Record<AssumptionPlace, () => string> = {
  avgiftstabell: () => hrefTo('medlemmar', ['avgifter']),
  folkmangd: () => hrefTo('data'),
  medlemmar: () => hrefTo('medlemmar'),
  oversikt: () => hrefTo('oversikt'),
  mal: () => hrefTo('styrelserapport'),
  tjanster: () => hrefTo('tjanster'),
  organisationer: () => hrefTo('medlemmar'),
  budget: () => hrefTo('budget'),
};

export function assumptionGroupsVm(report: AssumptionsReport): AssumptionGroupVm[] {
  return assumptionGroups
    .map((group) => ({
      id: group,
      heading: assumptionGroupLabels[group],
      items: report.items
        .filter((i) => i.group === group)
        .map((i) => ({ id: i.id, title: i.title, text: i.text, source: i.source, placeLabel: t.places[i.place], href: placeHref[i.place]() })),
    }))
    .filter((g) => g.items.length > 0);
}
