/**
 * Hjälp: the user guide inside the app, as data. Each section names the screens it explains, so F1 can open the
 * guide where the user is. Write only what the app does today, with the labels the screens show.
 */
import { countOf } from '../../../electron/core/domain/swedish';

/** The screens of the app, by their route id (kept as strings so this text module does not import the route table). */
export type GuideScreen = 'oversikt' | 'medlemmar' | 'tjanster' | 'natverk' | 'kontakter' | 'budget' | 'fakturering' | 'styrelserapport' | 'andringslogg' | 'data' | 'om-uppgifterna';

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
  { keys: ['Ctrl+1 … Ctrl+8'], action: 'Gå till Översikt, Medlemmar, Tjänster, Nätverk, Budget, Styrelserapport, Data eller Fakturering', desktopOnly: true },
  { keys: ['Ctrl+plus', 'Ctrl+minus', 'Ctrl+0'], action: 'Zooma in, zooma ut, återställ zoomen', desktopOnly: true },
  { keys: ['F11'], action: 'Helskärm (på Mac: Ctrl+Cmd+F)', desktopOnly: true },
  { keys: ['Ctrl+Q'], action: 'Avsluta programmet', desktopOnly: true },
  { keys: ['Esc'], action: 'Stäng en dialog utan att spara; markören går tillbaka till knappen som öppnade den' },
  { keys: ['Tab'], action: 'Gå till nästa del av sidan; en tabell är ett enda stopp' },
  { keys: ['Piltangenterna'], action: 'I en tabell: flytta mellan länkarna och knapparna på raderna' },
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
      {
        kind: 'text',
        text: 'Rutan «Att göra» överst på Översikt visar det som behöver åtgärdas: medlemskap som är uppsagda eller upphör, kontaktpersoner som inte bekräftats på 12 månader, möten där ingen närvaro registrerats, mål som ligger efter samt utfärdade fakturor som har förfallit eller ännu inte är betalda (med det som återstår att betala). Klicka på en rad för att komma dit där du åtgärdar den. Varje ruta med siffror är också en länk till sidan den räknar.',
      },
      {
        kind: 'text',
        text: 'Under «Planens uppgifter och registrets» står de antal som verksamhetsplanen anger men som registret inte kan återge, till exempel «Planen anger 109; registret namnger 96». Båda räknas samma dag, och källan i planen står under.',
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
          'Markera «Blir medlem» och skriv datumet i «Medlem från och med» (ÅÅÅÅ-MM-DD). Vet du inte när organisationen gick med, välj «Före ett datum» och skriv ett datum då den redan var medlem.',
          'Tryck «Lägg till».',
        ],
      },
      {
        kind: 'tip',
        text: 'Organisationen och dess medlemskap sparas tillsammans. Är något fel, till exempel ett datum som inte är skrivet ÅÅÅÅ-MM-DD, visas felet vid fältet och ingenting sparas förrän det är rättat.',
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
      {
        kind: 'text',
        text: 'Ett medlemskap kan börja på ett exakt datum eller «före» ett datum, när ingen vet när organisationen gick med (till exempel «medlem sedan före 2022-01-01»). Ett sådant medlemskap ger ingen medlemsinsats och ingen avräkning för första året, utan hel årsavgift, och räknas inte som ett inträde i siffrorna och i styrelserapporten. Det måste vara organisationens första period.',
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
        text: 'När du har stämt av att uppgifterna stämmer väljer du «Bekräfta idag». En kontakt som inte bekräftats på 12 månader (räknat från när den lades till, om den aldrig bekräftats) visas som ej bekräftad. När någon slutar väljer du «Avsluta».',
      },
      {
        kind: 'text',
        text: 'Finns det redan en kontaktperson med samma e-postadress, eller med samma namn hos organisationen, visar dialogen «Finns redan» och vem det är medan du skriver. Samma namn och e-post hos samma organisation går inte att spara två gånger.',
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
    id: 'na-en-grupp',
    title: 'Söka, hitta kontakter och nå en grupp',
    screens: ['kontakter'],
    keywords: ['sök', 'kontakter', 'urval', 'utskick', 'nyhetsbrev', 'e-post', 'bcc', 'csv', 'vcard', 'samtycke', 'använder inte'],
    blocks: [
      {
        kind: 'text',
        text: 'Kontakter söker i hela registret: organisationer, kontaktpersoner (namn, e-post, telefon) och nätverk. Du kan skriva «Habo kommun» eller «Göteborgs stad». En kommun som inte finns i registret, till exempel Håbo, erbjuds med «Lägg till» från listan över landets 290 kommuner.',
      },
      {
        kind: 'text',
        text: 'Kontaktpersoner kan filtreras på verksamhetsområde, roll, organisation och om de är bekräftade. «Spara som urval» sparar filtren under ett namn; ett sparat urval räknas om varje gång det används.',
      },
      {
        kind: 'text',
        text: 'På en tjänst visar «Använder inte» de medlemmar som inte använder den (även kommuner som inte är medlemmar om du kryssar i det), med kontaktpersonerna inom tjänstens verksamhetsområde. Matrisen på Tjänster når samma lista med «Använder inte…».',
      },
      {
        kind: 'steps',
        items: [
          'Välj slags e-post: «Ärende» eller «Utskick/nyhetsbrev».',
          'Välj «Kopiera adresser», «Öppna e-post» (adresserna läggs som hemlig kopia, högst 50 i taget) eller exportera CSV för Excel eller vCard för ett utskicksverktyg.',
        ],
      },
      {
        kind: 'tip',
        text: 'Ett utskick går bara till dem som har lämnat samtycke. De som utelämnas räknas upp, till exempel «42 adresser; 3 utelämnade: saknar samtycke för nyhetsbrev».',
      },
    ],
  },
  {
    id: 'avgifter',
    title: 'Medlemsavgifter och avgiftstabellen',
    screens: ['medlemmar'],
    keywords: ['avgift', 'årsavgift', 'medlemsinsats', 'avgiftsklass', 'prisband', 'faktura', 'folkmängd', 'SCB', 'grupp', 'kommunalförbund'],
    blocks: [
      {
        kind: 'text',
        text: 'Fliken Avgiftstabell på Medlemmar visar avgiftsklasserna efter folkmängd. Nedre gränsen hör till klassen: en kommun med exakt 7 000 invånare betalar som 7 000–14 999 invånare. Övriga organisationer betalar en fast avgift.',
      },
      {
        kind: 'text',
        text: 'Tabellen anger vilket års folkmängd som avgör avgiften, normalt den 31 december året före avgiftsåret (folkmängden 2021-12-31 för 2022). Det ändras i «Ändra tabellen». Varje avgiftsförklaring och ekonomiunderlaget säger vilket datum som användes; saknas året används närmaste kända år och förklaringen säger det, till exempel «folkmängd 2024-12-31; 2021 saknas».',
      },
      {
        kind: 'text',
        text: 'Hur ett kommunalförbund eller en gemensam nämnd betalar står som en regel i tabellen: efter kommunernas sammanlagda folkmängd eller som övriga organisationer. Så länge regeln är «att bekräfta» flaggas gruppernas rader i avgiftssumman och i ekonomiunderlagets fakturaunderlag. Välj «Bekräfta regeln», välj regel och skriv vilket beslut den bygger på.',
      },
      {
        kind: 'tip',
        text: 'Folkmängden per år finns på Data under «Folkmängd per år». Där rättar du en enskild siffra med skäl, och läser in SCB:s tabell «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ» (Excel eller CSV, som den laddas ner från scb.se) för ett nytt år. Du ser vad som ändras innan något sparas.',
      },
      {
        kind: 'text',
        text: 'Första årets avgift räknas från månaden efter inträdet. Välj avgiftsår för att se tabellen som gäller då. «Ny tabell från» året lägger in en ny tabell, som börjar som en kopia av den förra och gäller tills en nyare läggs in; en tabell som börjar det valda året ändras med «Ändra tabellen».',
      },
    ],
  },
  {
    id: 'om-uppgifterna',
    title: 'Om uppgifterna: antaganden och källor',
    screens: ['om-uppgifterna'],
    keywords: ['antagande', 'källa', 'planen', 'verksamhetsplan', 'SCB', 'inträdesdatum', 'före', 'att bekräfta', 'per definition'],
    blocks: [
      {
        kind: 'text',
        text: 'Sidan Om uppgifterna (kortet på Översikt, eller länken här i guiden) räknar upp varje antagande som registrets siffror vilar på: medlemskap med okänt inträdesdatum («före 2022-01-01»), år där SCB:s folkmängd saknas och ett annat år används, en gruppregel som är «att bekräfta», antal där planen anger något annat än registret («Planen anger 109; registret namnger 96») och mål som är uppnådda per definition. Varje rad säger källan, hur många poster den gäller och var den rättas.',
      },
      {
        kind: 'tip',
        text: 'Listan räknas ur registret. När du rättar något, till exempel bekräftar gruppregeln eller läser in ett nytt års folkmängd, försvinner raden. Ekonomiunderlagets första blad, «Om uppgifterna», har samma lista.',
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
      {
        kind: 'text',
        text:
          'En organisation använder en tjänst när den har en egen användning, eller när ett förbund eller en gemensam nämnd den hör till använder tjänsten. ' +
          'Samma regel gäller i medlemslistan, matrisen, katalogen, ekonomiunderlaget och styrelsepaketet, och där ett antal visas står också hur många som går via någon annan, till exempel «3 (1 via Höglandsförbundet)». ' +
          'I katalogen står «Användare» för alla användare och inom parentes hur många av dem som är medlemmar; det är de som andelen av medlemmarna räknar.',
      },
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
      {
        kind: 'text',
        text: 'Ska någon kunna markeras som närvarande vid ett möte som redan har varit, sätt «Från och med» till ett datum före mötet när du lägger till personen. Organisationer i deltagarlistan kan också markeras som närvarande. Ett möte med ett datum efter i dag är planerat: det får ingen närvaro och räknas inte i målen förrän dagen har kommit.',
      },
      {
        kind: 'text',
        text: 'Styrelsen är ett nätverk av typen Styrelse. Lägg in ledamöterna och svara på «Arbetar med it?» när du lägger till dem (eller senare under «Ändra»). Målet «minst tre styrelseledamöter som inte arbetar med it» räknar dem som är markerade «Arbetar inte med it».',
      },
      {
        kind: 'text',
        text: 'Stapeln «av 20» visas bara för kompetensnätverk, som planens mål gäller. För förvaltningsråd, projekt och andra står bara antalet deltagande medlemskommuner.',
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
      {
        kind: 'tip',
        text: 'En lång budget, med många rader, rullas i en egen ruta där kolumnrubrikerna står kvar överst. Piltangenterna och Ctrl+End tar dig till rader längre ner, och utskriften tar med alla rader.',
      },
      {
        kind: 'text',
        text:
          'Avvikelser räknas bara inom ett år: utfallet, eller prognosen, mot samma års budget. Föregående års utfall står bredvid som jämförelse. ' +
          'Ekonomiunderlaget och styrelsepaketet visar det år du väljer, med en tom kolumn och en mening för det som inte är inlagt än, till exempel «Utfall 2022».',
      },
      {
        kind: 'text',
        text:
          'Där underlaget (till exempel verksamhetsplanen) anger en annan summa än den som räknas fram står båda, på skärmen, i ekonomiunderlaget och i styrelsepaketet. ' +
          'Är skillnaden känd och godtagbar, välj «Godta skillnaden»: anteckningen visar då vem som godtog den och när. Ändras ett belopp så att skillnaden blir en annan, kommer varningen tillbaka.',
      },
    ],
  },
  {
    id: 'fakturering',
    title: 'Fakturering',
    screens: ['fakturering'],
    keywords: ['faktura', 'fakturakörning', 'utkast', 'utfärda', 'kreditfaktura', 'kreditera', 'betalning', 'delbetalning', 'påminnelse', 'OCR', 'Peppol', 'e-faktura', 'moms', 'kundnummer', 'bankgiro', 'artikel', 'konto'],
    blocks: [
      {
        kind: 'text',
        text: 'Fakturering har fem flikar: Fakturor, Fakturakörning, Kunder, Artiklar och Inställningar. Inställningar har föreningens egna uppgifter som säljare (organisationsnummer, momsnummer, F-skatt, adress, bankgiro eller IBAN, betalningsvillkor och nummerserie); Kunder har varje organisations kundnummer, fakturaadress, «Er referens» och Peppol-ID; Artiklar har konto, moms och kostnadsställe för årsavgiften, medlemsinsatsen och varje tjänst. Konton och moms bestämmer redovisningskonsulten.',
      },
      {
        kind: 'steps',
        items: [
          'Fyll i föreningens uppgifter under Inställningar. Standarddatan har exempeluppgifter, märkta «Exempeluppgifter»; byt till de riktiga innan något skickas.',
          'Välj år under Fakturakörning och välj «Fakturera 2022». Ett utkast skapas per betalande kund, med samma belopp som fakturaunderlaget i hela kronor; avrundningen står vid körningen.',
          'Öppna ett utkast för att granska det. «Ändra rader» ändrar beskrivning, antal och à-pris, tar bort eller lägger till rader, och ändrar meddelandet och «Er referens». Utkast kan ångras med Ctrl+Z.',
          'Saknas en uppgift står det vid körningen och på utkastet, med en länk dit den fylls i.',
          'Välj «Utfärda…» på ett utkast eller «Utfärda alla…» på körningen. Fakturan får nummer, fakturadatum, förfallodag och OCR-nummer.',
        ],
      },
      {
        kind: 'tip',
        text: 'Att utfärda är slutgiltigt: en utfärdad faktura kan inte ändras, tas bort eller ångras. Ett fel rättas med «Kreditera…», som utfärdar en kreditfaktura för hela fakturan eller valda rader, med ett skäl.',
      },
      {
        kind: 'text',
        text: 'Medlemsavgifter ligger utanför momsens tillämpningsområde och får en egen faktura, skild från tjänsteavgifterna med moms, eftersom en e-faktura inte får blanda dem. Därför kan en kund få två fakturor från samma körning; det står vid körningen.',
      },
      {
        kind: 'text',
        text: '«Registrera betalning…» på en utfärdad faktura tar datum och belopp; beloppet är det som är kvar att betala, och ett mindre belopp är en delbetalning. En felaktig betalning rättas med ett negativt belopp och en anteckning. Fakturor visar du efter status under Fakturor: utkast, obetalda, förfallna, betalda eller alla. «Påminnelse…» på en förfallen faktura registrerar att en påminnelse skickades.',
      },
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
      {
        kind: 'text',
        text: 'Diagrammen går att läsa även i svartvitt: serierna skiljer sig i ljushet och mönster, varje stapel har sitt värde utskrivet, axlarna har rubriker och ett mål med ett tal visas som en streckad linje.',
      },
      {
        kind: 'text',
        text: 'Ett mål med ett intervall, som «1–2 konferenser», är nått från den nedre gränsen; fler är inget misslyckande. Ett mål för evenemang räknar bara de slag det anger (konferens, webbinarium, seminarium eller möte); kryssa i vilka under «Räknar» i «Nytt mål» eller «Ändra». «I fas» betyder att värdet ligger i nivå med en jämn takt mot målet; takten visas med en decimal, avrundad mot målet, till exempel «krävs 0,5». Redan i januari krävs därför minst 0,1: inget hållet är då inte «I fas». «Uppnått per definition» betyder att målet följer av hur registret byggdes och inte säger något om läget.',
      },
      {
        kind: 'text',
        text: 'Där planen anger ett ingångsvärde (109 medlemmar vid ingången av 2022) räknas takten från planens siffra, och registrets står bredvid.',
      },
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
        text: 'På Data kan du läsa in organisationer, medlemsperioder, kontaktpersoner och organisationernas faktureringsuppgifter från en Excel-fil (.xlsx) eller en CSV-fil. Inget ändras förrän du väljer «Genomför import».',
      },
      {
        kind: 'text',
        text:
          'Faktureringsuppgifterna är fakturaadress, postnummer, postort, Er referens, Peppol-id (schema och identitet med kolon emellan, till exempel 0007:2120000142), e-post för fakturor och «Betalas av» (namnet på organisationen som betalar, som det står i registret). ' +
          'En organisation som saknar faktureringsuppgifter får nästa kundnummer när importen genomförs; kundnummer importeras aldrig. Ett värde som skiljer sig från registrets ersätts bara om du godkänner raden.',
      },
      {
        kind: 'steps',
        items: [
          'Gå till Data och välj «Välj fil…» under Importera.',
          'Välj blad om arbetsboken har flera.',
          'Koppla kolumnerna till fält. Minst en kolumn behövs för Organisation, Kommunkod eller Organisationsnummer. Programmet föreslår kopplingar och minns dem till nästa fil med samma rubriker.',
          'Välj «Förhandsvisa». Varje rad visas som ny, uppdateras, oförändrad, att granska, med fel eller hoppas över.',
          'Ett namn som varken är en kommun eller en organisation i registret (till exempel ett felstavat kommunnamn) blir «Granska» och tas inte med av sig självt. Välj en av de liknande kommunerna som föreslås, eller «Lägg in som ny organisation» om det verkligen är en ny.',
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
          'Välj «Exportera ekonomiunderlag». Arbetsboken innehåller medlemmar och medlemsavgifter, fakturaunderlag, årets utfärdade fakturor, användningen av tjänsterna med avgifter, användningsmatrisen på ett eget blad, nätverk och budget.',
        ],
      },
      {
        kind: 'text',
        text: 'Arbetsboken är klar att skriva ut: varje sida har bladets namn, året och dagen filen skapades överst, och rubrikraden upprepas på varje sida. Ett blad som är för brett för en sida i läsbar storlek skrivs ut i 75 % över flera sidor i bredd; lägg dem bredvid varandra.',
      },
      {
        kind: 'text',
        text:
          'Fakturaunderlagets referens är kundnummer, år och artikel (till exempel 1001-2022-arsavgift) och ändras inte när andra rader tillkommer; saknar organisationen kundnummer börjar den med «K?-». ' +
          'Beloppen är hela kronor som på fakturorna; har en avgift ören står det exakta beloppet bredvid och avrundningen i rubriken. ' +
          'Bladet Fakturor listar årets utfärdade fakturor och kreditfakturor med betalt och kvar att betala, och jämför det fakturerade nettot med fakturaunderlaget.',
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
    keywords: ['ångra', 'gör om', 'misstag', 'ctrl+z', 'faktura', 'slutgiltigt'],
    blocks: [
      {
        kind: 'text',
        text: 'Knappen Ångra överst, eller Ctrl+Z, tar tillbaka den senaste sparade ändringen. Håll muspekaren över knappen för att se vilken ändring det gäller. Gör om, eller Ctrl+Y, gör ändringen igen.',
      },
      {
        kind: 'text',
        text: 'I ett textfält ångrar Ctrl+Z det du har skrivit, som i andra program. En import och «Avsluta i alla nätverk» ångras i ett enda steg.',
      },
      {
        kind: 'text',
        text: 'I ett delat register kan du ångra dina ändringar även när andra har sparat sina under tiden; deras ändringar står kvar. Har någon annan ändrat samma uppgifter sedan dess går ändringen inte att ångra, och programmet säger det utan att ändra något.',
      },
      { kind: 'tip', text: 'Att radera en persons uppgifter kan inte ångras, och då töms också listan över det som kan ångras.' },
      {
        kind: 'tip',
        text: 'Att utfärda en faktura eller en kreditfaktura är slutgiltigt (bokföringslagen) och kan inte ångras, inte heller det som gjordes före. Fakturautkast och ändringar i dem går att ångra. En utfärdad faktura rättas med en kreditfaktura.',
      },
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
    keywords: ['server', 'postgresql', 'samtidigt', 'flera', 'databas', 'delat', 'roll', 'behörighet'],
    blocks: [
      {
        kind: 'text',
        text: 'När flera ska ändra registret samtidigt kan det ligga på en PostgreSQL-server i stället för i en fil. Under Data väljer du «Välj server…» och skriver adressen, till exempel postgres://anna@server/kansli; registret öppnas därifrån vid nästa start. Lösenordet anges i PGPASSWORD eller .pgpass, aldrig i adressen. Lämna adressen tom för att åter använda filen.',
      },
      {
        kind: 'text',
        text: 'Ändrar två personer samma uppgift samtidigt görs den senare ändringen om på det nya läget om den fortfarande går, annars sparas den inte och programmet säger vem som ändrade vad. Andras ändringar syns inom någon sekund. Går servern inte att nå visas registret som det senast lästes, skrivskyddat, tills förbindelsen är tillbaka.',
      },
      {
        kind: 'text',
        text: 'Vad du får ändra bestäms av din databasroll. Rollen kansli_sekretariat ändrar registret (organisationer, tjänster, nätverk, budget och mål), rollen kansli_ekonomi ändrar faktureringen (fakturor, körningar, betalningar, artiklar och föreningens inställningar) och rollen kansli_las läser bara. Organisationernas faktureringsuppgifter får både sekretariatet och ekonomin ändra. På en sida som din roll bara får läsa står det överst, och på Fakturering är knapparna för det du inte får göra gråa.',
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
