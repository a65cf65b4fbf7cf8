/** The catalogue table: `services/list` joined with the member share from `usage/get-adoption` at the same date. */
import type { AdoptionReport, ServiceSummary } from '../../../electron/contract';
import { formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { describePricing } from './pricing.view-model';

const t = sv.tjanster;

export type CatalogueRowVm = {
  serviceId: string;
  name: string;
  description: string;
  /** Technical manager, then the operator with its label: the catalogue's "who runs it" column. */
  managers: string[];
  area: string;
  users: string;
  memberShare: string;
  pricing: string;
  missingPrice: boolean;
  council: string;
  archived: boolean;
};

export function catalogueRows(services: readonly ServiceSummary[], adoption: AdoptionReport | undefined): CatalogueRowVm[] {
  const shares = new Map(adoption?.services.map((s) => [s.serviceId, s.memberShare]) ?? []);
  return services.map((s) => {
    const share = shares.get(s.id);
    const managers = [
      ...(s.technicalManager ? [s.technicalManager] : []),
      ...(s.operator ? [t.catalogue.operatorLine(s.operator)] : []),
    ];
    return {
      serviceId: s.id,
      name: s.name,
      description: s.description,
      managers: managers.length > 0 ? managers : [t.none],
      area: s.businessArea ? t.businessAreas[s.businessArea] : t.none,
      users: formatNumber(s.userCount),
      // Archived services are not in the adoption report: no share rather than a wrong one.
      memberShare: share === undefined || share === null ? t.none : formatPercent(share),
      pricing: describePricing(s.currentPricing?.model),
      missingPrice: s.currentPricing === undefined,
      council: s.councilNetworkName ?? t.none,
      archived: s.archived,
    };
  });
}

/** Which part of the screen an address opens: `#/tjanster`, `/matris`, `/anvandning` or `/<serviceId>`. */
export type TjansterView = { kind: 'katalog' } | { kind: 'matris' } | { kind: 'anvandning' } | { kind: 'tjanst'; serviceId: string };

export const SECTION_PATHS = { matris: 'matris', anvandning: 'anvandning' } as const;

export function viewFromParams(params: readonly string[]): TjansterView {
  const [first] = params;
  if (first === undefined || first === '' || first === 'katalog') return { kind: 'katalog' };
  if (first === SECTION_PATHS.matris) return { kind: 'matris' };
  if (first === SECTION_PATHS.anvandning) return { kind: 'anvandning' };
  return { kind: 'tjanst', serviceId: first };
}
