/** The Data screen's card for populations by year: correcting one figure and importing SCB's yearly table. */
import { countOf, nouns } from '../../../electron/core/domain/swedish';

export const folkmangdSv = {
  card: 'Folkmängd per år',
  intro: 'Kommunernas folkmängd den 31 december varje år (SCB). Avgiftstabellen anger vilket års folkmängd som avgör avgiften.',
  municipality: 'Kommun',
  columns: { date: 'Datum', population: 'Folkmängd', source: 'Källa', actions: 'Åtgärder' },
  source: {
    scb: 'SCB',
    'scb-import': (note: string) => `SCB, importerad (${note})`,
    rattad: (reason: string) => `Rättad: ${reason}`,
  },
  none: 'Registret har ingen folkmängd för kommunen.',
  correct: (date: string) => `Rätta folkmängden ${date}`,
  correctButton: 'Rätta',
  correctTitle: (name: string, date: string) => `Rätta folkmängden för ${name} ${date}`,
  newFigure: 'Folkmängd',
  reason: 'Skäl',
  reasonHint: 'Varför siffran rättas, till exempel «SCB:s rättelse 2022-03-01». Skälet sparas i ändringsloggen.',
  figureInvalid: 'Skriv folkmängden som ett heltal.',
  corrected: (name: string, date: string) => `Folkmängden för ${name} ${date} rättades.`,
  importButton: 'Importera SCB-tabell …',
  fileInputLabel: 'Välj SCB:s tabell «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ»',
  reviewTitle: (date: string) => `Granska folkmängden ${date} från SCB`,
  reviewSummary: (changes: number, unchanged: number) =>
    `${countOf(changes, nouns.kommun)} får ny folkmängd; ${countOf(unchanged, { one: 'kommun är', other: 'kommuner är' })} oförändrade.`,
  sweden: (before: string, after: string) => `Sveriges folkmängd: ${before} → ${after}`,
  reviewColumns: { name: 'Kommun', before: 'Nu', after: 'Enligt filen' },
  noFigure: '–',
  apply: 'Importera',
  imported: (date: string) => `Folkmängden ${date} importerades från SCB.`,
  nothingToApply: 'Filen ändrar ingenting i registret.',
};
