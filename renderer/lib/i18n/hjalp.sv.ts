/**
 * Hjälp: the user guide inside the app, as data. Each section names the screens it explains, so F1 can open the
 * guide where the user is. Write only what the app does today, with the labels the screens show.
 */
import { countOf } from '../../../electron/core/domain/swedish';

/** The screens of the app, by their route id (kept as strings so this text module does not import the route table). */
export type GuideScreen = 'oversikt' | 'medlemmar' | 'tjanster' | 'natverk' | 'budget' | 'styrelserapport' | 'andringslogg' | 'data';

export type GuideBlock =
  | { kind: 'text'; text: string }
  | { kind: 'steps'; items: readonly string[] }
  | { kind: 'tip'; text: string }
  | { kind: 'shortcuts'; items: readonly GuideShortcut[] };

/** A shortcut as the user presses it; `desktopOnly` when it comes from the desktop menu and the browser has its own use for it. */
export type GuideShortcut = { keys: readonly string[]; action: string; desktopOnly?: boolean };

export type GuideSection = {
  id: string;
  title: string;
  /** The screens this section explains; the first section that names a screen is where F1 opens on it. */
  screens: readonly GuideScreen[];
  /** Words a user may search for that the text does not use. */
  keywords?: readonly string[];
  blocks: readonly GuideBlock[];
};

const shortcuts: readonly GuideShortcut[] = [
  { keys: ['F1'], action: 'Öppna användarguiden vid avsnittet om sidan du är på' },
  { keys: ['Ctrl+Z'], action: 'Ångra den senaste ändringen (i ett textfält: ångra det du skrivit)' },
  { keys: ['Ctrl+Y', 'Ctrl+Skift+Z'], action: 'Gör om det du ångrade' },
  { keys: ['Ctrl+1 … Ctrl+7'], action: 'Gå till Översikt, Medlemmar, Tjänster, Nätverk, Budget, Styrelserapport eller Data', desktopOnly: true },
  { keys: ['Ctrl+plus', 'Ctrl+minus', 'Ctrl+0'], action: 'Zooma in, zooma ut, återställ zoomen', desktopOnly: true },
  { keys: ['F11'], action: 'Helskärm (på Mac: Ctrl+Cmd+F)', desktopOnly: true },
  { keys: ['Ctrl+Q'], action: 'Avsluta programmet', desktopOnly: true },
  { keys: ['Esc'], action: 'Stäng en dialog utan att spara' },
  { keys: ['Piltangenterna', 'Home', 'End'], action: 'Flytta mellan cellerna i användningsmatrisen och i budgeten' },
  { keys: ['Page Up', 'Page Down'], action: 'Bläddra en skärmsida i användningsmatrisen' },
  { keys: ['Ctrl+Home', 'Ctrl+End'], action: 'Gå till första eller sista cellen i budgeten' },
  { keys: ['Mellanslag'], action: 'Användningsmatrisen: börja eller avsluta användningen av tjänsten i cellen' },
  { keys: ['Enter'], action: 'Användningsmatrisen: öppna organisationen på raden (i rubrikraden: tjänsten)' },
  { keys: ['Enter', 'F2'], action: 'Budgeten: ändra beloppet i cellen; Enter sparar det' },
  { keys: ['Tab'], action: 'Budgeten, medan du skriver ett belopp: spara och gå till nästa cell' },
  { keys: ['Delete'], action: 'Budgeten: töm cellen' },
  { keys: ['Skift+F10', 'Menytangenten'], action: 'Budgeten: öppna menyn för raden eller kolumnen' },
];

const sections: readonly GuideSection[] = [
  {
    id: 'oversikt',
    title: 'Hitta i programmet',
    screens: ['oversikt'],
    keywords: ['start', 'meny', 'navigering', 'spara'],
    blocks: [
      {
        kind: 'text',
        text: 'Menyn till vänster har sju sidor: Översikt, Medlemmar, Tjänster, Nätverk, Budget, Styrelserapport och Data. Översikt visar läget i dag: medlemmar, organisationer, tjänster och kontaktpersoner, hur stor del av Sveriges befolkning medlemmarna representerar, nätverken per typ och budget mot utfall.',
      },
      {
        kind: 'text',
        text: 'Överst står vilken registerfil som är öppen och om allt är sparat. Varje ändring sparas när du trycker Spara, Lägg till eller motsvarande i en dialog; det finns ingen särskild spara-knapp för hela registret.',
      },
      { kind: 'tip', text: 'Tryck F1 var du än är för att komma till avsnittet om den sidan. Knappen Hjälp överst har samma guide.' },
    ],
  },
  {
    id: 'ny-medlem',
    title: 'Lägga till en medlem',
    screens: ['medlemmar'],
    keywords: ['ny organisation', 'kommun', 'region', 'inträde', 'medlemskap'],
    blocks: [
      {
        kind: 'steps',
        items: [
          'Gå till Medlemmar och välj «Ny organisation».',
          'Välj typ av organisation: kommun, region, kommunalförbund, gemensam nämnd eller annan organisation.',
          'För en kommun: skriv några bokstäver i fältet Kommun och välj kommunen i listan. Kommunkod, län och folkmängd hämtas från SCB:s uppgifter.',
          'För en annan organisation: skriv namn och organisationsnummer (tio siffror). Folkmängd anges bara för organisationer som inte är kommuner, till exempel regioner.',
          'För ett kommunalförbund eller en gemensam nämnd: välj gruppens medlemskommuner.',
          'Markera «Blir medlem» och skriv datumet i «Medlem från och med» (ÅÅÅÅ-MM-DD).',
          'Tryck «Lägg till».',
        ],
      },
      {
        kind: 'tip',
        text: 'Finns organisationen redan visar dialogen «Finns redan i registret» med en länk till den, så att ingen dubblett skapas.',
      },
    ],
  },
  {
    id: 'medlemskap',
    title: 'Medlemskap: inträde, uppsägning och utträde',
    screens: ['medlemmar'],
    keywords: ['utträde', 'uppsägning', 'återinträde', 'medlemsperiod', 'tidslinje'],
    blocks: [
      {
        kind: 'text',
        text: 'Öppna organisationen genom att klicka på namnet i listan på Medlemmar. Under Medlemskap visas tidslinjen och medlemsperioderna.',
      },
      {
        kind: 'steps',
        items: [
          'När en organisation går ur: öppna menyn «…» på den pågående perioden, välj «Avsluta medlemskapet» och skriv när uppsägningen lämnades och sista dagen som medlem.',
          'När den kommer tillbaka: välj «Återinträde». Det blir en ny period efter den förra, och medlemsinsatsen är då halv. En organisation som aldrig varit medlem får en period med «Lägg till medlemsperiod».',
          'I samma meny finns «Ändra perioden» och «Ta bort perioden». Ta bara bort en period som lagts in av misstag.',
        ],
      },
    ],
  },
  {
    id: 'kontaktpersoner',
    title: 'Kontaktpersoner',
    screens: ['medlemmar'],
    keywords: ['kontakt', 'e-post', 'telefon', 'bekräfta', 'täckning', 'personuppgifter', 'gdpr', 'radera'],
    blocks: [
      {
        kind: 'steps',
        items: [
          'Öppna organisationen och välj «Lägg till kontaktperson».',
          'Skriv namn, titel, e-post och telefon, och välj verksamhetsområden och roller.',
          'Tryck Spara.',
        ],
      },
      {
        kind: 'text',
        text: 'När du har stämt av att uppgifterna stämmer väljer du «Bekräfta idag». En kontakt som inte bekräftats på 12 månader visas som ej bekräftad. När någon slutar väljer du «Avsluta».',
      },
      {
        kind: 'text',
        text: 'Fliken Täckning på Medlemmar visar vilka medlemmar som saknar kontaktperson för något verksamhetsområde, och kan skrivas ut.',
      },
      {
        kind: 'tip',
        text: '«Exportera uppgifter» ger ett utdrag av det som finns om personen. Att radera personuppgifter kan inte ångras, så exportera först om personen har begärt ett utdrag.',
      },
    ],
  },
  {
    id: 'avgifter',
    title: 'Medlemsavgifter och avgiftstabellen',
    screens: ['medlemmar'],
    keywords: ['avgift', 'årsavgift', 'medlemsinsats', 'avgiftsklass', 'prisband', 'faktura'],
    blocks: [
      {
        kind: 'text',
        text: 'Fliken Avgiftstabell på Medlemmar visar avgiftsklasserna efter folkmängd. Nedre gränsen hör till klassen: en kommun med exakt 7 000 invånare betalar som 7 000–14 999 invånare. Ett kommunalförbund eller en gemensam nämnd som är medlem betalar efter kommunernas sammanlagda folkmängd. Övriga organisationer betalar en fast avgift.',
      },
      {
        kind: 'text',
        text: 'Första årets avgift räknas från månaden efter inträdet. Välj avgiftsår för att se tabellen som gäller då. «Ny tabell från» året lägger in en ny tabell, som börjar som en kopia av den förra och gäller tills en nyare läggs in; en tabell som börjar det valda året ändras med «Ändra tabellen».',
      },
    ],
  },
  {
    id: 'tjanster',
    title: 'Tjänster och vem som använder dem',
    screens: ['tjanster'],
    keywords: ['tjänst', 'matris', 'användning', 'prismodell', 'intäkter', 'katalog'],
    blocks: [
      {
        kind: 'text',
        text: 'Tjänster har tre delar: Katalog med alla tjänster, Användningsmatris med en rad per organisation och en kolumn per tjänst, och Användning och intäkter med fördelningen, målet om tre fjärdedelar av medlemmarna och de förväntade tjänsteintäkterna.',
      },
      {
        kind: 'steps',
        items: [
          'En ny tjänst läggs till med «Ny tjänst» i katalogen. Där anges också prismodellen per år: fast pris, pris per invånare eller prisband.',
          'I matrisen väljer du först datumet i «Ändringar gäller från».',
          'Klicka i en cell, eller flytta dit med piltangenterna och tryck mellanslag, för att börja eller avsluta användningen den dagen.',
        ],
      },
      { kind: 'tip', text: 'Enter på en rad i matrisen öppnar organisationen. Urvalet ovanför matrisen begränsar vilka organisationer som visas.' },
    ],
  },
  {
    id: 'natverk',
    title: 'Nätverk, råd och projekt',
    screens: ['natverk'],
    keywords: ['kompetensnätverk', 'förvaltningsråd', 'projekt', 'partnerskap', 'deltagare', 'e-postadresser', 'utskick'],
    blocks: [
      {
        kind: 'steps',
        items: [
          'Skapa ett nätverk, ett förvaltningsråd, ett projekt eller ett partnerskap med «Nytt nätverk» på Nätverk.',
          'Öppna det. Under «Lägg till i deltagarlistan» väljer du först roll och datum i «Från och med».',
          'Skriv sedan några bokstäver av personens namn eller organisation i fältet Person och tryck Enter, eller välj i listan. Personen läggs till direkt. En hel organisation läggs till på samma sätt i fältet Organisation.',
          'Finns personen inte i registret lägger du först till den som kontaktperson under Medlemmar.',
        ],
      },
      {
        kind: 'text',
        text: '«Kopiera e-postadresser» kopierar adresserna till deltagarna, så att du kan klistra in dem i e-postprogrammet. I listan över nätverk kan du markera flera nätverk och kopiera allas adresser på en gång.',
      },
      {
        kind: 'tip',
        text: 'När en person slutar överallt: välj «Avsluta personen i alla nätverk…» i menyn på personens rad i deltagarlistan. Det blir en enda ändring som du kan ångra.',
      },
    ],
  },
  {
    id: 'moten',
    title: 'Möten och närvaro',
    screens: ['natverk'],
    keywords: ['möte', 'seminarium', 'webbinarium', 'konferens', 'närvaro', 'evenemang'],
    blocks: [
      {
        kind: 'steps',
        items: [
          'Öppna nätverket och välj fliken Möten.',
          'Välj «Nytt möte» och fyll i datum, typ (möte, seminarium, webbinarium eller konferens) och rubrik.',
          'Markera vilka som var närvarande. Listan visar personerna i deltagarlistan den dagen.',
          'Tryck Spara. Närvaron kan fyllas i senare med «Närvaro…» i menyn på mötets rad.',
        ],
      },
      { kind: 'text', text: 'Fliken Närvaro visar närvaron under ett år, per person och per organisation.' },
    ],
  },
  {
    id: 'budget',
    title: 'Budgeten',
    screens: ['budget'],
    keywords: ['resultaträkning', 'utfall', 'prognos', 'belopp', 'kolumn', 'rad'],
    blocks: [
      {
        kind: 'text',
        text: 'Budget visar resultaträkningen med en kolumn per år och slag: utfall, budget eller prognos. Summorna räknas alltid fram av raderna.',
      },
      {
        kind: 'steps',
        items: [
          'Lägg till ett år med «Lägg till kolumn».',
          'Välj en cell och skriv beloppet, eller tryck Enter, F2 eller dubbelklicka för att ändra det.',
          'Enter sparar, Esc avbryter och Tab sparar och går vidare. Delete tömmer cellen.',
          'Menyn vid en rad lägger till underrader, byter namn eller tar bort raden.',
        ],
      },
      { kind: 'tip', text: 'Rader märkta «Jämförs med registret» jämförs med vad registret räknar med, till exempel medlemsavgifterna.' },
    ],
  },
  {
    id: 'styrelserapport',
    title: 'Styrelsepaketet',
    screens: ['styrelserapport'],
    keywords: ['styrelse', 'mål', 'rapport', 'pdf', 'utskrift', 'styrelsemöte'],
    blocks: [
      {
        kind: 'steps',
        items: [
          'Gå till Styrelserapport och skriv styrelsemötets datum. Alla siffror räknas per den dagen.',
          'Se över målen. «Visa underlag» visar vilka medlemmar, nätverk eller händelser som ligger bakom ett värde, och «Nytt mål» lägger till ett mål.',
          'Välj «Skapa styrelsepaket». Paketet sparas och behåller siffrorna som de var, även om registret ändras senare.',
          'Öppna utskriften från listan Sparade styrelsepaket, eller välj «Förhandsgranska utskrift». Där kan du skriva ut eller spara som PDF.',
        ],
      },
      { kind: 'text', text: 'Med «Exportera till Excel» får du samma siffror som en Excel-arbetsbok.' },
    ],
  },
  {
    id: 'import',
    title: 'Importera från Excel eller CSV',
    screens: ['data'],
    keywords: ['import', 'excel', 'csv', 'läsa in', 'kalkylblad', 'xlsx'],
    blocks: [
      {
        kind: 'text',
        text: 'På Data kan du läsa in organisationer, medlemsperioder och kontaktpersoner från en Excel-fil (.xlsx) eller en CSV-fil. Inget ändras förrän du väljer «Genomför import».',
      },
      {
        kind: 'steps',
        items: [
          'Gå till Data och välj «Välj fil…» under Importera.',
          'Välj blad om arbetsboken har flera.',
          'Koppla kolumnerna till fält. Minst en kolumn behövs för Organisation, Kommunkod eller Organisationsnummer. Programmet föreslår kopplingar och minns dem till nästa fil med samma rubriker.',
          'Välj «Förhandsvisa». Varje rad visas som ny, uppdateras, oförändrad, att granska, med fel eller hoppas över.',
          'Gå igenom raderna och välj «Genomför import». Rader att granska och rader med fel tas inte med.',
        ],
      },
      { kind: 'tip', text: 'Hela importen är en enda ändring: Ångra tar bort den i ett steg.' },
    ],
  },
  {
    id: 'export',
    title: 'Exportera till Excel och ekonomiunderlaget',
    screens: ['data'],
    keywords: ['export', 'excel', 'ekonomibyrån', 'revisor', 'bokföring', 'fakturaunderlag'],
    blocks: [
      {
        kind: 'steps',
        items: [
          'Gå till Data och välj år under Ekonomiunderlag.',
          'Markera om namn och e-post ska tas med på bladet Nätverk.',
          'Välj «Exportera ekonomiunderlag». Arbetsboken innehåller medlemmar och medlemsavgifter, fakturaunderlag, användningen av tjänsterna med avgifter, nätverk och budget.',
        ],
      },
      {
        kind: 'text',
        text: 'Medlemslistan, användningsmatrisen, en deltagarlista och budgeten har också «Exportera till Excel». Filen innehåller det som visas, och överst står vilket urval som gällde.',
      },
      {
        kind: 'tip',
        text: 'I skrivbordsprogrammet väljer du var filen sparas. I webbläget hamnar den bland webbläsarens hämtade filer.',
      },
    ],
  },
  {
    id: 'angra',
    title: 'Ångra och gör om',
    screens: [],
    keywords: ['ångra', 'gör om', 'misstag', 'ctrl+z'],
    blocks: [
      {
        kind: 'text',
        text: 'Knappen Ångra överst, eller Ctrl+Z, tar tillbaka den senaste sparade ändringen. Håll muspekaren över knappen för att se vilken ändring det gäller. Gör om, eller Ctrl+Y, gör ändringen igen.',
      },
      {
        kind: 'text',
        text: 'I ett textfält ångrar Ctrl+Z det du har skrivit, som i andra program. En import och «Avsluta i alla nätverk» ångras i ett enda steg.',
      },
      { kind: 'tip', text: 'Att radera en persons uppgifter kan inte ångras, och då töms också listan över det som kan ångras.' },
    ],
  },
  {
    id: 'andringslogg',
    title: 'Ändringsloggen: vem ändrade vad och när',
    screens: ['andringslogg'],
    keywords: ['ändringslogg', 'historik', 'logg', 'vem', 'ångrad', 'gjort om', 'spårbarhet'],
    blocks: [
      {
        kind: 'text',
        text: 'Ändringslogg visar varje ändring i hela registret, den senaste först: när den gjordes, av vem (användarnamnet på datorn), vad som ändrades, vilken organisation eller person det gäller och värdena före och efter.',
      },
      {
        kind: 'steps',
        items: [
          'Välj Från och Till för att se ändringarna under en period.',
          'Välj slag av uppgift, en organisation eller en person för att begränsa listan. Urvalet står i adressen, så det går att komma tillbaka till.',
          'Tryck «Visa fler» för äldre ändringar, och «Visa allt» för att ta bort urvalet.',
        ],
      },
      {
        kind: 'tip',
        text: 'Det som ångras eller görs om står i loggen som egna rader («Ångrad: …», «Gjort om: …»). På en organisations sida leder «Visa i ändringsloggen» hit med urvalet satt till den organisationen.',
      },
    ],
  },
  {
    id: 'sakerhetskopior',
    title: 'Säkerhetskopior och återställning',
    screens: ['data'],
    keywords: ['backup', 'säkerhetskopia', 'återställ', 'registerfil', 'trasig'],
    blocks: [
      {
        kind: 'text',
        text: 'Registret är en fil på datorn; Data visar vilken. Bredvid den finns mappen sambruk-kansli-sakerhetskopior med de senaste sparningarna och en kopia per dag i 30 dagar.',
      },
      {
        kind: 'steps',
        items: [
          'Gå till Data och leta upp kopian under Säkerhetskopior.',
          'Välj «Återställ» på den raden och bekräfta. Registret som är öppet sparas först som en säkerhetskopia, så du kan gå tillbaka.',
        ],
      },
      {
        kind: 'text',
        text: 'Om registerfilen är skadad när programmet startar skrivs den aldrig över: den sparas undan, den senaste hela säkerhetskopian läses in och programmet talar om det.',
      },
      { kind: 'tip', text: 'I webbläget finns registret bara i minnet, och inga säkerhetskopior sparas.' },
    ],
  },
  {
    id: 'skrivskyddat',
    title: 'Skrivskyddat läge',
    screens: ['data'],
    keywords: ['skrivskyddad', 'låst', 'read-only', 'används redan', 'nyare version'],
    blocks: [
      {
        kind: 'text',
        text: 'Ibland öppnas registret skrivskyddat: du kan läsa men inte ändra något. Överst står då «Skrivskyddad», och Data säger varför.',
      },
      {
        kind: 'steps',
        items: [
          'Registret är öppet i en annan kopia av programmet: stäng den andra och starta programmet igen.',
          'Registret är sparat av en nyare version av programmet: installera den nyare versionen.',
          'Registerfilen är skrivskyddad: välj «Gör registret skrivbart» på Data.',
          'Mappen eller disken går inte att skriva i, eller disken är full: gör plats eller flytta registret, och starta programmet igen.',
          'Det delade registret: servern går inte att nå (programmet ansluter igen av sig självt), eller din databasroll får bara läsa.',
        ],
      },
    ],
  },
  {
    id: 'delat-register',
    title: 'Delat register på en server',
    screens: ['data'],
    keywords: ['server', 'postgresql', 'samtidigt', 'flera', 'databas', 'delat'],
    blocks: [
      {
        kind: 'text',
        text: 'När flera ska ändra registret samtidigt kan det ligga på en PostgreSQL-server i stället för i en fil. Under Data väljer du «Välj server…» och skriver adressen, till exempel postgres://anna@server/kansli; registret öppnas därifrån vid nästa start. Lösenordet anges i PGPASSWORD eller .pgpass, aldrig i adressen. Lämna adressen tom för att åter använda filen.',
      },
      {
        kind: 'text',
        text: 'Ändrar två personer samma uppgift samtidigt görs den senare ändringen om på det nya läget om den fortfarande går, annars sparas den inte och programmet säger vem som ändrade vad. Andras ändringar syns inom någon sekund. Går servern inte att nå visas registret som det senast lästes, skrivskyddat, tills förbindelsen är tillbaka.',
      },
    ],
  },
  {
    id: 'kortkommandon',
    title: 'Kortkommandon',
    screens: [],
    keywords: ['tangentbord', 'genvägar', 'tangenter'],
    blocks: [
      { kind: 'text', text: 'På Mac används Cmd i stället för Ctrl. Kortkommandon märkta «skrivbordsprogrammet» finns bara där.' },
      { kind: 'shortcuts', items: shortcuts },
    ],
  },
];

export const hjalpSv = {
  title: 'Användarguide',
  subtitle: 'Så gör du det vanligaste i Sambruk Kansli.',
  search: 'Sök i guiden',
  searchPlaceholder: 'Till exempel import',
  contents: 'Innehåll',
  found: (n: number, query: string) => `${countOf(n, { one: 'avsnitt', other: 'avsnitt' })} handlar om «${query}».`,
  nothingFound: (query: string) => `Inget avsnitt handlar om «${query}». Pröva ett annat ord.`,
  goTo: (screen: string) => `Gå till ${screen}`,
  desktopOnly: 'skrivbordsprogrammet',
  or: 'eller',
  shortcutColumns: { keys: 'Tangenter', action: 'Gör' },
  shortcutsLabel: 'Kortkommandon',
  tip: 'Tips',
  sections,
};
