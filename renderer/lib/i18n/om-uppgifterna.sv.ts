/** The «Om uppgifterna» page: the register's assumptions and data sources. */
import { assumptionPlaceLabels } from '../../../electron/contract/model/assumptions';
import { countOf } from '../../../electron/core/domain/swedish';

export const omUppgifternaSv = {
  title: 'Om uppgifterna',
  subtitle: (date: string) => `Antagandena som registrets siffror vilar på, räknade ${date}`,
  intro:
    'Här står varje läsning av underlaget som är ett antagande, ur registret som det ser ut i dag: hur många poster den gäller, var den kommer ifrån och var den rättas. Ett antagande som kansliet har rättat försvinner från listan.',
  count: (n: number) => countOf(n, { one: 'antagande', other: 'antaganden' }),
  none: 'Registret vilar inte på några antaganden som appen känner till.',
  source: 'Källa',
  sources: 'Uppgifternas källor',
  placeLabel: 'Rättas på',
  places: assumptionPlaceLabels,
  overviewCard: 'Om uppgifterna',
  overviewCardText: 'Vilka antaganden siffrorna vilar på, och varifrån uppgifterna kommer.',
  helpLink: 'Om uppgifterna: antaganden och källor',
} as const;
