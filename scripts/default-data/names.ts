/**
 * Names in the plan -> municipality codes and organisation ids.
 *
 * A name matches a municipality only when it is, letter for letter, SCB's short name (Unicode NFC, spaces
 * collapsed, case kept). Diacritics are never folded: "Habo" (0643, Jönköpings län) and "Håbo" (0305, Uppsala
 * län) are two municipalities, as are Upplands-Bro (hyphen) and Upplands Väsby (space). A name the plan spells
 * differently goes through NAME_CORRECTIONS, each with its reason; anything else fails the build.
 */
import type { MunicipalityRef, OrganisationKind } from '../../electron/core/store/schema';

export type NameCorrection = { planSpelling: string; officialName: string; reason: string };

/** Every spelling in the plan that is not an official short name, and what it means. Listed in DATA-NOTES.md. */
export const NAME_CORRECTIONS: readonly NameCorrection[] = [
  {
    planSpelling: 'Sävsjä',
    officialName: 'Sävsjö',
    reason: 'Stavfel i Provisums lista "Vetlanda(Eksjö, Aneby, Sävsjä, Nässjö)"; ingen kommun heter Sävsjä.',
  },
  {
    planSpelling: 'Båstads',
    officialName: 'Båstad',
    reason: 'Genitiv i "Alingsås, Båstads, Västerås, och Ängelholms kommuner" (EGIL:s projektparter).',
  },
  {
    planSpelling: 'Ängelholms',
    officialName: 'Ängelholm',
    reason: 'Genitiv i "Alingsås, Båstads, Västerås, och Ängelholms kommuner" (EGIL:s projektparter).',
  },
];

export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export type MunicipalityMatcher = {
  /** The municipality code for a name in the plan, or undefined when it is neither official nor a listed correction. */
  codeOf(name: string): string | undefined;
  /** Like `codeOf`, but throws one error listing every name in `names` that does not match. */
  codesOf(names: readonly string[], where: string): string[];
  officialName(code: string): string;
};

export function createMunicipalityMatcher(municipalities: readonly MunicipalityRef[]): MunicipalityMatcher {
  const byName = new Map(municipalities.map((m) => [normaliseName(m.name), m.code]));
  const byCode = new Map(municipalities.map((m) => [m.code, m.name]));
  const corrections = new Map<string, string>();
  for (const c of NAME_CORRECTIONS) {
    const code = byName.get(normaliseName(c.officialName));
    if (!code) throw new Error(`Rättelsen ${c.planSpelling} -> ${c.officialName}: ${c.officialName} är inget officiellt kommunnamn`);
    if (byName.has(normaliseName(c.planSpelling))) throw new Error(`Rättelsen ${c.planSpelling} skuggar ett officiellt kommunnamn`);
    corrections.set(normaliseName(c.planSpelling), code);
  }
  const codeOf = (name: string) => byName.get(normaliseName(name)) ?? corrections.get(normaliseName(name));
  return {
    codeOf,
    codesOf(names, where) {
      const unknown = names.filter((n) => codeOf(n) === undefined);
      if (unknown.length > 0) {
        throw new Error(
          `${where}: ${unknown.length} namn motsvarar ingen kommun (${unknown.map((n) => `"${n}"`).join(', ')}). ` +
            'Lägg till en dokumenterad rättelse i NAME_CORRECTIONS om planen stavar en kommun annorlunda.',
        );
      }
      return names.map((n) => codeOf(n) ?? '');
    },
    officialName(code) {
      const name = byCode.get(code);
      if (name === undefined) throw new Error(`Okänd kommunkod ${code}`);
      return name;
    },
  };
}

/** A group that uses services on behalf of its municipalities. */
export type GroupDefinition = {
  id: string;
  /** The name as the plan writes it. */
  planName: string;
  name: string;
  kind: Extract<OrganisationKind, 'kommunalforbund' | 'gemensam-namnd'>;
  countyCode: string;
  /**
   * Member municipalities by official name when the plan does not list them (public knowledge, source in
   * `note`); undefined when the plan's own parentheses list them (Norrort, Västra Gästrikland).
   */
  memberNames?: readonly string[];
  /** Whether the group itself is recorded as a member of the association (see DATA-NOTES.md). */
  isMember: boolean;
  note: string;
};

export const GROUPS: readonly GroupDefinition[] = [
  {
    id: 'org-goteborgsregionen',
    planName: 'Göteborgsregionen',
    name: 'Göteborgsregionen (GR)',
    kind: 'kommunalforbund',
    countyCode: '14',
    memberNames: [
      'Ale', 'Alingsås', 'Göteborg', 'Härryda', 'Kungsbacka', 'Kungälv', 'Lerum',
      'Lilla Edet', 'Mölndal', 'Partille', 'Stenungsund', 'Tjörn', 'Öckerö',
    ],
    isMember: true,
    note: 'Kommunalförbund med 13 medlemskommuner (offentlig uppgift, goteborgsregionen.se). Använder EGIL för sina kommuner.',
  },
  {
    id: 'org-hoglandsforbundet',
    planName: 'Höglandsförbundet',
    name: 'Höglandsförbundet',
    kind: 'kommunalforbund',
    countyCode: '06',
    // Five, as the plan says ("Höglandsförbundet (5 kommuner)"): Tranås is not a member of the federation
    // (hoglandet.se, "Om Höglandsförbundet": Aneby, Eksjö, Nässjö, Sävsjö och Vetlanda).
    memberNames: ['Aneby', 'Eksjö', 'Nässjö', 'Sävsjö', 'Vetlanda'],
    isMember: true,
    note: 'Kommunalförbund för Aneby, Eksjö, Nässjö, Sävsjö och Vetlanda (hoglandet.se). Använder EGIL och är projektpart/medfinansiär i EGIL.',
  },
  {
    id: 'org-norrort',
    planName: 'Norrort',
    name: 'Norrort',
    kind: 'gemensam-namnd',
    countyCode: '01',
    isMember: false,
    note:
      'Överförmyndarsamverkan som planen anger som Provisum-användare: "Norrort (Sollentuna, Sigtuna, Upplands Väsby, Vallentuna)". ' +
      'Planen anger ingen värdkommun; formen gemensam nämnd är ett antagande. Inget eget medlemskap registrerat.',
  },
  {
    id: 'org-vastra-gastrikland',
    planName: 'Västra Gästrikland',
    name: 'Västra Gästrikland',
    kind: 'gemensam-namnd',
    countyCode: '21',
    isMember: false,
    note:
      'Överförmyndarsamverkan som planen anger som Provisum-användare: "Västra Gästrikland (Sandviken, Hofors, Ockelbo)". ' +
      'Planen anger ingen värdkommun; formen gemensam nämnd är ett antagande. Inget eget medlemskap registrerat.',
  },
];

export function groupByPlanName(name: string): GroupDefinition | undefined {
  return GROUPS.find((g) => g.planName === normaliseName(name));
}

/** Organisations other than municipalities and groups that the plan names as partners, co-financiers or hosts. */
export type OtherOrganisation = { id: string; kind: 'region' | 'annan'; name: string; countyCode?: string; note: string };

export const OTHER_ORGANISATIONS: readonly OtherOrganisation[] = [
  { id: 'org-internetstiftelsen', kind: 'annan', name: 'Internetstiftelsen', note: 'Planen: "Internetstiftelsen i Sverige". Driver Skolfederation; medfinansiär i EGIL; finansierade Digidel 2020.' },
  { id: 'org-digg', kind: 'annan', name: 'Myndigheten för digital förvaltning (DIGG)', note: 'Samverkan inom Hack for Sweden (Hack for Sweden-rådet).' },
  { id: 'org-skolverket', kind: 'annan', name: 'Skolverket', note: 'Sektorsansvar för skolans digitalisering; FFIS; Digitala nationella prov.' },
  { id: 'org-skr', kind: 'annan', name: 'Sveriges Kommuner och Regioner (SKR)', note: 'KLM-nätverket är upprättat hos SKR.' },
  { id: 'org-inera', kind: 'annan', name: 'Inera AB', note: 'Kompletterar Sambruk enligt planen (SKR/Inera).' },
  { id: 'org-vlm-institutet', kind: 'annan', name: 'VLM-institutet', note: 'Sambruk ingår i VLM-institutets forskningsråd.' },
  { id: 'org-esam', kind: 'annan', name: 'eSam', note: 'Möjlig samverkan undersöks.' },
  { id: 'org-os2', kind: 'annan', name: 'OS2 (Danmark)', note: 'Dansk kommunal samverkan; valadministrativt system Valghalla 2.0; medverkade i IoT-seminarium.' },
  { id: 'org-iot-sverige', kind: 'annan', name: 'IoT Sverige', note: 'Program som kontaktat Sambruk om gemensamma webbinarier om IoT.' },
  { id: 'org-hogskolan-i-skovde', kind: 'annan', name: 'Högskolan i Skövde', note: 'Deltar i nätverket för digital signering.' },
  { id: 'org-region-jonkoping', kind: 'region', name: 'Region Jönköpings län', countyCode: '06', note: 'Planen: "Region Jönköping". Samverkan diskuteras; IoT-arbete.' },
  { id: 'org-vastra-gotalandsregionen', kind: 'region', name: 'Västra Götalandsregionen', countyCode: '14', note: 'Har enligt planen agerat med kraft för Digidel; nämns i IoT-avsnittet.' },
];

export function municipalityOrgId(code: string): string {
  return `org-kommun-${code}`;
}
