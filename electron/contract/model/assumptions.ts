/**
 * The register's assumptions as the «Om uppgifterna» page, the accountant workbook and the board pack show them:
 * each a reading of a source (the plan, SCB, an undecided rule) that the figures rest on, computed from the
 * register so that an assumption the secretariat has settled disappears.
 */

/** The themes the page groups the assumptions under, in the order shown. */
export const assumptionGroups = ['folkmangd', 'medlemmar', 'avgifter', 'planen', 'mal', 'tjanster'] as const;
export type AssumptionGroup = (typeof assumptionGroups)[number];

/** Where in the app an assumption is dealt with (the renderer turns each into a link). */
export const assumptionPlaces = ['avgiftstabell', 'folkmangd', 'medlemmar', 'oversikt', 'mal', 'tjanster', 'organisationer', 'budget'] as const;
export type AssumptionPlace = (typeof assumptionPlaces)[number];

export type Assumption = {
  /** Stable per kind and subject (`group-rule-2020`, `population-2026`), for keys and tests. */
  id: string;
  group: AssumptionGroup;
  /** One line, e.g. «Gruppregeln för kommunalförbund är att bekräfta». */
  title: string;
  /** What is assumed and what it affects. */
  text: string;
  /** Where it comes from: a plan section, an SCB table, a decision not yet taken. */
  source: string;
  /** How many records it concerns, where that is a count (memberships, usages, municipalities). */
  count?: number;
  place: AssumptionPlace;
};

/** A source of the register's data, e.g. SCB's populations with their dates. */
export type DataSource = { title: string; detail: string };

export type AssumptionsReport = {
  /** The day the register was read at. */
  date: string;
  items: Assumption[];
  sources: DataSource[];
};

/** The Swedish group headings, shared by the page and the workbook. */
export const assumptionGroupLabels: Readonly<Record<AssumptionGroup, string>> = {
  folkmangd: 'Folkmängd',
  medlemmar: 'Medlemskap',
  avgifter: 'Avgifter',
  planen: 'Planens uppgifter och registrets',
  mal: 'Mål',
  tjanster: 'Tjänster och organisationer',
};

/** Where each place is, as the page's links and the workbook's column «Rättas på» name it. */
export const assumptionPlaceLabels: Readonly<Record<AssumptionPlace, string>> = {
  avgiftstabell: 'Medlemmar → Avgiftstabell',
  folkmangd: 'Data → Folkmängd per år',
  medlemmar: 'Medlemmar',
  oversikt: 'Översikt',
  mal: 'Styrelserapport → Mål',
  tjanster: 'Tjänster',
  organisationer: 'Medlemmar (organisationerna)',
  budget: 'Budget',
};
