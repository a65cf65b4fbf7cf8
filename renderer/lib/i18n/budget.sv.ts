/** The Budget screen's words. Figures and sentences about them come from the core; these are the labels around them. */
import { REGISTER_YEARS_TEXT } from '../../../electron/contract/rules/calendar-date';
import { budgetColumnKindLabels } from '../../../electron/contract/labels';
import { countOf, plural } from '../../../electron/core/domain/swedish';

export const budgetSv = {
  title: 'Budget',
  subtitle: 'Resultaträkning med utfall, budget och prognos per år',
  tableHeading: 'Resultaträkning',
  tableHint:
    'Välj en cell och skriv beloppet, eller tryck Enter, F2 eller dubbelklicka för att ändra. Enter sparar, Esc avbryter, Tab sparar och går vidare. Delete tömmer cellen. Summorna räknas fram och kan inte skrivas in.',
  lineColumn: 'Rad',
  exportCollapsed: (names: string) => `Hopfällda rader (utan sina underrader): ${names}`,
  addColumn: 'Lägg till kolumn',
  print: 'Skriv ut',
  kinds: budgetColumnKindLabels,
  empty: 'Det finns inga kolumner ännu. Lägg till en kolumn för ett år för att börja.',
  noLines: 'Inga rader.',
  emptyCell: 'tomt',
  computed: 'uträknat',
  sumOfSubLines: (name: string) => `${name} visar summan av sina underrader. Skriv beloppen på underraderna.`,
  computedTotal: (label: string) => `${label} räknas fram av raderna och kan inte skrivas in.`,

  warningsTitle: 'Summor som skiljer sig från underlaget',
  warningsIntro: 'Programmet räknar alltid summorna från raderna. Här skiljer de sig från summorna som underlaget anger:',
  acceptDifference: 'Godta skillnaden',
  acceptDifferenceLabel: (label: string) => `Godta skillnaden mot underlaget för ${label}`,
  statedLabel: (stated: string) => `Underlaget: ${stated}`,
  statedDiffers: (computed: string, stated: string, difference: string) =>
    `Uträknat ${computed}, underlaget anger ${stated} (skillnad ${difference}).`,
  statedAccepted: (when: string) => `Skillnaden godtogs ${when}.`,
  unusualSign: {
    income: 'Negativ intäkt: stämmer tecknet?',
    cost: 'Positiv kostnad: stämmer tecknet?',
  },

  saving: 'Sparar…',
  cellLabel: (line: string, column: string) => `${line}, ${column}`,
  editLabel: (line: string, column: string) => `Belopp för ${line}, ${column}`,
  fixFirst: 'Rätta eller ångra (Esc) beloppet med fel innan du ändrar en annan cell.',

  rowActions: (name: string) => `Åtgärder för ${name}`,
  /** The row header as a screen reader reads it: the name, and for a line with sub-lines whether they show. */
  rowHeader: (name: string, subLines: 'shown' | 'hidden' | 'none') =>
    subLines === 'shown' ? `${name}, underrader visas` : subLines === 'hidden' ? `${name}, underrader dolda` : name,
  sectionActions: (name: string) => `Åtgärder för ${name}`,
  columnActions: (label: string) => `Åtgärder för kolumnen ${label}`,
  expand: (name: string) => `Visa underraderna till ${name}`,
  collapse: (name: string) => `Dölj underraderna till ${name}`,
  addSubLine: 'Lägg till underrad',
  addLine: (section: string) => `Lägg till rad under ${section}`,
  rename: 'Byt namn',
  removeLine: 'Ta bort raden',
  removeColumn: 'Ta bort kolumnen',
  showSubLines: 'Visa underraderna',
  hideSubLines: 'Dölj underraderna',
  registerSourceBadge: 'Jämförs med registret',

  dialog: {
    addColumnTitle: 'Lägg till kolumn',
    year: 'År',
    yearHint: 'Fyra siffror, till exempel 2023.',
    yearInvalid: `Skriv året med fyra siffror, ${REGISTER_YEARS_TEXT}, till exempel 2023.`,
    kind: 'Typ',
    copyFrom: 'Kopiera beloppen från',
    copyNone: 'Ingen kolumn (tom kolumn)',
    add: 'Lägg till',
    adding: 'Lägger till…',
    addSubLineTitle: (parent: string) => `Ny underrad till ${parent}`,
    addSubLineHint: 'Den första underraden tar över radens belopp, så summorna ändras inte.',
    addLineTitle: (section: string) => `Ny rad under ${section}`,
    renameTitle: (name: string) => `Byt namn på ${name}`,
    name: 'Namn',
    save: 'Spara',
    saving: 'Sparar…',
    removeLineTitle: (name: string) => `Ta bort ${name}?`,
    removeLineBody: (name: string, subLines: number) =>
      subLines > 0
        ? `Raden ${name} tas bort med ${plural(subLines, { one: 'sin', other: 'sina' })} ${countOf(subLines, { one: 'underrad', other: 'underrader' })} och ${plural(subLines, { one: 'dess', other: 'deras' })} belopp i alla kolumner. Du kan ångra med Ctrl+Z.`
        : `Raden ${name} tas bort med sina belopp i alla kolumner. Du kan ångra med Ctrl+Z.`,
    removeColumnTitle: (label: string) => `Ta bort kolumnen ${label}?`,
    removeColumnBody: (label: string) => `Kolumnen ${label} tas bort med alla sina belopp. Du kan ångra med Ctrl+Z.`,
    remove: 'Ta bort',
    removing: 'Tar bort…',
  },
  done: {
    columnAdded: (label: string) => `Kolumnen ${label} lades till.`,
    lineAdded: (name: string) => `Raden ${name} lades till.`,
    renamed: (name: string) => `Raden heter nu ${name}.`,
    lineRemoved: (name: string) => `Raden ${name} togs bort. Ångra med Ctrl+Z.`,
    columnRemoved: (label: string) => `Kolumnen ${label} togs bort. Ångra med Ctrl+Z.`,
    accepted: (label: string) => `Skillnaden för ${label} är godtagen. Ångra med Ctrl+Z.`,
    failed: (message: string) => `Det gick inte: ${message}`,
  },

  charts: {
    heading: 'Diagram',
    intro: 'Diagrammen följer tabellen. Under varje diagram finns samma siffror som tabell.',
    compareBase: 'Budget att jämföra med',
    compareOther: 'Utfall att jämföra',
    showTable: 'Visa som tabell',
    hideTable: 'Dölj tabellen',
    axisLabel: (unitSpoken: string) => `Belopp i ${unitSpoken}`,
    categoryAxis: 'Post',
    yearAxis: 'År',
    chartLabel: (title: string) => `Diagram: ${title}. Siffrorna finns i tabellen under diagrammet.`,
    noData: 'Det finns inga belopp att visa ännu.',
    needsTwoColumns: 'Diagrammet behöver två kolumner att jämföra. Lägg till en kolumn.',
    excluded: (names: string) => `Visas inte i diagrammet (noll eller negativt): ${names}.`,
    varianceHint: 'Staplarna visar utfall minus budget i kronor; talet vid stapeln är avvikelsen i procent av budgeten. Över noll är bättre än budgeten, både för intäkter och kostnader.',
    favourable: 'Bättre än budget',
    unfavourable: 'Sämre än budget',
    crossYear: (base: string, other: string) =>
      `Avvikelse visas bara mot samma års budget. ${other} står här som jämförelse bredvid ${base}; lägg till utfall eller prognos för samma år som budgeten för att se avvikelsen.`,
  },

  register: {
    heading: 'Vad registret säger',
    intro:
      'Medlemsavgifterna räknas fram ur medlemsregistret och avgiftstabellen, tjänsteavgifterna ur tjänsternas användare och prismodeller. Här ställs de mot raderna i budgeten och utfallet för året.',
    year: 'År',
    fromRegister: 'Enligt registret',
    inColumn: (label: string) => label,
    difference: (label: string) => `Registret mot ${label.toLocaleLowerCase('sv-SE')}`,
    noLine: 'Ingen budgetrad är kopplad',
    seriesRegister: 'Registret',
    chartTitle: (year: string) => `Registret mot budget och utfall ${year}`,
    reasonsLabel: 'Förklaring',
  },
} as const;
