/**
 * The rules a pricing model must meet beyond its stored shape. The contract's input schemas run them and
 * the core's revenue code (`core/domain/pricing.ts`) re-exports them, so they live on the contract's side.
 */
import type { PricingModel } from '../model/records';

export type PricingIssue = { path: (string | number)[]; message: string };

/** Rules a pricing model must meet beyond its shape, as Swedish messages with the offending field's path. */
export function pricingModelIssues(model: PricingModel): PricingIssue[] {
  const issues: PricingIssue[] = [];
  if (model.kind === 'fixed' && model.yearlyFeeOre < 0) {
    issues.push({ path: ['yearlyFeeOre'], message: 'Avgiften får inte vara negativ' });
  }
  if (model.kind === 'per-inhabitant' && model.orePerInhabitant < 0) {
    issues.push({ path: ['orePerInhabitant'], message: 'Priset får inte vara negativt' });
  }
  if (model.kind === 'banded') {
    if (model.bands.length === 0) issues.push({ path: ['bands'], message: 'Ange minst ett prisband' });
    if (model.bands.length > 50) issues.push({ path: ['bands'], message: 'Högst 50 prisband' });
    const first = model.bands[0];
    if (first && first.minPopulation !== 0) {
      issues.push({ path: ['bands', 0, 'minPopulation'], message: 'Det första prisbandet ska börja på 0 invånare' });
    }
    model.bands.forEach((band, i) => {
      const previous = model.bands[i - 1];
      if (previous && band.minPopulation <= previous.minPopulation) {
        issues.push({ path: ['bands', i, 'minPopulation'], message: 'Prisbanden ska stå i stigande ordning efter invånarantal, utan dubbletter' });
      }
      if (band.yearlyFeeOre < 0) issues.push({ path: ['bands', i, 'yearlyFeeOre'], message: 'Avgiften får inte vara negativ' });
    });
  }
  return issues;
}
