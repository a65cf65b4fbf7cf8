/** The catalogue table: `services/list` joined with the member share from `usage/get-adoption` at the same date. */
import type { AdoptionReport, ServiceSummary } from '../../../electron/contract';
import { formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { describePricing } from './pricing.view-model';
import { describeServiceUse } from '../../../electron/core/domain/usage-matrix';
import { countOf, nouns } from '../../../electron/core/domain/swedish';

const t = sv.tjanster;

export type CatalogueRowVm = {
  serviceId: string;
  name: string;
  description: string;
  /** Technical manager, then the operator with its label: the catalogue's "who runs it" column. */
  managers: string[];
  area: string;
  /** «42 (25 medlemmar)»: every user, and the members among them that the share counts. */
  users: string;
  /** The users in words with how they are reached («42 användare, varav 13 via Göteborgsregionen …»). */
  usersDetail: string;
  /** «26,0 % (25 av 96)»: the same members as in `users`, over all members. */
  memberShare: string;
  pricing: string;
  missingPrice: boolean;
  council: string;
  archived: boolean;
};

export function catalogueRows(services: readonly ServiceSummary[], adoption: AdoptionReport | undefined): CatalogueRowVm[] {
  const figures = new Map(adoption?.services.map((s) => [s.serviceId, s]) ?? []);
  return services.map((s) => {
    const f = figures.get(s.id);
    const share = f?.memberShare;
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
      // Users and share come from the one users rule, so the members in «Användare» are those the share divides.
      users: f ? `${formatNumber(s.userCount)} (${countOf(f.memberUsers, nouns.medlem)})` : formatNumber(s.userCount),
      usersDetail: f ? describeServiceUse(f.usersBreakdown, { noun: { one: 'användare', other: 'användare' } }) : formatNumber(s.userCount),
      // Archived services are not in the adoption report: no share rather than a wrong one.
      memberShare:
        !f || share === undefined || share === null
          ? t.none
          : `${formatPercent(share)} (${formatNumber(f.memberUsers)} av ${formatNumber(f.memberCount)})`,
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
