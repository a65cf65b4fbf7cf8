import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countOf, nouns, plural } from '../../../electron/core/domain/swedish';
import { sv } from '../../../renderer/lib/i18n/sv';

const NBSP = /[\u00a0\u202f]/gu;
const plain = (text: string) => text.replace(NBSP, ' ');

describe('Swedish plurals', () => {
  it('takes the singular after exactly one, the plural after zero, two and more', () => {
    expect(countOf(1, nouns.mote)).toBe('1 möte');
    expect(countOf(0, nouns.mote)).toBe('0 möten');
    expect(countOf(2, nouns.person)).toBe('2 personer');
    expect(countOf(21, nouns.kommun)).toBe('21 kommuner');
    expect(plural(1, { one: 'vald', other: 'valda' })).toBe('vald');
    expect(plural(3, { one: 'vald', other: 'valda' })).toBe('valda');
  });

  it('groups the number in threes as the rest of the app does', () => {
    expect(plain(countOf(5000, nouns.rad))).toBe('5 000 rader');
    expect(plain(countOf(1234567, nouns.medlem))).toBe('1 234 567 medlemmar');
  });

  it('says «varav 1 person», «1 webbinarium», «1 möte» where the screens used to say otherwise', () => {
    expect(sv.natverk.roster.counts('3', 1)).toBe('3 i listan, varav 1 person');
    expect(sv.natverk.figures.eventsHint(1)).toBe('1 webbinarium (ett eget slag, räknas inte som konferens)');
    expect(sv.natverk.figures.otherEvents(1, 1)).toBe('Dessutom 1 seminarium och 1 möte');
    expect(sv.natverk.attendance.meetings(1)).toBe('1 möte eller evenemang under året');
    expect(sv.medlemmar.form.groupMembersSelected(1)).toBe('1 kommun vald');
    expect(sv.medlemmar.form.groupMembersSelected(2)).toBe('2 kommuner valda');
    expect(sv.tjanster.adoption.goalGap(1)).toBe('1 medlem till behövs.');
    expect(sv.budget.dialog.removeLineBody('Kansli', 1)).toContain('med sin 1 underrad och dess belopp');
    expect(sv.excel.outcomeCount('new', 1)).toBe('1 ny');
    expect(sv.excel.outcomeCount('new', 4)).toBe('4 nya');
  });
});

/**
 * A count written straight before a plural noun (`${n} möten`) reads «1 möten» when n is 1. The Swedish texts
 * of the renderer and the core count through `countOf` instead; this keeps a new one from slipping in.
 */
describe('no hand-made plurals in the Swedish texts', () => {
  const pluralNouns = [
    'personer', 'möten', 'organisationer', 'tjänster', 'medlemmar', 'webbinarier', 'rader', 'kommuner', 'medlemskommuner',
    'kontaktpersoner', 'ändringar', 'konferenser', 'seminarier', 'underrader', 'e-postadresser', 'kolumner', 'fakturarader',
  ];
  const countBeforeNoun = new RegExp(`\\$\\{[^}]*\\} (${pluralNouns.join('|')})\\b`, 'u');
  const handMadeChoice = /[a-zA-Z.]+ === 1 \? '1 /u;

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('finds none in renderer/ or electron/core/', () => {
    const offenders: string[] = [];
    for (const file of [...sources('renderer'), ...sources('electron/core')]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (countBeforeNoun.test(line) || handMadeChoice.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
