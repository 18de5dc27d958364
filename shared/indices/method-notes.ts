import { TRAPPAN } from '../config/finance';
import type { Consolidation } from './consolidation-model';
import { FORMULAS, parseFormulaRef } from './formulas';
import { haeMethodNote } from './helarsekvivalenter';

const sv = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** "2 % av 0–15 000 tkr": one step of the trappan. */
function describeStep(s: (typeof TRAPPAN.steps)[number]): string {
  const to = s.to === undefined ? '' : sv.format(s.to);
  return (
    `${s.percent} % av ${sv.format(s.from)}–${to} ` +
    `tkr${s.illustrative ? ' (illustrativt steg, inte publicerat)' : ''}`
  );
}

/** "andel_positiv (what it computes)", or "okänd" for a name no formula has. */
function describeFormula(name: string): string {
  return `${name} (${name in FORMULAS ? FORMULAS[name as keyof typeof FORMULAS].description : 'okänd'})`;
}

/**
 * The report's "Om rapporten" text: how each figure is computed, and what this particular set
 * of submissions gives cause to say (rounding differences, unreported platforms).
 */
export function methodNotes(
  c: Pick<Consolidation, 'meta' | 'participants' | 'impact' | 'economy' | 'completeness'>,
): string[] {
  const notes = [
    'Andelar räknas ur de inrapporterade antalen: positiv lösning, hälsoskäl och avbrott av ' +
      'avslutade; arbete, studier, vidare till Arbetsförmedlingen och saknar arbetsförmåga av de ' +
      'positiva; genomströmning = avslutade av antal deltagare; Ja-andel = Ja till samverkan av aktualiserade.',
    'En plattformsgrupp (t.ex. Arbetsmarknadstorgen) är summan av plattformarnas antal; andelarna ' +
      'räknas sedan ur summorna, aldrig som medelvärden av plattformarnas andelar.',
    'Saknade uppgifter visas som saknade (”saknas”), aldrig som 0. En andel eller summa där någon ' +
      'del saknas visas också som saknad.',
    'Jämförelsen (Diff) är alltid mot samma period föregående år. Tertialsiffror gäller året hittills.',
    'Impactindex: en indikator som når sitt mål ger sin vikt. Målområdets index = uppnådda poäng / ' +
      'bedömda poäng × 100 och Impactindex = alla uppnådda poäng / alla bedömda poäng × 100. En ' +
      'indikator utan underlag räknas varken som uppnådd eller som missad; dess poäng redovisas som ej bedömda.',
    'Enkätindikatorer för en plattformsgrupp är plattformarnas värden vägda med antalet deltagare, ' +
      'eftersom enkätsvaren inte rapporteras som antal.',
    'Indikatorer per kommun (helårsekvivalenter, arbetskraftsdeltagande) räknas för de plattformar ' +
      'som kommunen driver; gruppen tar alla kommuner.',
    haeMethodNote(),
    'Budgeten periodiseras linjärt: tertial 1 = 4/12, tertial 2 = 8/12, tertial 3 = helår. ' +
      'Avvikelse = utfall − budget; gruppernas utfall är summan av raderna.',
    `Medlemsavgifterna fördelas med staten (via Försäkringskassan) 50 %, regionen 25 % och ` +
      `kommunerna 25 % efter befolkningsandel. Avrundning till hela tkr sker med ` +
      `största-rest-metoden, så att delarna alltid blir summan.`,
    `Eget kapital jämförs med trappan: ${TRAPPAN.steps.map(describeStep).join(', ')}, ` +
      `räknat på verksamhetens intäkter. Källa: ${TRAPPAN.source}.`,
  ];
  if (c.impact.budget) {
    const formulas = [
      ...new Set(
        c.impact.budget.indicators.flatMap((i) =>
          i.source === 'input' ? [] : [parseFormulaRef(i.source.formula)?.name ?? i.source.formula],
        ),
      ),
    ];
    notes.push(
      `Beräknade indikatorer i den sociala budgeten ${c.meta.period.year}: ` +
        `${formulas.map(describeFormula).join('; ')}.`,
    );
  } else if (c.impact.missing) notes.push(c.impact.missing);
  if (c.meta.suppression) {
    notes.push(
      `Publicerad version: antal från 1 till ${c.meta.suppression.limit} visas som ` +
        `”${c.meta.suppression.mark}”, liksom så många andra celler att inget sådant värde kan räknas fram ` +
        `eller ringas in – med mallens regler (summor och att en del inte kan vara större än det hela), ` +
        `gruppens summa av plattformarna och att antal är hela tal från 0, var för sig eller tillsammans: ` +
        `varje dolt litet antal kan vara minst ${c.meta.suppression.limit + 1} olika värden för den som ` +
        `bara ser tabellerna. Andelar som bygger på dolda antal visas inte heller. Fritextkommentarer ` +
        `ingår inte.`,
    );
  }
  for (const group of c.economy.outcome?.groups ?? []) {
    const diff = group.roundingDifference.value;
    if (diff !== null && Math.abs(diff) > 1e-9)
      notes.push(
        `${group.label}: den inrapporterade summan avviker med ${sv.format(diff)} tkr från summan ` +
          `av raderna (avrundning av varje rad till hela tkr). Rapporten använder summan av raderna.`,
      );
  }
  const unreported = c.completeness.filter(
    (r) => r.used.length === 0 && r.period.startsWith(String(c.meta.period.year)),
  );
  if (unreported.length > 0)
    notes.push(
      `${unreported.length} inrapporteringar för ${c.meta.period.year} ` +
        `saknas${c.meta.basis === 'approved' ? ' eller är inte godkända' : ''}; se bladet Inlämningar.`,
    );
  if (c.economy.equity.illustrative)
    notes.push(
      'Trappans gräns bygger på ett illustrativt steg (över 15 000 tkr) som inte är publicerat; ' +
        'kontrollera mot Nationella rådets rekommendation.',
    );
  return notes;
}
