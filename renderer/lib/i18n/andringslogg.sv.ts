/** The Ändringslogg screen: the whole register's change log with its filters. */
import { countOf } from '../../../electron/core/domain/swedish';
import { formatNumber } from '../format';
export const andringsloggSv = {
  title: 'Ändringslogg',
  subtitle: 'Allt som har ändrats i registret, nyast först. Ångrade och gjorda om ändringar står som egna rader.',
  filters: 'Urval',
  from: 'Från och med',
  to: 'Till och med',
  entity: 'Slag av post',
  organisation: 'Organisation',
  person: 'Person',
  all: 'Alla',
  clear: 'Visa allt',
  badRange: 'Till-datumet ligger före från-datumet.',
  columns: { at: 'När', by: 'Vem', what: 'Vad', concerns: 'Gäller', summary: 'Sammanfattning', details: 'Före → efter' },
  unknownUser: '–',
  empty: 'Inga ändringar att visa.',
  emptyFiltered: 'Inga ändringar motsvarar urvalet.',
  shown: (shown: number, total: number) => `Visar ${formatNumber(shown)} av ${countOf(total, { one: 'ändring', other: 'ändringar' })}.`,
  more: 'Visa fler',
};
