import { describe, expect, it } from 'vitest';
import { searchGuide, sectionForContext } from '../../../../renderer/features/hjalp/guide';
import { hjalpSv } from '../../../../renderer/lib/i18n/hjalp.sv';
import { isHelpShortcut } from '../../../../renderer/app/shortcuts';
import { routeIds } from '../../../../renderer/app/routes';

const sections = hjalpSv.sections;
const ids = (found: readonly { id: string }[]) => found.map((s) => s.id);
const at = (routeId: string, params: string[] = [], query = '') =>
  sectionForContext(sections, { routeId, params, query: new URLSearchParams(query) })?.id;

describe('the guide, section by screen (what F1 opens)', () => {
  it('opens the member section on Medlemmar, and a section for every screen in the left navigation', () => {
    expect(at('medlemmar')).toBe('ny-medlem');
    for (const id of routeIds.filter((r) => r !== 'hjalp')) expect(at(id), id).toBeDefined();
  });

  it('follows the tab or page within a screen', () => {
    expect(at('medlemmar', ['avgifter'])).toBe('avgifter');
    expect(at('medlemmar', ['tackning'])).toBe('kontaktpersoner');
    expect(at('medlemmar', ['org-12'])).toBe('medlemskap');
    expect(at('natverk', ['n1'], 'flik=moten')).toBe('moten');
    expect(at('natverk', ['n1'], 'flik=narvaro')).toBe('moten');
    expect(at('natverk', ['n1'])).toBe('natverk');
    expect(at('data')).toBe('import');
    expect(at('styrelserapport')).toBe('styrelserapport');
  });

  it('opens no particular section for an unknown screen', () => {
    expect(at('finns-inte')).toBeUndefined();
  });

  it('gives every section a unique id usable in the address', () => {
    expect(new Set(ids(sections)).size).toBe(sections.length);
    for (const s of sections) expect(s.id).toMatch(/^[a-z-]+$/);
  });
});

describe('searching the guide', () => {
  it('gives every section for an empty query, in the guide order', () => {
    expect(ids(searchGuide(sections, '  '))).toEqual(ids(sections));
  });

  it('finds the import section for «import», with the title match first', () => {
    const found = ids(searchGuide(sections, 'import'));
    expect(found[0]).toBe('import');
    expect(found).toContain('angra'); // «En import … ångras i ett enda steg»
    expect(found).not.toContain('budget');
  });

  it('ignores case and lets letters without diacritics find å, ä, ö', () => {
    expect(ids(searchGuide(sections, 'SAKERHETSKOPIA'))).toContain('sakerhetskopior');
    expect(ids(searchGuide(sections, 'ångra'))[0]).toBe('angra');
  });

  it('needs every word of the query', () => {
    expect(ids(searchGuide(sections, 'möte närvaro'))).toContain('moten');
    expect(ids(searchGuide(sections, 'närvaro avgiftsklass'))).toEqual([]);
  });

  it('finds the shortcuts by their keys and by keywords the text does not use', () => {
    expect(ids(searchGuide(sections, 'ctrl+z'))).toContain('kortkommandon');
    expect(ids(searchGuide(sections, 'backup'))).toEqual(['sakerhetskopior']);
  });

  it('finds nothing for a word the guide does not have', () => {
    expect(searchGuide(sections, 'xyzzy')).toEqual([]);
  });
});

describe('F1', () => {
  it('is the help key alone, not with a modifier', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
      key: k,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });
    expect(isHelpShortcut(key('F1'))).toBe(true);
    expect(isHelpShortcut(key('F1', { shiftKey: true }))).toBe(false);
    expect(isHelpShortcut(key('F2'))).toBe(false);
  });
});
