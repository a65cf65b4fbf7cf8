/**
 * Competence networks, projects and partnerships as the plan describes them. Each names the plan heading it
 * comes from (the build checks the heading exists) and only the participants the plan names; the governance
 * councils are made per service in build.ts.
 */
import type { NetworkKind, RosterEntry } from '../../electron/core/store/schema';

/** Assumed first day for memberships, usages and roster entries whose start the plan does not give. */
export const ASSUMED_START = '2021-01-01';
/** Said on each usage starting on ASSUMED_START, so that «Om uppgifterna» can list them as assumed. */
export const ASSUMED_USAGE_NOTE = `Startdatum ${ASSUMED_START} är ett antagande: planen beskriver användarna vid årsskiftet 2021/22, inte sedan när.`;
/** Projects the plan describes as starting during 2022. */
export const PLAN_YEAR_START = '2022-01-01';

export type RosterSpec = (
  | { organisationId: string }
  /** A municipality by its name in the plan (resolved through the name matcher). */
  | { municipality: string }
  | { externalName: string }
) & { participation?: RosterEntry['participation']; from?: string; to?: string };

export type NetworkSpec = {
  id: string;
  kind: Exclude<NetworkKind, 'forvaltningsrad'>;
  name: string;
  /** The plan's heading for the network (checked to exist). */
  planHeading: string;
  /** Words that must occur in the plan when the heading alone does not name the network. */
  evidence?: string;
  description: string;
  startDate?: string;
  roster: readonly RosterSpec[];
};

export const NETWORK_SPECS: readonly NetworkSpec[] = [
  // ------------------------------------------------------------ competence networks
  {
    id: 'net-digital-signering',
    kind: 'kompetensnatverk',
    name: 'Digital signering',
    planHeading: 'Digital signering - nätverk',
    description:
      'Kompetens- och erfarenhetsutbyte inom digital signering, drivet tillsammans med nätverket Kivos. ' +
      'Seminariedagar; ämnen efter regionala och lokala behov. Intresse även från kommuner som inte är medlemmar.',
    roster: [
      { externalName: 'Kivos', participation: 'partner' },
      { organisationId: 'org-hogskolan-i-skovde', participation: 'deltagare' },
    ],
  },
  {
    id: 'net-strategisk-kravstallan-skola',
    kind: 'kompetensnatverk',
    name: 'Strategisk kravställan inom skolan',
    planHeading: 'Strategisk kravställan inom skolan',
    description:
      'Nätverk för kravställan och upphandling av elevregister. Träffas någon gång per termin med erfarenhetsutbyte ' +
      'och externa föreläsare. Planen namnger inga deltagande kommuner.',
    roster: [],
  },
  {
    id: 'net-digidel',
    kind: 'kompetensnatverk',
    name: 'Digidel',
    planHeading: 'Digidel',
    description:
      'Digidelnätverket för digital delaktighet: ALL DIGITAL Week, e-Medborgarveckan och stöd till Digidelcenter. ' +
      'Sambruk har deltagit i den nationella samverkansgruppen sedan 2014 och samordnat nätverket med regeringsbidrag ' +
      '2018–2019. Finansiering klar för första halvåret 2022; långsiktig lösning söks.',
    startDate: '2014-01-01',
    roster: [
      { organisationId: 'org-internetstiftelsen', participation: 'medfinansiar', from: '2020-01-01', to: '2020-12-31' },
      { organisationId: 'org-vastra-gotalandsregionen', participation: 'partner' },
    ],
  },
  {
    id: 'net-iot',
    kind: 'kompetensnatverk',
    name: 'IoT i kommunal verksamhet',
    planHeading: 'IoT Sverige',
    description:
      'Nätverk om nyttjande av IoT i kommunal verksamhet; först underlag för kommunernas egna IoT-strategier. ' +
      'Fyra kommuner har anmält intresse (namnges inte i planen). IoT Sverige vill ordna webbinarier tillsammans ' +
      'med Sambruk; en seminarieserie har tagits fram med Sopra Steria.',
    roster: [
      { organisationId: 'org-iot-sverige', participation: 'partner' },
      { organisationId: 'org-region-jonkoping', participation: 'partner' },
      { organisationId: 'org-os2', participation: 'partner' },
      { externalName: 'Sopra Steria', participation: 'partner' },
    ],
  },
  // ------------------------------------------------------------ projects
  {
    id: 'net-egil-projektparter',
    kind: 'projekt',
    name: 'EGIL – projektparter och medfinansiärer',
    planHeading: 'Deltagande projektparter, medfinansiärer:',
    description:
      'EGIL:s projektparter och medfinansiärer enligt planen. Planen skiljer inte parter från medfinansiärer: ' +
      'kommuner, Höglandsförbundet och Internetstiftelsen är registrerade som medfinansiärer, läromedelsförlagen som partner.',
    // Filled from the plan's list in build.ts.
    roster: [],
  },
  {
    id: 'net-multifraga-xl',
    kind: 'projekt',
    name: 'Multifråga XL',
    planHeading: 'Ekonomiskt bistånd',
    evidence: 'projektet går under arbetsnamnet Multifråga XL',
    description:
      'Omfattande vidareutveckling av Multifråga 2022 i samverkan med Södertälje kommun: fler informationskällor och ' +
      'en ny arkitektur med komponenter från projektet Medborgarnavet.',
    startDate: PLAN_YEAR_START,
    roster: [{ municipality: 'Södertälje', participation: 'partner', from: PLAN_YEAR_START }],
  },
  {
    id: 'net-valadministrativt-system',
    kind: 'projekt',
    name: 'Valadministrativt system i samverkan med OS2',
    planHeading: 'Valadministrativ System i samverkan med OS2',
    description:
      'OS2 Danmark utvecklar 2022 ett nytt valadministrativt system, Valghalla 2.0, och vill samverka och samfinansiera. ' +
      'Förfrågan har gått till medlemmar och andra kommuner; öppet informationsmöte i början av januari 2022.',
    startDate: PLAN_YEAR_START,
    roster: [{ organisationId: 'org-os2', participation: 'partner', from: PLAN_YEAR_START }],
  },
  {
    id: 'net-klm',
    kind: 'projekt',
    name: 'KLM – kommunala lantmäterimyndigheter',
    planHeading: 'KLM kommunala lantmäterimyndigheterna',
    description:
      'På uppdrag av KLM-nätverkets styrgrupp tar Sambruk fram en projektplan för en kravspecifikation för ett ' +
      'gemensamt handläggningsstöd för de 40 kommunala lantmäterimyndigheterna. Nätverket är upprättat hos SKR. ' +
      'Vägval (Lantmäteriets nya system eller eget) väntas i april 2022.',
    startDate: PLAN_YEAR_START,
    roster: [
      { organisationId: 'org-skr', participation: 'partner', from: PLAN_YEAR_START },
      { externalName: 'KLM-nätverket', participation: 'partner', from: PLAN_YEAR_START },
    ],
  },
  {
    id: 'net-hantering-av-appar',
    kind: 'projekt',
    name: 'Hantering av appar och personuppgifter',
    planHeading: 'Hantering av appar och personuppgifter',
    description:
      'Två projekt enligt planen: ensade PUB-avtalsbilagor för digitala lärresurser (ett fåtal kommuner) och ' +
      'administrativ och juridisk hantering av appar i undervisningen (21 kommuner, namnges inte). Kravunderlag ' +
      'våren 2022, upphandlingsunderlag före sommaren och tilldelning hösten 2022.',
    startDate: PLAN_YEAR_START,
    roster: [],
  },
  // ------------------------------------------------------------ partnerships
  {
    id: 'net-skolfederation',
    kind: 'partnerskap',
    name: 'Skolfederation – Internetstiftelsen',
    planHeading: 'Skolfederation – Internetstiftelsen',
    description: 'Sambruk är aktiv samarbetspartner i Skolfederations seminarieserie om skolans digitalisering.',
    roster: [{ organisationId: 'org-internetstiftelsen', participation: 'partner' }],
  },
  {
    id: 'net-digg',
    kind: 'partnerskap',
    name: 'DIGG – Hack for Sweden',
    planHeading: 'DIGG',
    description: 'Samverkan med DIGG inom Hack for Sweden, där Sambruk är medlem i Hack for Sweden-rådet.',
    roster: [{ organisationId: 'org-digg', participation: 'partner' }],
  },
  {
    id: 'net-skolverket',
    kind: 'partnerskap',
    name: 'Skolverket',
    planHeading: 'Skolverket',
    description:
      'Formaliserad samverkan kring Skolverkets sektorsansvar för skolans digitalisering. Sambruk deltar i FFIS och ' +
      'i utvecklingen av Digitala nationella prov; Skolverket deltar i projekt som Sambruk ansvarar för.',
    roster: [{ organisationId: 'org-skolverket', participation: 'partner' }],
  },
  {
    id: 'net-skr-inera',
    kind: 'partnerskap',
    name: 'SKR/Inera',
    planHeading: 'SKR/Inera',
    description: 'Inera AB (delägt av SKR och kommunerna) och Sambruk kompletterar varandra med olika fokus.',
    roster: [
      { organisationId: 'org-skr', participation: 'partner' },
      { organisationId: 'org-inera', participation: 'partner' },
    ],
  },
  {
    id: 'net-goteborgsregionen',
    kind: 'partnerskap',
    name: 'Göteborgsregionen – skolans digitalisering',
    planHeading: 'Göteborgsregionen, GR',
    description: 'Samverkan med GR i initiativet Digitala produkter; fortsätter inom skolans digitalisering.',
    roster: [{ organisationId: 'org-goteborgsregionen', participation: 'partner' }],
  },
  {
    id: 'net-vlm-institutet',
    kind: 'partnerskap',
    name: 'VLM-institutet',
    planHeading: 'VLM institutet',
    description: 'Sambruk ingår i VLM-institutets forskningsråd.',
    roster: [{ organisationId: 'org-vlm-institutet', participation: 'partner' }],
  },
  {
    id: 'net-region-jonkoping',
    kind: 'partnerskap',
    name: 'Region Jönköpings län',
    planHeading: 'Region Jönköping',
    description: 'Samverkansmöjligheter diskuteras och ska definieras under 2022.',
    roster: [{ organisationId: 'org-region-jonkoping', participation: 'partner' }],
  },
  {
    id: 'net-esam',
    kind: 'partnerskap',
    name: 'eSam',
    planHeading: 'eSam',
    description: 'En möjlig samverkan mellan Sambruk (kommuner) och eSam (myndigheter) undersöks.',
    roster: [{ organisationId: 'org-esam', participation: 'partner' }],
  },
  // ------------------------------------------------------------ the board
  {
    id: 'net-styrelse',
    kind: 'styrelse',
    name: 'Styrelsen',
    planHeading: 'Styrelsen',
    evidence: 'minst tre medlemmar som inte jobbar med it',
    description:
      'Föreningens styrelse. Planens mål: minst tre ledamöter som inte arbetar med it. Planen namnger inga ledamöter; ' +
      'lägg in dem och markera för var och en om personen arbetar med it.',
    roster: [],
  },
];
