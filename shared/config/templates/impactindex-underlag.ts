import type { SectionInput, TemplateDefinitionInput } from '../../model/template-schema';

/** The 'input' indicators of one goal area of the year's social budget: survey results in percent. */
function area(id: string, title: string, help: string): SectionInput {
  return {
    id,
    title,
    help,
    cell: { kind: 'percent' },
    // A survey may not have been run for every platform; the indicator then does not count.
    required: false,
    columns: [{ id: 'varde', label: 'Värde' }],
    rowSource: { source: 'impact-indicators', area: id },
  };
}

/**
 * Impactindex inputs per platform (seed 004, Bilaga 1): the indicators of the year's social
 * budget that are not computed from other submissions — enkätresultat from participants, staff
 * and steering groups, one section per goal area with rows from the year's budget.
 */
export const impactindexUnderlag: TemplateDefinitionInput = {
  id: 'impactindex-underlag',
  version: 1,
  // Social budgets are configured for 2022 and 2023 (seed 004); extend `to` with the next year's budget.
  years: { from: 2022, to: 2023 },
  title: 'Underlag till Impactindex per plattform',
  sheetName: 'Impactindex',
  help:
    'Fyll i enkätresultaten för plattformen i procent (0–100), t.ex. andel som instämmer. Lämna ' +
    'tomt om enkäten inte genomförts. Övriga indikatorer räknas fram ur andra inrapporteringar.',
  period: { kind: 'year', cumulative: false },
  scope: 'platform',
  // The platform's coordinators, who are employed by the kommuner that run the platform.
  submitters: ['kommun'],
  forbund: ['umearegionen'],
  sections: [
    area(
      'samhallsnytta',
      'Samhälls- & medborgarnytta',
      'Deltagarenkäten: andel som instämmer. Övriga indikatorer i målområdet räknas fram (positiv lösning, ' +
        'helårsekvivalenter, arbetskraftsdeltagande).',
    ),
    area('samordning', 'God samordning & medlemsnytta', 'Enkäter till styrgrupper, medarbetare och deltagare.'),
    area('jamlik', 'Jämlik samverkan', 'Representation och deltagarnas upplevelser, uppdelat på kön där det anges.'),
    area('deltagarnojdhet', 'Deltagarnöjdhet', 'Deltagarenkäten: andel som instämmer.'),
    area('medarbetarnojdhet', 'Medarbetarnöjdhet', 'Medarbetarenkäten: andel som instämmer.'),
  ],
  rules: [],
  consolidation: {
    computation: {
      name: 'impactindex',
      inputs: {
        participants: 'deltagare-avslut',
        indicators: 'strategiska-indikatorer',
        helarsekvivalenter: 'helarsekvivalenter',
      },
    },
  },
};
