import type { TemplateDefinition } from '../../model/template-schema';
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
export interface ComputationData {
  impactindex: ImpactSection;
  helarsekvivalenter: HaeSection;
  ekonomi: EconomySection;
}
export type ComputationName = keyof ComputationData;

export const COMPUTATIONS: { [K in ComputationName]: Computation<ComputationData[K]> } = {
  impactindex: impactindexComputation,
  helarsekvivalenter: helarsekvivalenterComputation,
  ekonomi: ekonomiComputation,
};

export function isComputationName(name: string): name is ComputationName {
  return Object.hasOwn(COMPUTATIONS, name);
}

/**
 * What is wrong with the computations and `usedBy` links the templates name, in Swedish: an
 * unknown computation, a missing input, an input or `usedBy` naming no template.
 */
export function computationProblems(templates: readonly TemplateDefinition[]): string[] {
  const problems: string[] = [];
  const known = new Set(templates.map((t) => t.id));
  for (const t of templates) {
    const { computation, usedBy } = t.consolidation ?? {};
    if (usedBy && !known.has(usedBy)) problems.push(`Mallen ${t.id} används av okänd mall ${usedBy}.`);
    if (!computation) continue;
    if (!isComputationName(computation.name)) {
      problems.push(
        `Mallen ${t.id} nämner okänd beräkning ”${computation.name}”. Kända beräkningar: ${Object.keys(COMPUTATIONS).join(', ')}.`,
      );
      continue;
    }
    for (const role of COMPUTATIONS[computation.name].inputs) {
      const id = computation.inputs[role];
      if (!id) problems.push(`Mallen ${t.id}: beräkningen ${computation.name} behöver indata ”${role}”.`);
      else if (!known.has(id)) problems.push(`Mallen ${t.id}: indata ”${role}” nämner okänd mall ${id}.`);
    }
  }
  return problems;
}
