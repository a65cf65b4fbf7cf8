import { describe, expect, it } from 'vitest';
import { listOrganisations, queryVariants } from '../../../electron/core/domain/search';
import { loadDefaultDocument } from '../../support/memory-document';

const names = (query: string) => listOrganisations(loadDefaultDocument(), { query, date: '2022-06-30' }).rows.map((r) => r.name);

describe('the words a register name leaves out', () => {
  it('finds Habo when typed «Habo kommun», in any case, and never Håbo for «Håbo kommun»', () => {
    expect(names('Habo kommun')[0]).toBe('Habo');
    expect(names('HABO KOMMUN')[0]).toBe('Habo');
    expect(names('habo kommuns')[0]).toBe('Habo');
    expect(names('Håbo kommun')).toEqual([]);
  });

  it('reads «stad», «region» and a genitive s before them', () => {
    expect(names('Stockholms stad')[0]).toBe('Stockholm');
    expect(names('Region Jönköping')[0]).toBe('Jönköping');
  });

  it('keeps a name that holds such a word findable as typed, and leaves a query of only such words alone', () => {
    expect(names('Göteborgsregionen')).toEqual(['Göteborgsregionen (GR)']);
    expect(queryVariants('kommun').map((v) => v.lower)).toEqual(['kommun']);
    expect(queryVariants('Habo kommun').map((v) => v.lower)).toEqual(['habo kommun', 'habo']);
    expect(queryVariants('Göteborgs stad').map((v) => v.lower)).toEqual(['göteborgs stad', 'göteborgs', 'göteborg']);
  });
});
