import { z } from 'zod';
import {
  haeColumnFor,
  kommunkodOf,
  normalizeHalfYear,
  parseScbNumber,
  type ScbObservation,
  type ScbTable,
} from './scb-table';

/**
 * Reads SCB's json-stat2 output (PxWeb API: `?outputFormat=json-stat2`): a dataset whose `id`
 * and `size` list the dimensions, each with `category.index` (code → position, or a list of
 * codes) and `category.label`, and a flat `value` array in row-major order (the last dimension
 * varies fastest). `value` may also be sparse: an object from flat index to value.
 */

const categorySchema = z.object({
  index: z.union([z.record(z.string(), z.number().int().min(0)), z.array(z.string())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});

const datasetSchema = z.object({
  version: z.literal('2.0').optional(),
  class: z.literal('dataset'),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().min(1)).min(1),
  dimension: z.record(z.string(), z.object({ label: z.string().optional(), category: categorySchema })),
  value: z.union([z.array(z.union([z.number(), z.null()])), z.record(z.string(), z.union([z.number(), z.null()]))]),
});

interface Dimension {
  id: string;
  /** Codes in position order. */
  codes: string[];
  labels: string[];
}

function dimensionsOf(dataset: z.infer<typeof datasetSchema>): Dimension[] {
  return dataset.id.map((id, d) => {
    const category = dataset.dimension[id]?.category ?? {};
    const size = dataset.size[d] ?? 0;
    let codes: string[];
    if (Array.isArray(category.index)) codes = category.index;
    else if (category.index)
      codes = Object.entries(category.index)
        .sort((a, b) => a[1] - b[1])
        .map(([code]) => code);
    else codes = Object.keys(category.label ?? {});
    codes = codes.slice(0, size);
    return { id, codes, labels: codes.map((c) => category.label?.[c] ?? c) };
  });
}

/** Every kommun and region × 7 förmåner × 2 contents × 40 half-years is under 300,000. */
const MAX_CELLS = 1_000_000;

const find = (dims: Dimension[], pattern: RegExp) => dims.find((d) => pattern.test(d.id));

/**
 * @example
 * parseScbJsonStat2(JSON.parse(text)).observations.length
 */
export function parseScbJsonStat2(input: unknown): ScbTable {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success)
    return {
      observations: [],
      problems: [`Filen är inte ett json-stat2-dataset: ${parsed.error.issues[0]?.message ?? ''}`],
    };
  const dataset = parsed.data;
  if (dataset.id.length !== dataset.size.length)
    return { observations: [], problems: ['json-stat2: id och size har olika längd.'] };
  // The loop below visits every combination `size` declares, so the declaration must match what
  // the file holds, and a file may not declare more than any SCB table of this kind could have.
  const declared = dataset.size.reduce((a, b) => a * b, 1);
  if (declared > MAX_CELLS)
    return {
      observations: [],
      problems: [
        `json-stat2: filen anger ${declared.toLocaleString('sv-SE')} värden; en tabell över helårsekvivalenter har långt färre.`,
      ],
    };
  if (Array.isArray(dataset.value) && dataset.value.length !== declared)
    return {
      observations: [],
      problems: [`json-stat2: filen har ${dataset.value.length} värden men anger ${declared}.`],
    };
  const dims = dimensionsOf(dataset);
  const short = dims.find((d, i) => d.codes.length !== dataset.size[i]);
  if (short)
    return {
      observations: [],
      problems: [
        `json-stat2: dimensionen ${short.id} har ${short.codes.length} kategorier men anger ${dataset.size[dims.indexOf(short)]}.`,
      ],
    };
  const region = find(dims, /region|kommun/i);
  const time = find(dims, /^tid$|time|period/i);
  const benefit = find(dims, /förmån|forman|ersattning|ersättning|benefit/i);
  const content = find(dims, /contents|innehåll/i);
  const problems: string[] = [];
  if (!region || !time) return { observations: [], problems: ['json-stat2: dimensionerna för region och tid saknas.'] };

  const strides = dataset.size.map((_, d) => dataset.size.slice(d + 1).reduce((a, b) => a * b, 1));
  const total = declared;
  const valueAt = (flat: number): number | null | undefined => {
    const raw = Array.isArray(dataset.value) ? dataset.value[flat] : dataset.value[String(flat)];
    return parseScbNumber(raw ?? null);
  };

  const observations: ScbObservation[] = [];
  const skipped = new Set<string>();
  for (let flat = 0; flat < total; flat++) {
    const position = (dim: Dimension) =>
      Math.floor(flat / strides[dims.indexOf(dim)]!) % dataset.size[dims.indexOf(dim)]!;
    const kommunkod = kommunkodOf(region.codes[position(region)] ?? '');
    const period =
      normalizeHalfYear(time.codes[position(time)] ?? '') ?? normalizeHalfYear(time.labels[position(time)] ?? '');
    if (!kommunkod || !period) continue;
    const benefitLabel = benefit ? `${benefit.labels[position(benefit)] ?? ''}` : '';
    const contentLabel = content ? `${content.labels[position(content)] ?? ''}` : '';
    const column = haeColumnFor(benefitLabel, contentLabel);
    if (column === 'total') continue;
    if (!column) {
      if (!skipped.has(benefitLabel)) problems.push(`Okänd förmån ”${benefitLabel}”; hoppas över.`);
      skipped.add(benefitLabel);
      continue;
    }
    const value = valueAt(flat);
    if (value === undefined) continue;
    // Population is reported once (förmån "totalt"); the other förmån carry ".." for it.
    if (column === 'befolkning_20_64' && value === null) continue;
    observations.push({ kommunkod, period, column, value });
  }
  return { observations, problems };
}
