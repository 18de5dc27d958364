import type { ForbundConfig, ForbundConfigInput, ImpactIndicator } from '../model/forbund-schema';
import type { CellMeasures } from './cell-measures';
import type { IndicatorValue } from './impact-index';
import type { Measure } from './measure';
import { known } from './measure';
import {
  genderGap,
  isReferringParty,
  outcomeRate,
  REFERRING_PARTIES,
  yesShare,
  type OutcomeRateId,
} from './outcome-rates';

/**
 * The formulas a social budget may name for its computed indicators
 * (`source: {formula: 'name'}` or `'name:argument'`). The registry is exhaustive over
 * {@link FormulaName}, and the shipped configuration is checked against it when it loads, so an
 * unknown name stops the start-up with a message rather than silently scoring 0.
 */

/** One year of consolidated figures for a scope, as formulas see them. */
export interface FormulaYear {
  /** The scope's deltagare-avslut counts (a platform's own, or its group's sum). */
  participants: CellMeasures;
  /** A kommun's helårsekvivalenter as % of its population 20–64 (first half-year). */
  helarsekvivalenterShare(kommun: string): Measure;
  /** A kommun's strategic indicator value (strategiska-indikatorer row id). */
  strategicIndicator(kommun: string, row: string): Measure;
}

export interface FormulaContext {
  /** The kommuner whose figures count for the scope: those running its platforms. */
  kommuner: readonly string[];
  current: FormulaYear;
  lastYear: FormulaYear;
}

export type FormulaArgument = 'none' | 'kommun' | 'referring-party';

export interface Formula {
  /** Swedish, for the report's method notes. */
  description: string;
  argument: FormulaArgument;
  evaluate(context: FormulaContext, argument: string): IndicatorValue;
}

export const FORMULA_NAMES = [
  'andel_positiv_losning',
  'andel_arbete',
  'andel_studier',
  'andel_vidare_af',
  'andel_saknar_arbetsformaga',
  'andel_halsoskal',
  'andel_avbrott',
  'genomstromning',
  'andel_ja_till_samverkan',
  'konsskillnad_positiv_losning',
  'konsskillnad_arbete',
  'helarsekvivalenter_andel',
  'arbetskraftsdeltagande',
] as const;
export type FormulaName = (typeof FORMULA_NAMES)[number];

function rate(id: OutcomeRateId, description: string): Formula {
  return {
    description,
    argument: 'none',
    evaluate: (c) => ({
      applicable: true,
      value: outcomeRate(c.current.participants, id),
      lastYear: outcomeRate(c.lastYear.participants, id),
    }),
  };
}

/** |women − men| in percentage points: the target says how large a gap may be, either way. */
function absolute(m: Measure): Measure {
  return m.value === null ? m : known(Math.abs(m.value));
}

function gap(id: OutcomeRateId, description: string): Formula {
  return {
    description,
    argument: 'none',
    evaluate: (c) => ({
      applicable: true,
      value: absolute(genderGap(c.current.participants, id)),
      lastYear: absolute(genderGap(c.lastYear.participants, id)),
    }),
  };
}

/** A kommun's figure applies to a scope only where that kommun runs one of its platforms. */
function perKommun(description: string, read: (year: FormulaYear, kommun: string) => Measure): Formula {
  return {
    description,
    argument: 'kommun',
    evaluate: (c, kommun) =>
      c.kommuner.includes(kommun)
        ? { applicable: true, value: read(c.current, kommun), lastYear: read(c.lastYear, kommun) }
        : { applicable: false },
  };
}

export const FORMULAS = {
  andel_positiv_losning: rate('andel_positiv', 'positiv lösning / avslutade'),
  andel_arbete: rate('andel_arbete', 'arbete / positiv lösning'),
  andel_studier: rate('andel_studier', 'studier / positiv lösning'),
  andel_vidare_af: rate('andel_vidare_af', 'vidare till Arbetsförmedlingen / positiv lösning'),
  andel_saknar_arbetsformaga: rate('andel_saknar_arbetsformaga', 'saknar arbetsförmåga / positiv lösning'),
  andel_halsoskal: rate('andel_halsoskal', 'hälsoskäl / avslutade'),
  andel_avbrott: rate('andel_avbrott', 'avbrott / avslutade'),
  genomstromning: rate('genomstromning', 'avslutade / antal deltagare'),
  andel_ja_till_samverkan: {
    description: 'Ja till samverkan / aktualiserade, för den aktualiserande parten',
    argument: 'referring-party',
    evaluate: (c, party) =>
      isReferringParty(party)
        ? {
            applicable: true,
            value: yesShare(c.current.participants, party),
            lastYear: yesShare(c.lastYear.participants, party),
          }
        : { applicable: false },
  },
  konsskillnad_positiv_losning: gap(
    'andel_positiv',
    'skillnaden mellan kvinnors och mäns andel positiv lösning, i procentenheter',
  ),
  konsskillnad_arbete: gap('andel_arbete', 'skillnaden mellan kvinnors och mäns andel till arbete, i procentenheter'),
  helarsekvivalenter_andel: perKommun(
    'helårsekvivalenter / befolkning 20–64 år (första halvåret), kommunens egna',
    (year, kommun) => year.helarsekvivalenterShare(kommun),
  ),
  arbetskraftsdeltagande: perKommun('arbetskraftsdeltagande 20–64 år (oktober), kommunens egna', (year, kommun) =>
    year.strategicIndicator(kommun, 'arbetskraftsdeltagande'),
  ),
} satisfies Record<FormulaName, Formula>;

export function isFormulaName(name: string): name is FormulaName {
  return (FORMULA_NAMES as readonly string[]).includes(name);
}

export interface FormulaRef {
  name: FormulaName;
  argument: string;
}

/** `andel_ja_till_samverkan:af` → {name, argument: 'af'}; undefined for an unknown name. */
export function parseFormulaRef(ref: string): FormulaRef | undefined {
  const [name = '', argument = ''] = ref.split(':', 2);
  return isFormulaName(name) ? { name, argument } : undefined;
}

/** The value an indicator with a formula takes for a scope; 'input' indicators are read elsewhere. */
export function evaluateFormula(indicator: ImpactIndicator, context: FormulaContext): IndicatorValue | undefined {
  if (indicator.source === 'input') return undefined;
  const ref = formulaRef(indicator.source.formula);
  return ref ? FORMULAS[ref.name].evaluate(context, ref.argument) : undefined;
}

/** Each formula reference parsed once: a report evaluates it for every scope and year. Bounded by the configuration. */
const parsedRefs = new Map<string, FormulaRef | undefined>();
function formulaRef(text: string): FormulaRef | undefined {
  if (!parsedRefs.has(text)) parsedRefs.set(text, parseFormulaRef(text));
  return parsedRefs.get(text);
}

type YearsOf = Pick<ForbundConfig, 'id' | 'parties'> & { years?: ForbundConfigInput['years'] };

/**
 * What is wrong with one indicator's formula, in Swedish, without saying which indicator: an
 * unknown formula, or a missing or unknown argument (one of `kommuner`, a referring party).
 */
export function formulaProblem(text: string, kommuner: readonly string[]): string | undefined {
  const ref = parseFormulaRef(text);
  if (!ref) return `okänd formel ”${text.split(':')[0]}”. Kända formler: ${FORMULA_NAMES.join(', ')}.`;
  const formula: Formula = FORMULAS[ref.name];
  switch (formula.argument) {
    case 'none':
      return ref.argument ? `formeln ${ref.name} tar inget argument, men fick ”${ref.argument}”.` : undefined;
    case 'kommun':
      return kommuner.includes(ref.argument)
        ? undefined
        : `formeln ${ref.name} behöver en av förbundets kommuner (${kommuner.join(', ')}) efter kolon, ` +
            `inte ”${ref.argument}”.`;
    case 'referring-party':
      return isReferringParty(ref.argument)
        ? undefined
        : `formeln ${ref.name} behöver en aktualiserande part (${REFERRING_PARTIES.join(', ')}) efter kolon, ` +
            `inte ”${ref.argument}”.`;
  }
}

/**
 * What is wrong with the formulas a förbund's social budgets name, in Swedish, one message per
 * problem (see {@link formulaProblem}).
 */
export function formulaProblems(forbund: YearsOf): string[] {
  const problems: string[] = [];
  const kommuner = forbund.parties.filter((p) => p.kind === 'kommun').map((p) => p.id);
  for (const [year, config] of Object.entries(forbund.years ?? {})) {
    for (const indicator of config.socialBudget?.indicators ?? []) {
      if (indicator.source === 'input') continue;
      const problem = formulaProblem(indicator.source.formula, kommuner);
      if (problem) problems.push(`Indikatorn ${indicator.id} i ${forbund.id}s sociala budget ${year}: ${problem}`);
    }
  }
  return problems;
}
