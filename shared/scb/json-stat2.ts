import { z } from 'zod';
import { figureOf, type Coordinates, type Observation, type ReadOutcome } from './observations';
import { roleOfTexts } from './pivot';
import { recognise, roleOfVariableName, type VariableRole } from './vocabulary';

/**
 * SCB's json-stat2 (PxWeb API v1 `?outputFormat=json-stat2` and API v2's default): dimension
 * ids and `size`, each dimension's `category.index` (code → position, or a list of codes) and
 * `category.label`, a `value` array in row-major order (the last dimension fastest) with `null`
 * where SCB prints a marker and the marker in `status`, or a sparse `value` object. API v2 adds
 * `role` and `extension.px` (table id, stub and heading); neither is needed to read the data.
 */

const categorySchema = z.object({
  index: z.union([z.record(z.string(), z.number().int().min(0)), z.array(z.string())]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});

const cellSchema = z.union([z.number(), z.null()]);

const datasetSchema = z.object({
  class: z.literal('dataset'),
  label: z.string().optional(),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().min(1)).min(1),
  dimension: z.record(z.string(), z.object({ label: z.string().optional(), category: categorySchema })),
  value: z.union([z.array(cellSchema), z.record(z.string(), cellSchema)]),
  status: z.union([z.record(z.string(), z.string()), z.array(z.union([z.string(), z.null()]))]).optional(),
  extension: z
    .object({ px: z.object({ tableid: z.string().optional(), matrix: z.string().optional() }).loose().optional() })
    .loose()
    .optional(),
});
type Dataset = z.infer<typeof datasetSchema>;

/** A download of this table holds at most 150,000 cells (SCB's limit per request); far more is not SCB's file. */
const MAX_CELLS = 1_000_000;

interface Dimension {
  id: string;
  role: VariableRole | undefined;
  /** The text each category is read by, in position order. */
  texts: string[];
}

function codesOf(dataset: Dataset, id: string, size: number): string[] {
  const category = dataset.dimension[id]?.category ?? {};
  const codes = Array.isArray(category.index)
    ? category.index
    : category.index
      ? Object.entries(category.index)
          .sort((a, b) => a[1] - b[1])
          .map(([code]) => code)
      : Object.keys(category.label ?? {});
  return codes.slice(0, size);
}

/**
 * The text a category is known by: its label, with a region's code in front, or the code where the
 * label says nothing.
 */
function textOf(role: VariableRole | undefined, code: string, label: string | undefined): string {
  if (label === undefined) return code;
  if (role === 'region' && /^\d{2}(\d{2})?$/.test(code) && !label.startsWith(code)) return `${code} ${label}`;
  if (role && recognise[role](label) === undefined && recognise[role](code) !== undefined) return code;
  return label;
}

function fail(message: string): ReadOutcome {
  return { ok: false, message, problems: [] };
}

/**
 * @example
 * readScbJsonStat2(JSON.parse(text)).observations
 */
export function readScbJsonStat2(input: unknown): ReadOutcome {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      `Filen är inte ett json-stat2-dataset (${issue ? `${issue.path.join('.') || 'filen'}: ${issue.message}` : ''}).`,
    );
  }
  const dataset = parsed.data;
  if (dataset.id.length !== dataset.size.length) return fail('json-stat2: id och size har olika längd.');
  // Every loop below is bounded by what the file holds; the declared size is only checked against it.
  const declared = dataset.size.reduce((a, b) => a * b, 1);
  if (declared > MAX_CELLS)
    return fail(
      `json-stat2: filen anger ${declared.toLocaleString('sv-SE')} värden; en nedladdning av den ` +
        `här tabellen har högst 150 000.`,
    );
  if (Array.isArray(dataset.value) && dataset.value.length !== declared)
    return fail(`json-stat2: filen har ${dataset.value.length} värden men anger ${declared}.`);
  const dims: Dimension[] = [];
  for (const [d, id] of dataset.id.entries()) {
    const size = dataset.size[d]!;
    const codes = codesOf(dataset, id, size);
    if (codes.length !== size)
      return fail(`json-stat2: dimensionen ${id} har ${codes.length} kategorier men anger ${size}.`);
    const labels = dataset.dimension[id]?.category.label ?? {};
    const role =
      roleOfVariableName(id) ??
      roleOfVariableName(dataset.dimension[id]?.label) ??
      roleOfTexts(codes.map((c) => labels[c] ?? c));
    dims.push({ id, role, texts: codes.map((c) => textOf(role, c, labels[c])) });
  }
  const observations: Observation[] = [];
  const add = (positions: readonly number[], raw: number | null) => {
    const at: Coordinates = {};
    dims.forEach((dim, d) => {
      if (dim.role) at[dim.role] = dim.texts[positions[d]!]!;
    });
    observations.push({ at, value: figureOf(raw) ?? null });
  };
  if (Array.isArray(dataset.value)) {
    const positions = dims.map(() => 0);
    for (let flat = 0; flat < dataset.value.length; flat++) {
      add(positions, dataset.value[flat]!);
      for (let d = dims.length - 1; d >= 0; d--) {
        if (++positions[d]! < dataset.size[d]!) break;
        positions[d] = 0;
      }
    }
  } else {
    for (const [key, raw] of Object.entries(dataset.value)) {
      const flat = Number(key);
      if (!Number.isInteger(flat) || flat < 0 || flat >= declared)
        return fail(`json-stat2: värdet ”${key}” ligger utanför tabellen.`);
      let rest = flat;
      const positions = dims.map(() => 0);
      for (let d = dims.length - 1; d >= 0; d--) {
        positions[d] = rest % dataset.size[d]!;
        rest = Math.floor(rest / dataset.size[d]!);
      }
      add(positions, raw);
    }
  }
  const px = dataset.extension?.px;
  return {
    ok: true,
    ...(dataset.label ? { title: dataset.label } : {}),
    ...((px?.tableid ?? px?.matrix) ? { tableId: (px?.tableid ?? px?.matrix)! } : {}),
    observations,
    problems: [],
  };
}
