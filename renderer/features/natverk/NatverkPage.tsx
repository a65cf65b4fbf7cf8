import type { PageProps } from '../../app/page-props';
import { parseKindFilter } from './network-list.view-model';
import { NetworkDetailView, parseDetailTab } from './NetworkDetailView';
import { NetworkListView } from './NetworkListView';
import { parseCalendarDate } from '../../../electron/contract/rules/calendar-date';

/**
 * Nätverk: `#/natverk` lists the networks (`?typ=projekt`, `?datum=2022-06-30`, `?arkiverade=ja`);
 * `#/natverk/<id>` is one network's page (`?flik=moten|narvaro`, `?datum=`; `?flik=moten&narvaro=<meeting>` opens
 * that meeting's attendance, as Översikt's «Möten utan registrerad närvaro» does).
 */
export function NatverkPage({ params, query }: PageProps) {
  const networkId = params[0];
  const date = parseCalendarDate(query.get('datum'));
  if (networkId !== undefined && networkId !== '') {
    return (
      <NetworkDetailView
        key={networkId}
        networkId={networkId}
        date={date}
        tab={parseDetailTab(query.get('flik'))}
        attendanceFor={query.get('narvaro') ?? undefined}
      />
    );
  }
  return <NetworkListView kind={parseKindFilter(query.get('typ'))} date={date} showArchived={query.get('arkiverade') === 'ja'} />;
}
