import { describe, expect, it } from 'vitest';
import { createMunicipalityMatcher, matchMunicipality } from '../../../electron/core/imports/municipality-matcher';
import { loadDefaultDocument } from '../../support/memory-document';

const municipalities = loadDefaultDocument().reference.municipalities;
const match = createMunicipalityMatcher(municipalities);
const codeOf = (name: string) => {
  const m = municipalities.find((x) => x.name === name);
  if (!m) throw new Error(`${name} is not in the reference list`);
  return m.code;
};

describe('municipality matcher over doc.reference.municipalities', () => {
  it('has the full reference list, with Habo and Håbo as two municipalities', () => {
    expect(municipalities).toHaveLength(290);
    expect(codeOf('Habo')).toBe('0643');
    expect(codeOf('Håbo')).toBe('0305');
  });

  it('never merges Habo and Håbo', () => {
    expect(match('Habo')).toMatchObject({ kind: 'exact', code: '0643' });
    expect(match('Håbo')).toMatchObject({ kind: 'exact', code: '0305' });
    expect(match('HABO')).toMatchObject({ kind: 'exact', code: '0643' });
    expect(match('håbo kommun')).toMatchObject({ kind: 'exact', code: '0305' });
    // Decomposed å (as macOS writes file names and some exports) is still Håbo.
    expect(match('Ha\u030Abo')).toMatchObject({ kind: 'exact', code: '0305' });
    // Folds to both: the user must choose.
    const accented = match('Hábo');
    expect(accented.kind).toBe('ambiguous');
    expect(accented.code).toBeUndefined();
    expect(accented.candidates.map((c) => c.code).sort()).toEqual(['0305', '0643']);
    // A misspelling near both is ambiguous too, never one of them.
    expect(match('Haabo').kind).toBe('ambiguous');
  });

  it('forgives hyphen and space, and keeps Upplands-Bro and Upplands Väsby apart', () => {
    expect(match('Upplands Bro')).toMatchObject({ kind: 'exact', code: codeOf('Upplands-Bro') });
    expect(match('upplands-bro kommun')).toMatchObject({ kind: 'exact', code: '0139' });
    expect(match('Upplandsbro')).toMatchObject({ kind: 'exact', code: '0139' });
    expect(match('Upplands-Väsby')).toMatchObject({ kind: 'exact', code: '0114' });
    expect(match('  Malung  Sälen ')).toMatchObject({ kind: 'exact', code: codeOf('Malung-Sälen') });
  });

  it('forgives a trailing "kommun" or "stad" with its genitive s, and a leading "Region"', () => {
    expect(match('Göteborgs stad')).toMatchObject({ kind: 'exact', code: codeOf('Göteborg') });
    expect(match('Stockholms stad')).toMatchObject({ kind: 'exact', code: '0180' });
    expect(match('Ale kommun')).toMatchObject({ kind: 'exact', code: codeOf('Ale') });
    expect(match('Borås Stad')).toMatchObject({ kind: 'exact', code: codeOf('Borås') });
    expect(match('Region Gotland')).toMatchObject({ kind: 'exact', code: codeOf('Gotland') });
    expect(match('Falu kommun')).toMatchObject({ kind: 'exact', code: codeOf('Falun') });
    expect(match('Malung')).toMatchObject({ kind: 'exact', code: codeOf('Malung-Sälen') });
  });

  it('suggests, for the user to confirm, a name written without å/ä/ö or slightly misspelled', () => {
    expect(match('Malmo')).toEqual({ kind: 'suggestion', code: codeOf('Malmö'), candidates: [{ code: codeOf('Malmö'), name: 'Malmö' }] });
    expect(match('Orebro kommun')).toMatchObject({ kind: 'suggestion', code: codeOf('Örebro') });
    expect(match('Götebrog')).toMatchObject({ kind: 'suggestion', code: codeOf('Göteborg') });
    expect(match('Vallentunna')).toMatchObject({ kind: 'suggestion', code: codeOf('Vallentuna') });
  });

  it('matches 4-digit codes exactly, suggests for a code that lost its leading zero, and checks code against name', () => {
    expect(match('0114')).toMatchObject({ kind: 'exact', code: '0114' });
    expect(match('1480')).toMatchObject({ kind: 'exact', code: codeOf('Göteborg') });
    expect(match('9999')).toEqual({ kind: 'none', candidates: [] });
    expect(match('114')).toMatchObject({ kind: 'suggestion', code: '0114' });
    expect(match('0643 Habo')).toMatchObject({ kind: 'exact', code: '0643' });
    expect(match('Habo (0643)')).toMatchObject({ kind: 'exact', code: '0643' });
    const disagree = match('0643 Håbo');
    expect(disagree.kind).toBe('ambiguous');
    expect(disagree.candidates.map((c) => c.code).sort()).toEqual(['0305', '0643']);
  });

  it('answers none for nothing close or empty input', () => {
    expect(match('Köpenhamn')).toEqual({ kind: 'none', candidates: [] });
    expect(match('   ')).toEqual({ kind: 'none', candidates: [] });
    expect(match('Xy')).toEqual({ kind: 'none', candidates: [] });
  });

  it('never answers exact for a name that is not an official name once case, spaces, hyphens and suffixes are forgiven', () => {
    const official = new Set(municipalities.map((m) => m.name.toLocaleLowerCase('sv-SE').replace(/[\s-]+/g, '')));
    for (const m of municipalities) {
      const folded = m.name.normalize('NFD').replace(/\p{M}/gu, '');
      const result = match(folded);
      if (folded === m.name) expect(result).toMatchObject({ kind: 'exact', code: m.code });
      else if (official.has(folded.toLocaleLowerCase('sv-SE').replace(/[\s-]+/g, ''))) expect(result.kind).toBe('exact');
      else expect(['suggestion', 'ambiguous']).toContain(result.kind);
    }
  });

  it('matches every official name to itself, and one-off matching agrees with the built matcher', () => {
    for (const m of municipalities) expect(match(m.name)).toMatchObject({ kind: 'exact', code: m.code });
    expect(matchMunicipality('Upplands Bro', municipalities)).toEqual(match('Upplands Bro'));
  });
});
