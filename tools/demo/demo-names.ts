/**
 * Word lists for the demo data: common Swedish first names and surnames (SCB's most frequent, with å, ä, ö
 * and é kept so sorting, search and e-mail handling meet them), titles, and templates for the organisations,
 * services and networks a ten-times-larger association would have. Invented names only: no list here names
 * a real person.
 */
import type { BusinessArea } from '../../electron/core/store/schema';

export const firstNames = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Christina', 'Lena', 'Emma', 'Kerstin', 'Marie', 'Ingrid', 'Malin',
  'Elin', 'Sofia', 'Jenny', 'Linda', 'Hanna', 'Annika', 'Susanne', 'Monica', 'Åsa', 'Ulla', 'Helena', 'Camilla',
  'Ida', 'Johanna', 'Märta', 'Elsa', 'Maja', 'Agnes', 'Björg', 'Zeynep', 'Fatima', 'Amira', 'Noor', 'Léa',
  'Lars', 'Mikael', 'Anders', 'Johan', 'Erik', 'Per', 'Karl', 'Peter', 'Thomas', 'Jan', 'Daniel', 'Fredrik',
  'Hans', 'Bengt', 'Mattias', 'Magnus', 'Andreas', 'Stefan', 'Mats', 'Jonas', 'Marcus', 'Niklas', 'Björn',
  'Göran', 'Åke', 'Örjan', 'Håkan', 'Sören', 'Jörgen', 'Olle', 'Gustav', 'Oscar', 'Ali', 'Mohammed', 'Ahmed',
  'José', 'Emil', 'Viktor', 'Axel', 'Linnéa', 'Tuva', 'Ebba', 'Wilma', 'Selma',
] as const;

export const surnames = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson',
  'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg',
  'Lundgren', 'Lind', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg',
  'Sjöberg', 'Wallin', 'Ali', 'Engström', 'Mohamed', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk',
  'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström',
  'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Mårtensson',
  'Lundström', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Berggren', 'Sandström', 'Lund', 'Nordin', 'Ström',
  'Åberg', 'Hermansson', 'Ekström', 'Holmgren', 'Sundberg', 'Hedlund', 'Dahlberg', 'Hellström', 'Sjögren',
  'Abrahamsson', 'Falk', 'Öberg', 'Martinsson', 'Andreasson', 'Blom', 'Månsson', 'Strand', 'Åström', 'Nordqvist',
] as const;

export const titlesByArea: Record<BusinessArea | 'it' | 'ekonomi' | 'ledning', readonly string[]> = {
  skola: ['Skolchef', 'IT-pedagog', 'Systemförvaltare skola', 'Förvaltningschef utbildning', 'Digitaliseringsstrateg skola'],
  'stod-och-bistand': ['Enhetschef ekonomiskt bistånd', 'Socialchef', 'Verksamhetsutvecklare', 'Handläggare'],
  'kultur-och-delaktighet': ['Bibliotekschef', 'Kulturchef', 'Barnbibliotekarie', 'Fritidschef'],
  trafik: ['Trafikingenjör', 'Gatuchef', 'Samhällsbyggnadschef'],
  fastighet: ['Fastighetschef', 'Förvaltare', 'Lokalstrateg'],
  it: ['IT-chef', 'Digitaliseringschef', 'IT-arkitekt', 'Informationssäkerhetssamordnare', 'Systemförvaltare'],
  ekonomi: ['Ekonomichef', 'Controller', 'Redovisningsekonom'],
  ledning: ['Kommundirektör', 'Biträdande kommundirektör', 'Kanslichef', 'Utvecklingschef'],
};

/** Templates for companies and other bodies owned by or close to a municipality; `{m}` is the municipality. */
export const companyTemplates = [
  '{m} Energi AB', '{m} Vatten AB', '{m} Stadsnät AB', 'Bostadsbolaget i {m} AB', 'Fastighets AB {m}',
  '{m} Hamn AB', '{m} Parkering AB', '{m} Näringslivsbolag AB', 'Stiftelsen {m} Science Park', '{m} Renhållning AB',
  '{m} Turism AB', '{m} Kommunföretag AB', 'Stiftelsen Kulturhuset i {m}', '{m} Industrilokaler AB', '{m} Utvecklings AB',
] as const;

/** Federations: `{m}` and `{n}` are two municipalities of the same county, `{l}` the county's short name. */
export const federationTemplates = [
  'Räddningstjänsten {m}–{n}', 'Samordningsförbundet {m}–{n}', 'Miljöförbundet {m}–{n}', 'Överförmyndarförbundet {m}–{n}',
  'Kommunalförbundet {l} {m}', 'Vård- och omsorgsförbundet {m}', 'Gymnasieförbundet {m}–{n}', 'IT-förbundet {m}–{n}',
] as const;

export const jointCommitteeTemplates = [
  'Gemensamma IT-nämnden {m}–{n}', 'Gemensam lönenämnd {m}–{n}', 'Gemensamma överförmyndarnämnden {m}–{n}',
  'Gemensam servicenämnd {m}–{n}', 'Gemensamma hjälpmedelsnämnden {m}–{n}',
] as const;

export const serviceNames = [
  'e-Arkiv', 'Bokningsportalen', 'Digital brevlåda', 'e-Tjänsteplattformen', 'Felanmälan', 'Föreningsregistret',
  'Läromedelsportalen', 'Mötesbokning', 'Skolvalet', 'Bygglov direkt', 'Parkeringstillstånd', 'Kulturskoleportalen',
  'Färdtjänstbokning', 'Lokalbokning', 'Medborgardialog', 'Öppna data-portalen', 'Digital signering', 'Visselblåsartjänsten',
  'Elevhälsojournal', 'Schemaläggning skola', 'Frånvarorapportering', 'Ekonomiskt bistånd – automatisering',
  'Tolkbokning', 'Hemtjänstplanering', 'Trygghetslarm', 'Matsedeln', 'Studievägledning', 'Ungdomsmottagning online',
  'Kartportalen', 'Avfallsappen', 'Energirådgivning', 'Tillgänglighetsdatabasen', 'Kommunens chattbot', 'Synpunktshantering',
  'Ärendediariet', 'Politikerportalen', 'Röstlängdsstöd', 'Bredbandskollen', 'Lärplattformen', 'Betygsregistret',
] as const;

export const serviceSuffixes = ['', ' Plus', ' Nord', ' Syd', ' Väst', ' Öst', ' Mitt', ' Pro', ' Regional', ' Skola'] as const;

export const supplierNames = [
  'Axiell Media AB', 'Tieto Sverige AB', 'Formpipe Software AB', 'Sokigo AB', 'Netsmart AB', 'Open Solution AB',
  'Kommunalt utvecklingsbolag', 'Redpill Linpro AB', 'Ballou Internet Service AB', 'Frösunda IT AB',
] as const;

export const networkTopics = [
  'Digital signering', 'Strategisk upphandling av skoladministrativa system', 'Digidel', 'IoT i kommunal verksamhet',
  'Informationssäkerhet', 'AI i offentlig sektor', 'Öppna data', 'E-arkiv', 'Digital tillgänglighet', 'Välfärdsteknik',
  'GIS och geodata', 'Dataskydd', 'Molntjänster', 'IT-upphandling', 'Digitalt först i skolan', 'Bredband',
  'Automatisering', 'E-tjänster', 'Verksamhetsarkitektur', 'Cybersäkerhet', 'Digitala läromedel', 'Smarta städer',
] as const;

export const projectTopics = [
  'Valadministrativt system', 'Hantering av appar och personuppgifter', 'Gemensam e-arkivlösning', 'Digital skolstart',
  'Automatiserad handläggning', 'Nationell skolfederation', 'Gemensam kravställning elevregister', 'Lantmäteri i samverkan',
  'Öppen källkod i kommunerna', 'Digital närvaro', 'Sensorer i vård och omsorg', 'Gemensam bokningsmotor',
] as const;

export const partnerNames = [
  'Internetstiftelsen', 'Skolverket', 'SKR/Inera', 'DIGG', 'eSam', 'Vinnova', 'Nationalbiblioteket', 'Kivos',
  'RISE', 'Länsstyrelsen', 'Högskolan i Skövde', 'OS2 (Danmark)',
] as const;

export const meetingTitles: Record<'mote' | 'seminarium' | 'webinar' | 'konferens', readonly string[]> = {
  mote: ['Nätverksträff', 'Rådsmöte', 'Styrgruppsmöte', 'Arbetsmöte', 'Uppstartsmöte'],
  seminarium: ['Seminariedag', 'Erfarenhetsutbyte', 'Temadag'],
  webinar: ['Webbinarium: tjänsten i praktiken', 'Webbinarium: nyheter', 'Webbinarium: kom igång'],
  konferens: ['Digital konferens', 'Sambrukskonferensen', 'Höstkonferens'],
};

export const regionPrefixes = ['Norr', 'Syd', 'Väst', 'Öst', 'Mitt'] as const;
