/**
 * Answers of the reaching channels (issue 18): the global search, the contacts directory, the organisations that
 * do not use a service, saved selections and the mail plans made from them.
 */
import type { ContactRow, MatchRank } from './members';
import type { MailKind, Selection } from './records';

export type SearchHitOrganisation = { id: string; name: string; kindLabel: string; archived: boolean; matchRank: MatchRank | 5 };
export type SearchHitContact = {
  id: string;
  name: string;
  email: string;
  phoneDisplay: string;
  organisationId: string;
  organisationName: string;
  active: boolean;
};
export type SearchHitNetwork = { id: string; name: string; kindLabel: string; archived: boolean };
/** A municipality of the reference list that is not in the register, offered for adding. */
export type SearchHitMunicipality = { code: string; name: string; countyName: string; population: number };

export type SearchAnswer = {
  query: string;
  organisations: SearchHitOrganisation[];
  contacts: SearchHitContact[];
  networks: SearchHitNetwork[];
  missingMunicipalities: SearchHitMunicipality[];
};

export type DirectoryAnswer = { total: number; rows: ContactRow[] };

export type NonUserContact = { id: string; name: string; email: string; phoneDisplay: string; roleLabels: string[] };
export type NonUserRow = {
  /** Absent for a municipality of the reference list that is not in the register. */
  organisationId?: string;
  municipalityCode?: string;
  name: string;
  kindLabel: string;
  member: boolean;
  population: number;
  countyName: string;
  /** Active contacts of the service's business area (all active contacts when the service has none). */
  contacts: NonUserContact[];
};
export type NonUsersAnswer = {
  serviceId: string;
  serviceName: string;
  businessAreaLabel: string;
  date: string;
  includeNonMembers: boolean;
  memberCount: number;
  rows: NonUserRow[];
};

export type SelectionSummary = Selection & { description: string };

export type ReachOmitted = { contactId: string; name: string; organisationName: string; reason: 'saknar-samtycke' | 'saknar-e-post' };
export type ReachAnswer = {
  kind: MailKind;
  summary: string;
  addresses: string[];
  /** The addresses as mailto: links with BCC, in batches a mail program accepts. */
  batches: { url: string; count: number }[];
  omitted: ReachOmitted[];
};
