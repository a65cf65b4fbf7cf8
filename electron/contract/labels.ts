/**
 * One Swedish label per enumeration value, as the screens, the core's sentences and the workbooks all write
 * it. They sit beside the enumerations (`model/records.ts`) so that no layer keeps a copy of its own.
 */
import type { ErasureGround, MemberStatus } from './model/members';
import type {
  BudgetColumnKind,
  BusinessArea,
  ContactRole,
  LegalBasis,
  MeetingKind,
  NetworkKind,
  OrganisationKind,
  ParticipationKind,
  RosterRole,
} from './model/records';

export const organisationKindLabels: Readonly<Record<OrganisationKind, string>> = {
  kommun: 'Kommun',
  region: 'Region',
  kommunalforbund: 'Kommunalförbund',
  'gemensam-namnd': 'Gemensam nämnd',
  annan: 'Annan organisation',
};

export const memberStatusLabels: Readonly<Record<MemberStatus, string>> = {
  medlem: 'Medlem',
  uppsagd: 'Uppsagd (medlem till utträdet)',
  'medlem-via-grupp': 'Medlem via grupp',
  uttradd: 'Utträdd',
  'aldrig-medlem': 'Aldrig medlem',
};

export const businessAreaLabels: Readonly<Record<BusinessArea, string>> = {
  skola: 'Skola',
  'stod-och-bistand': 'Stöd och bistånd',
  'kultur-och-delaktighet': 'Kultur och delaktighet',
  trafik: 'Trafik',
  fastighet: 'Fastighet',
};

export const contactRoleLabels: Readonly<Record<ContactRole, string>> = {
  it: 'IT',
  ekonomi: 'Ekonomi',
  kommunledning: 'Kommunledning',
  annan: 'Annan',
};

export const legalBasisLabels: Readonly<Record<LegalBasis, string>> = {
  'allmant-intresse': 'Allmänt intresse (uppgift av allmänt intresse)',
  'berattigat-intresse': 'Berättigat intresse',
  avtal: 'Avtal',
  samtycke: 'Samtycke',
};

export const erasureGroundLabels: Readonly<Record<ErasureGround, string>> = {
  begaran: 'Personen har begärt radering',
  'behovs-inte': 'Uppgifterna behövs inte längre för ändamålet',
  invandning: 'Personen har invänt mot behandlingen',
  felaktig: 'Uppgifterna har behandlats felaktigt',
};

export const networkKindLabels: Readonly<Record<NetworkKind, string>> = {
  kompetensnatverk: 'Kompetensnätverk',
  forvaltningsrad: 'Förvaltningsråd',
  projekt: 'Projekt',
  partnerskap: 'Partnerskap',
  styrelse: 'Styrelse',
};

export const rosterRoleLabels: Readonly<Record<RosterRole, string>> = {
  ordforande: 'Ordförande',
  sammankallande: 'Sammankallande',
  ledamot: 'Ledamot',
  adjungerad: 'Adjungerad',
  deltagare: 'Deltagare',
};

export const participationLabels: Readonly<Record<ParticipationKind, string>> = {
  deltagare: 'Deltagare',
  medfinansiar: 'Medfinansiär',
  partner: 'Partner',
};

export const meetingKindLabels: Readonly<Record<MeetingKind, string>> = {
  mote: 'Möte',
  seminarium: 'Seminarium',
  webinar: 'Webbinarium',
  konferens: 'Konferens',
};

export const budgetColumnKindLabels: Readonly<Record<BudgetColumnKind, string>> = {
  utfall: 'Utfall',
  budget: 'Budget',
  prognos: 'Prognos',
};
