import type { TemplateDefinition } from '../../model/template-schema';

/**
 * The named computations configuration may refer to (`consolidation.computation.name`) and the
 * input roles each reads, apart from the computations themselves so the registry can check the
 * configuration when it loads without importing the consolidation.
 */
export const COMPUTATION_INPUTS = {
  impactindex: ['participants', 'indicators', 'helarsekvivalenter'],
  helarsekvivalenter: [],
  ekonomi: ['equity'],
} as const satisfies Record<string, readonly string[]>;

export type ComputationName = keyof typeof COMPUTATION_INPUTS;

export function isComputationName(name: string): name is ComputationName {
  return Object.hasOwn(COMPUTATION_INPUTS, name);
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
        `Mallen ${t.id} nämner okänd beräkning ”${computation.name}”. Kända beräkningar: ` +
          `${Object.keys(COMPUTATION_INPUTS).join(', ')}.`,
      );
      continue;
    }
    for (const role of COMPUTATION_INPUTS[computation.name]) {
      const id = computation.inputs[role];
      if (!id) problems.push(`Mallen ${t.id}: beräkningen ${computation.name} behöver indata ”${role}”.`);
      else if (!known.has(id)) problems.push(`Mallen ${t.id}: indata ”${role}” nämner okänd mall ${id}.`);
    }
  }
  return problems;
}
