import type { Finding, FindingCode, FindingParams } from './findings';

const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

function num(value: string | number | undefined): string {
  return typeof value === 'number' ? numberFormat.format(value) : String(value ?? '');
}

type Render = (p: FindingParams) => string;

/**
 * What to do about an empty required cell depends on whether 0 is an answer there: "skriv 0 om
 * det inte finns några" is right for a count of people and wrong where 0 is not allowed (a
 * population, min 1) or not a number at all. A measure may be 0, but only when it is.
 */
function requiredAdvice(p: FindingParams): string {
  if (p.kind === 'choice') return 'värdet saknas. Välj ett av alternativen.';
  if (p.kind === 'text') return 'värdet saknas. Fyll i en text.';
  if (typeof p.min === 'number' && p.min > 0) return 'värdet saknas. Fyll i värdet.';
  if (p.kind === 'count') return 'värdet saknas. Fyll i ett värde – skriv 0 om det inte finns några.';
  return 'värdet saknas. Fyll i värdet – skriv 0 bara om värdet verkligen är 0, inte för en uppgift som saknas.';
}

/** The one Swedish message catalogue. A new finding code does not compile until it has a text here. */
const messageByCode = {
  required: (p) => requiredAdvice(p),
  'not-a-number': (p) => `”${p.raw}” är inte ett tal. Skriv bara siffror, t.ex. 1 234 eller 12,5.`,
  'not-an-integer': (p) => `${num(p.value)} är inte ett heltal. Antal ska anges i hela tal.`,
  negative: (p) => `${num(p.value)} är negativt. Antal kan inte vara mindre än 0.`,
  'below-min': (p) => `${num(p.value)} är mindre än det lägsta tillåtna värdet ${num(p.min)}.`,
  'above-max': (p) => `${num(p.value)} är större än det högsta tillåtna värdet ${num(p.max)}.`,
  'not-a-choice': (p) => `”${p.raw}” är inte ett av alternativen (${p.choices}).`,
  'text-too-long': (p) => `texten är ${num(p.length)} tecken lång; högst ${num(p.max)} tecken får plats.`,
  'unknown-cell': (p) => `fältet ${p.key} finns inte i mallen.`,
  'not-owner': (p) => `den här uppgiften lämnas av ${p.owner}, inte av er part. Lämna cellen tom.`,
  'sum-mismatch': (p) =>
    `${p.description}. Angivet värde är ${num(p.actual)}, men ${p.terms} blir ${num(p.expected)} ` +
    `(skillnad ${num(p.difference)}).`,
  'exceeds-whole': (p) => `${p.description}. ${num(p.actual)} är större än ${p.terms} = ${num(p.expected)}.`,
  'ratio-mismatch': (p) =>
    `${p.description}. Angivet värde är ${num(p.actual)}, men ${p.terms} blir ${num(p.expected)} ` +
    `(skillnad ${num(p.difference)}, mer än avrundning).`,
  'formula-without-result': (p) =>
    `cellen innehåller formeln =${p.formula} men inget beräknat värde. Öppna filen i Excel och ` +
    `spara den igen, eller skriv in talet.`,
  'error-value': (p) => `cellen innehåller felvärdet ${p.error}. Rätta formeln eller skriv in talet.`,
  'implausible-change': (p) =>
    `${num(p.actual)} är långt från ${p.reference}, då det var ${num(p.before)}` +
    `${typeof p.change === 'number' ? ` (${p.change > 0 ? '+' : '−'}${num(Math.abs(p.change))} %)` : ''}. ` +
    `Kontrollera värdet, eller förklara ändringen i en kommentar.`,
} satisfies Record<FindingCode, Render>;

const SEVERITY_LABEL = { fel: 'Fel', varning: 'Varning' } as const;

/**
 * "Fel i Deltagare!D7 (Antal deltagare, Totalt): …"; a consequence of another cell's error says
 * so: "Följdfel i Deltagare!D17 (…): … Beror på felet i D7 och försvinner när det är rättat."
 */
export function renderFinding(finding: Finding): string {
  const where = finding.column ? `${finding.element}, ${finding.column}` : finding.element;
  const location = finding.code === 'unknown-cell' ? '' : ` i ${finding.cell} (${where})`;
  const text = messageByCode[finding.code](finding.params);
  if (finding.causedBy !== undefined) {
    const label = finding.severity === 'fel' ? 'Följdfel' : SEVERITY_LABEL[finding.severity];
    return `${label}${location}: ${text} Beror på felet i ${finding.params.cause} och försvinner när det är rättat.`;
  }
  return `${SEVERITY_LABEL[finding.severity]}${location}: ${text}`;
}
