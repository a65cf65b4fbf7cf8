import { describe, expect, it } from 'vitest';
import { closestMunicipalities } from '../../../electron/core/imports/municipality-matcher';
import { loadDefaultDocument } from '../../support/memory-document';

const municipalities = loadDefaultDocument().reference.municipalities;
const names = (input: string, count?: number) => closestMunicipalities(input, municipalities, count).map((m) => m.name);

describe('the closest municipalities to a name that matches none', () => {
  it('offers the three nearest by spelling, nearest first, whatever is written around the name', () => {
    expect(names('Götebrog')).toEqual(['Göteborg', 'Örebro', 'Götene']);
    expect(names('Stocholm stad')[0]).toBe('Stockholm');
    expect(names('Ankeborgs kommun')).toEqual(names('Ankeborg'));
    expect(names('Ankeborgs kommun')).toEqual(['Göteborg', 'Lekeberg', 'Aneby']);
  });

  it('offers as many as asked, none for an empty name, and each municipality once', () => {
    expect(names('Malmo', 5)).toHaveLength(5);
    expect(names('Malmo', 1)).toEqual(['Malmö']);
    expect(names('   ')).toEqual([]);
    const many = closestMunicipalities('Sala', municipalities, 20).map((m) => m.code);
    expect(new Set(many).size).toBe(many.length);
  });
});
