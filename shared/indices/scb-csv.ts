import { parseCsvRows } from '../text/csv';
import {
  haeColumnFor,
  kommunkodOf,
  normalizeHalfYear,
  parseScbNumber,
  type ScbObservation,
  type ScbTable,
} from './scb-table';

/**
 * Reads SCB's CSV export (PxWeb "CSV" and "CSV (semikolon)"): a header row, then one row per
 * stub combination (region, förmån[, tabellinnehåll]) and one column per heading combination,
 * whose header names the period and may name the content ("Helårsekvivalenter 2023H1").
 * Comma or semicolon separated, quoted or not, point or comma decimals, a BOM or not.
 */

/** SCB's codes for the whole country ("00 Riket") and a län ("24 Västerbottens län"): two digits, not four. */
const AGGREGATE_REGION = /^\s*"?(\d{2}(?!\d)|riket\b)/i;

function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * @example
 * parseScbCsv('"region","förmån","Helårsekvivalenter 2023H1"\n"2480 Umeå","sjukpenning",2010.2')
 */
export function parseScbCsv(text: string): ScbTable {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const rows = parseCsvRows(clean, detectDelimiter(firstLine), { skipBlankRows: true });
  const [header, ...body] = rows;
  const problems: string[] = [];
  if (!header) return { observations: [], problems: ['Filen är tom.'] };

  const names = header.map((h) => h.trim());
  const valueColumns = names
    .map((h, i) => ({ i, period: normalizeHalfYear(h), content: h }))
    .filter((c) => c.period !== undefined);
  if (valueColumns.length === 0) problems.push('Ingen kolumn i rubrikraden anger ett halvår (t.ex. 2023H1).');
  const stub = names.map((h, i) => ({ h, i })).filter(({ i }) => !valueColumns.some((c) => c.i === i));
  const regionAt = stub.find(({ h }) => /region|kommun/i.test(h))?.i ?? stub[0]?.i ?? 0;
  const benefitAt = stub.find(({ h }) => /förmån|ersättning|forman/i.test(h))?.i;
  const contentAt = stub.find(({ h }) => /innehåll|contents/i.test(h))?.i;

  const observations: ScbObservation[] = [];
  // A national file carries a row per län and for the whole country beside the kommuner: those
  // are counted in one line, not listed row by row; so is each unknown förmån.
  let aggregateRows = 0;
  const unknownBenefits = new Set<string>();
  body.forEach((row, r) => {
    const region = row[regionAt] ?? '';
    const kommunkod = kommunkodOf(region);
    if (!kommunkod) {
      if (AGGREGATE_REGION.test(region)) aggregateRows++;
      else problems.push(`Rad ${r + 2}: ”${region}” är ingen kommun (fyrsiffrig kommunkod); raden hoppas över.`);
      return;
    }
    const benefit = benefitAt === undefined ? '' : (row[benefitAt] ?? '');
    for (const column of valueColumns) {
      const content = contentAt === undefined ? column.content : (row[contentAt] ?? '');
      const target = haeColumnFor(benefit, content);
      if (target === 'total') continue;
      if (!target) {
        if (!unknownBenefits.has(benefit))
          problems.push(`Rad ${r + 2}: okänd förmån ”${benefit}”; raderna med den hoppas över.`);
        unknownBenefits.add(benefit);
        return;
      }
      const value = parseScbNumber(row[column.i]);
      if (value === undefined) {
        problems.push(`Rad ${r + 2}: ”${row[column.i] ?? ''}” är inget tal.`);
        continue;
      }
      observations.push({ kommunkod, period: column.period!, column: target, value });
    }
  });
  if (aggregateRows > 0)
    problems.push(
      `${aggregateRows === 1 ? 'En rad' : `${aggregateRows} rader`} för län eller hela riket hoppas över; bara kommunernas rader används.`,
    );
  return { observations, problems };
}
