/**
 * The bounds of every amount the register holds, and the Swedish refusals of an amount. The contract's input
 * schemas and the records' schema use them, so they live on the contract's side; the core's `domain/amounts.ts`
 * parses and formats amounts within them.
 */

// ---------------------------------------------------------------- bounds

/**
 * Why amounts are bounded. Every total the app computes (a year's service revenue and membership fees, the
 * accountant's invoice basis that adds them, a budget column, the differences set beside them) is a sum of
 * integer öre in a JavaScript number, which is exact only up to Number.MAX_SAFE_INTEGER (about 90 000 billion
 * kr). Past it, totals silently stop adding up. So every amount a user or a file can give is bounded here,
 * and the bounds are chosen so that the largest totals of a register 100 times the association's size (this
 * register, with every amount at its bound at once) stay below it; `worstCaseTotals` does the arithmetic
 * and test/contract/rules/amounts.bounds.test.ts holds it to that. The contract's input schemas and the
 * document schema (files opened or restored) both use these bounds, so no stored amount can exceed them.
 * Each bound is still far above any real figure: the association's whole yearly budget is about 18 M kr.
 */
export const WORST_CASE_REGISTER = {
  /** `demoSizes(100)` in tools/demo: 100 × 400. */
  organisations: 40_000,
  /** `demoSizes(100)`: 100 × 10, each charging every organisation. */
  services: 1_000,
  /** Membership periods, each with an entry fee; `demoSizes(100)` makes about 12 000. */
  membershipPeriods: 80_000,
  /** Budget lines (a column's total sums them); `demoSizes(100)` makes 1 010. */
  budgetLines: 2_000,
  /**
   * Inhabitants one per-inhabitant service charges in a year: Sweden's population (10.6 M at the end of 2024)
   * counted once through its municipalities and once more through its regions, with room to grow.
   */
  inhabitantsPerService: 25_000_000,
  /** Years of figures side by side (the demo keeps at most 30), for a sum over years of per-inhabitant revenue. */
  years: 30,
} as const;

/** The most inhabitants one organisation can have: about twice Sweden's population, so a real figure always fits. */
export const MAX_POPULATION = 20_000_000;
/** The highest per-inhabitant price of a service: 100 kr per inhabitant and year. */
export const MAX_ORE_PER_INHABITANT = 10_000;
/** The highest fee one organisation pays in a year for one thing: a service's fixed or banded fee, a membership fee or entry fee. */
export const MAX_FEE_ORE = 100_000_000;
/** The largest amount on one budget line, and so the most a typed amount can be, in kronor. */
export const MAX_ABS_KRONOR = 1_000_000_000;
export const MAX_ABS_ORE = MAX_ABS_KRONOR * 100;
/** The largest budget total: every line of a worst-case budget at its bound (also the bound of a stated total). */
export const MAX_ABS_TOTAL_ORE = WORST_CASE_REGISTER.budgetLines * MAX_ABS_ORE;

export type WorstCaseTotals = {
  /** A year's expected service revenue: every service charging every organisation its highest fee. */
  serviceRevenueOre: number;
  /** A year's membership fees: every organisation's yearly fee and every period's entry fee at the bound. */
  membershipFeesOre: number;
  /** The accountant's invoice basis: membership fees plus service revenue. */
  invoiceBasisOre: number;
  /** A budget column's total (and the result, income plus costs). */
  budgetColumnOre: number;
  /** A difference between two budget columns, or between a stated and a computed total. */
  budgetDifferenceOre: number;
  /** The register's figure against the budget line it is compared with. */
  registerDifferenceOre: number;
  /** The per-inhabitant revenue of every service summed over the years: price × inhabitants × services × years. */
  perInhabitantOverYearsOre: number;
};

/** The largest totals a register of `size` can produce with every amount at its bound (see the bounds' comment). */
export function worstCaseTotals(size: { readonly [K in keyof typeof WORST_CASE_REGISTER]: number } = WORST_CASE_REGISTER): WorstCaseTotals {
  const perService = Math.max(size.organisations * MAX_FEE_ORE, size.inhabitantsPerService * MAX_ORE_PER_INHABITANT);
  const serviceRevenueOre = size.services * perService;
  const membershipFeesOre = (size.organisations + size.membershipPeriods) * MAX_FEE_ORE;
  const budgetColumnOre = size.budgetLines * MAX_ABS_ORE;
  return {
    serviceRevenueOre,
    membershipFeesOre,
    invoiceBasisOre: serviceRevenueOre + membershipFeesOre,
    budgetColumnOre,
    budgetDifferenceOre: 2 * budgetColumnOre,
    registerDifferenceOre: Math.max(serviceRevenueOre, membershipFeesOre) + budgetColumnOre,
    perInhabitantOverYearsOre: size.years * size.services * size.inhabitantsPerService * MAX_ORE_PER_INHABITANT,
  };
}

/** `1 000 000` with plain spaces, for the bounds' messages (the contract has no number formatter of its own). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function boundText(ore: number): string {
  return `${grouped(Math.floor(ore / 100))} kr`;
}

/** The bounds' refusals, written to follow the field's name («Pris per invånare: …»). */
export const boundMessages = {
  perInhabitant: `Priset får vara högst ${boundText(MAX_ORE_PER_INHABITANT)} per invånare.`,
  fee: `Avgiften får vara högst ${boundText(MAX_FEE_ORE)} per år.`,
  entryFee: `Medlemsinsatsen får vara högst ${boundText(MAX_FEE_ORE)}.`,
  statedTotal: `En angiven summa får vara högst ${boundText(MAX_ABS_TOTAL_ORE)}, plus eller minus.`,
  population: `Folkmängden får vara högst ${grouped(MAX_POPULATION)} invånare.`,
} as const;

export type AmountRefusal = 'empty' | 'not-a-number' | 'separators' | 'grouping' | 'decimals' | 'too-large' | 'not-whole-ore';

/** One Swedish sentence per refusal, written to be shown after the field's name («Belopp: …»). */
export const amountMessages: Record<AmountRefusal, string> = {
  empty: 'Skriv ett belopp, till exempel 1 234 567.',
  'not-a-number': 'Beloppet ska skrivas med siffror, till exempel 1 234 567, −15 948 991 eller 1 234,50.',
  separators: 'Beloppet får ha högst ett decimaltecken.',
  grouping: 'Skriv tusentalen i grupper om tre siffror (1 234 567) eller helt utan mellanrum (1234567).',
  decimals: 'Beloppet får ha högst två decimaler (hela ören).',
  'too-large': `Beloppet är för stort: högst ${boundText(MAX_ABS_ORE)}, plus eller minus.`,
  'not-whole-ore': 'Beloppet i öre ska vara ett heltal.',
};
