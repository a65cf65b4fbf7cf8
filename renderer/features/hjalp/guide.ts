/**
 * The user guide's logic, apart from its text: which section F1 opens on a screen, and the search.
 * Pure functions so they are tested without a DOM.
 */
import { indexOfSv, searchText, type SearchText } from '../../../electron/core/domain/swedish';
import type { GuideBlock, GuideScreen, GuideSection } from '../../lib/i18n/hjalp.sv';

/** Where the user is: the route id and what follows it in the hash (`#/natverk/n1?flik=moten`). */
export type GuideContext = { routeId: string; params: readonly string[]; query: URLSearchParams };

/**
 * The section F1 opens on a screen: a network's Möten and Närvaro tabs open the meetings section, an
 * organisation's page the membership section, a tab of Medlemmar its own section; otherwise the first section that explains the screen, or none.
 */
export function sectionForContext(sections: readonly GuideSection[], context: GuideContext): GuideSection | undefined {
  const byId = (id: string) => sections.find((s) => s.id === id);
  const { routeId, params, query } = context;
  if (routeId === 'natverk' && params.length > 0) {
    const tab = query.get('flik');
    if (tab === 'moten' || tab === 'narvaro') return byId('moten');
  }
  if (routeId === 'medlemmar') {
    const tab = params[0];
    if (tab === 'avgifter') return byId('avgifter');
    if (tab === 'tackning') return byId('kontaktpersoner');
    // Anything else after medlemmar/ that is not a tab is an organisation's page.
    if (tab !== undefined && tab !== '' && tab !== 'lista' && tab !== 'siffror') return byId('medlemskap');
  }
  return sections.find((s) => s.screens.includes(routeId as GuideScreen));
}

function blockText(block: GuideBlock): string[] {
  switch (block.kind) {
    case 'text':
    case 'tip':
      return [block.text];
    case 'steps':
      return [...block.items];
    case 'shortcuts':
      return block.items.flatMap((s) => [...s.keys, s.action]);
  }
}

type Prepared = { section: GuideSection; title: SearchText; body: SearchText };
const prepared = new WeakMap<readonly GuideSection[], Prepared[]>();

function prepare(sections: readonly GuideSection[]): Prepared[] {
  let list = prepared.get(sections);
  if (!list) {
    list = sections.map((section) => ({
      section,
      title: searchText(section.title),
      body: searchText([section.title, ...(section.keywords ?? []), ...section.blocks.flatMap(blockText)].join(' ')),
    }));
    prepared.set(sections, list);
  }
  return list;
}

/**
 * The sections that answer a query, under the app's Swedish search rule (case does not count, `sakerhetskopia`
 * finds «säkerhetskopia», `håbo` does not find Habo). Every word of the query must occur in the section; sections
 * whose title holds every word come first, otherwise the guide's own order is kept. An empty query gives all.
 */
export function searchGuide(sections: readonly GuideSection[], query: string): GuideSection[] {
  const words = query
    .split(/\s+/u)
    .map((w) => searchText(w))
    .filter((w) => w.folded !== '');
  if (words.length === 0) return [...sections];
  const hits = prepare(sections).filter((p) => words.every((w) => indexOfSv(p.body, w) >= 0));
  const inTitle = (p: Prepared) => words.every((w) => indexOfSv(p.title, w) >= 0);
  return [...hits.filter(inTitle), ...hits.filter((p) => !inTitle(p))].map((p) => p.section);
}
