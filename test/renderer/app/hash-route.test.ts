import { describe, expect, it } from 'vitest';
import { parseHash, toHash } from '../../../renderer/app/hash-route';

const ids = ['oversikt', 'medlemmar', 'data'] as const;

describe('parseHash', () => {
  it('opens the fallback route for an empty hash', () => {
    for (const hash of ['', '#', '#/']) expect(parseHash(hash, ids, 'oversikt')).toMatchObject({ found: true, id: 'oversikt', params: [] });
  });

  it('takes the first segment as the route and the rest as its parameters, decoded', () => {
    const route = parseHash('#/medlemmar/org%2012/kontakter/', ids, 'oversikt');
    expect(route).toMatchObject({ found: true, id: 'medlemmar', params: ['org 12', 'kontakter'] });
  });

  it('reads the query after the path', () => {
    const route = parseHash('#/medlemmar?sok=bor%C3%A5s&lan=14', ids, 'oversikt');
    expect(route.found).toBe(true);
    expect(route.query.get('sok')).toBe('borås');
    expect(route.query.get('lan')).toBe('14');
  });

  it('reports an unknown route or an undecodable segment as not found', () => {
    expect(parseHash('#/finns-inte', ids, 'oversikt')).toMatchObject({ found: false, path: 'finns-inte' });
    expect(parseHash('#/medlemmar/%E0%A4%A', ids, 'oversikt')).toMatchObject({ found: false });
    // Route ids are matched exactly: no prefix or case folding.
    expect(parseHash('#/Data', ids, 'oversikt').found).toBe(false);
  });
});

describe('toHash', () => {
  it('encodes parameters and query so parseHash gives them back', () => {
    const hash = toHash('medlemmar', ['org/1 å'], { sok: 'Håbo & Habo' });
    const route = parseHash(hash, ids, 'oversikt');
    expect(route).toMatchObject({ found: true, id: 'medlemmar', params: ['org/1 å'] });
    expect(route.query.get('sok')).toBe('Håbo & Habo');
  });

  it('writes a plain route without a trailing query', () => {
    expect(toHash('data')).toBe('#/data');
    expect(toHash('data', [], {})).toBe('#/data');
  });
});
