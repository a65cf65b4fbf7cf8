/**
 * The ten services, where each one's users and managers are found in the plan, and the short descriptions
 * (Swedish, condensed from the plan's own text).
 */
import type { BusinessArea } from '../../electron/core/store/schema';

export type UserListSource =
  | {
      kind: 'list';
      /** Heading line right above the list, within the service's section. */
      heading: string;
      match?: 'exact' | 'prefix';
      /** Where the export ran the next heading into the list. */
      stopAt?: string;
    }
  /** The plan states that the service has no users; `evidence` must occur in the section. */
  | { kind: 'none'; evidence: string };

export type ServiceSpec = {
  slug: string;
  name: string;
  businessArea: BusinessArea;
  description: string;
  /** Section of the plan: from this heading up to the next. */
  section: readonly [start: string, end: string];
  users: UserListSource;
  /** Whether the section's "Teknisk förvaltare/Drifttjänst/…" lines describe this service. */
  managersFromSection: boolean;
  /** Extra note on the governance council. */
  councilNote?: string;
};

export const SERVICE_SPECS: readonly ServiceSpec[] = [
  {
    slug: 'bibblix',
    name: 'Bibblix',
    businessArea: 'kultur-och-delaktighet',
    description:
      'Barnbiblioteksapp (bibblix.se) för 6–12-åringar, utvecklad tillsammans med barn. E-böcker utvalda av ' +
      'barnbibliotekarier; fast kostnad per år för kommunen oavsett antal lån.',
    section: ['Bibblix för folkbibliotek i Sverige', 'Egil'],
    users: { kind: 'list', heading: 'Användande kommuner' },
    managersFromSection: true,
    councilNote: 'Enligt planen ska Sambruk under året fastställa förvaltningsorganisationen för Bibblix.',
  },
  {
    slug: 'egil',
    name: 'EGIL',
    businessArea: 'skola',
    description:
      'Skapar, underhåller och raderar automatiskt elevernas användarkonton i digitala läromedel och i ' +
      'Digitala nationella prov (DNP). Bygger på SS 12000; leverantörsoberoende.',
    section: ['Egil', 'Ekonomiskt bistånd'],
    users: { kind: 'list', heading: 'Deltagande kommuner:' },
    managersFromSection: true,
  },
  {
    slug: 'multifraga',
    name: 'Multifråga',
    businessArea: 'stod-och-bistand',
    description:
      'Webbaserat system som hämtar uppgifter från flera myndigheter (bl.a. Försäkringskassan, CSN, ' +
      'Skatteverket och a-kassorna) till handläggningen av ekonomiskt bistånd. Multifråga XL utvecklas 2022.',
    section: ['Ekonomiskt bistånd', 'FixaMinGata'],
    users: { kind: 'list', heading: 'Användande kommuner - Multifråga', stopAt: 'Användande kommuner' },
    managersFromSection: true,
  },
  {
    slug: 'eansokan-ekbist',
    name: 'eAnsökan-EkBist',
    businessArea: 'stod-och-bistand',
    description:
      'E-tjänst som vägleder den som söker fortsatt ekonomiskt bistånd genom ansökan, med kontroller av ' +
      'ifyllda uppgifter. Enligt planen ingen användarkommun sedan 2021.',
    section: ['Ekonomiskt bistånd', 'FixaMinGata'],
    users: { kind: 'none', evidence: 'Från och med 2021 finns för tillfället inte någon användarkommun till e-tjänsten' },
    managersFromSection: true,
  },
  {
    slug: 'fixamingata',
    name: 'FixaMinGata',
    businessArea: 'trafik',
    description:
      'Sverigegemensam app och webbplats där invånare och besökare felanmäler problem i stads- och ' +
      'gatumiljön. Integrerad med Infracontrol och ServiceNow.',
    section: ['FixaMinGata', 'Provisum'],
    users: { kind: 'list', heading: 'Användande kommuner' },
    managersFromSection: true,
  },
  {
    slug: 'provisum',
    name: 'Provisum',
    businessArea: 'stod-och-bistand',
    description:
      'Handläggarstöd och verksamhetssystem för överförmyndarverksamhet, med checklistor, dokumentmallar, ' +
      'automatgranskning och e-tjänster för ställföreträdare. E-tjänsten Valter 2.0 tas fram 2022.',
    section: ['Provisum', 'Tillarbetslivet'],
    users: { kind: 'list', heading: 'Användande kommuner' },
    managersFromSection: true,
  },
  {
    slug: 'tillarbetslivet',
    name: 'Tillarbetslivet',
    businessArea: 'skola',
    description:
      'E-tjänst (tillarbetslivet.nu) för praktik, prao, studiebesök och APL som kopplar samman elever med ' +
      'arbetsplatser.',
    section: ['Tillarbetslivet', 'UKA'],
    users: { kind: 'list', heading: 'Deltagande kommuner' },
    managersFromSection: true,
  },
  {
    slug: 'uka',
    name: 'UKA',
    businessArea: 'skola',
    description:
      'Uppföljnings- och dokumentationssystem för det kommunala aktivitetsansvaret för ungdomar under 20 år, ' +
      'med underlag för rapporteringen till SCB.',
    section: ['UKA', 'Öppna verksamhetssystem skola'],
    users: { kind: 'list', heading: 'Användande kommuner' },
    managersFromSection: true,
  },
  {
    slug: 'uka-beda',
    name: 'UKA–BEDA integration',
    businessArea: 'skola',
    description: 'Integration från UKA till BEDA. Planen beskriver den inte närmare än med listan över användande kommuner.',
    section: ['UKA', 'Öppna verksamhetssystem skola'],
    users: { kind: 'list', heading: 'Kommuner som nyttjar integration UKA', match: 'prefix' },
    // The plan's managers are headed "Förvaltning UKA"; it names none for the integration.
    managersFromSection: false,
  },
  {
    slug: 'oppna-verksamhetssystem-skola',
    name: 'Öppna verksamhetssystem skola',
    businessArea: 'skola',
    description:
      'Arbete för öppna standarder för skoldata: SS 12000 (via SIS) och beställningar och leveranser av digitala ' +
      'läromedel (BoL, inom FFIS/SIS AG06).',
    section: ['Öppna verksamhetssystem skola', 'Projekt'],
    users: { kind: 'list', heading: 'Deltagande kommuner' },
    managersFromSection: true,
  },
];

/** Manager lines in a service section and the service field each fills. */
export const MANAGER_LABELS = [
  { label: 'Teknisk förvaltare', field: 'technicalManager' },
  { label: 'Drifttjänst', field: 'operator' },
  { label: 'Innehållsförvaltare', field: 'contentManager' },
  { label: 'Innehållsleverantör', field: 'supplier' },
] as const;
