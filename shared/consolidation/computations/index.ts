import type { ComputationName } from './catalogue';
import type { Computation } from './computation';
import { ekonomiComputation, type EconomySection } from './ekonomi';
import { helarsekvivalenterComputation, type HaeSection } from './helarsekvivalenter';
import { impactindexComputation, type ImpactSection } from './impactindex';

export type { Computation, ComputationContext, ComputationResult } from './computation';
export type { EconomySection } from './ekonomi';
export type { HaeSection } from './helarsekvivalenter';
export type { ImpactScope, ImpactSection } from './impactindex';

/**
 * The named computations configuration may refer to (`consolidation.computation.name`): the
 * figures that are more than arithmetic over cells. Exhaustive over {@link ComputationName}; the
 * registry refuses a template naming another, or leaving out an input a computation reads.
 */
export interface ComputationData extends Record<ComputationName, unknown> {
  impactindex: ImpactSection;
  helarsekvivalenter: HaeSection;
  ekonomi: EconomySection;
}
export { computationProblems, isComputationName, type ComputationName } from './catalogue';

export const COMPUTATIONS: { [K in ComputationName]: Computation<ComputationData[K]> } = {
  impactindex: impactindexComputation,
  helarsekvivalenter: helarsekvivalenterComputation,
  ekonomi: ekonomiComputation,
};
