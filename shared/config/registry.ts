import { forbundSchema, type ForbundConfig, type ForbundConfigInput } from '../model/forbund-schema';
import { computationProblems } from '../consolidation/computations/catalogue';
import { formulaProblems } from '../indices/formulas';
import {
  templateDefinitionSchema,
  type TemplateDefinition,
  type TemplateDefinitionInput,
} from '../model/template-schema';
import { skellefteaNorsjo } from './forbund/skelleftea-norsjo';
import { umearegionen } from './forbund/umearegionen';
import { TEMPLATE_INPUTS } from './templates';

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

function parseAll<T>(
  label: string,
  inputs: readonly unknown[],
  parse: (
    input: unknown,
  ) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): T[] {
  return inputs.map((input) => {
    const result = parse(input);
    if (!result.success) {
      const id = (input as { id?: string }).id ?? '?';
      const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new ConfigurationError(`${label} ${id} är felaktigt konfigurerad: ${detail}`);
    }
    return result.data;
  });
}

export interface Registry {
  forbund: readonly ForbundConfig[];
  templates: readonly TemplateDefinition[];
}

/** Checks configuration with zod; a mistake in the data stops start-up with a message naming it. */
export function buildRegistry(
  forbund: readonly ForbundConfigInput[],
  templates: readonly TemplateDefinitionInput[],
): Registry {
  const parsedTemplates = parseAll('Mallen', templates, (i) => templateDefinitionSchema.safeParse(i));
  const parsedForbund = parseAll('Förbundet', forbund, (i) => forbundSchema.safeParse(i));
  for (const f of parsedForbund) {
    // Computed Impactindex indicators name formulas; an unknown one must not score 0 silently.
    const problems = formulaProblems(f);
    if (problems.length > 0)
      throw new ConfigurationError(`Förbundet ${f.id} är felaktigt konfigurerat: ${problems.join(' ')}`);
    for (const t of f.templates) {
      if (!parsedTemplates.some((d) => d.id === t))
        throw new ConfigurationError(`Förbundet ${f.id} använder okänd mall ${t}`);
    }
  }
  // A template's consolidation names computations and other templates; a wrong name must stop start-up.
  const computations = computationProblems(parsedTemplates);
  if (computations.length > 0) throw new ConfigurationError(computations.join(' '));
  const seen = new Set<string>();
  for (const t of parsedTemplates) {
    const key = `${t.id}@${t.version}`;
    if (seen.has(key)) throw new ConfigurationError(`Mallen ${key} finns två gånger`);
    seen.add(key);
  }
  return { forbund: parsedForbund, templates: parsedTemplates };
}

/** The configuration that ships with Samlad. */
export const registry: Registry = buildRegistry([umearegionen, skellefteaNorsjo], TEMPLATE_INPUTS);
