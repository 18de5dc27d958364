import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs';
import {
  cellIdFromDefinedName,
  describePeriod,
  findForbund,
  findTemplateVersion,
  parsePeriod,
  registry as shippedRegistry,
  resolveTemplate,
  scopesOf,
  sheetAddress,
  type CellId,
  type Registry,
  type ResolvedTemplate,
} from '../../shared';
import {
  META_SHEET_NAME,
  isKnownFormat,
  isSamladFormat,
  readMetaRows,
  workbookMetaSchema,
  type WorkbookMeta,
} from './metadata';
import { parseError, type CellIssue, type ParseError } from './parse-errors';
import { readCell, readCellText } from './read-cell';

/** What the caller expects the upload to be; anything given must match the file. */
export interface ExpectedWorkbook {
  templateId: string;
  version?: number;
  forbund?: string;
  period?: string;
  scope?: string;
}

export interface ParseOptions {
  /**
   * Where templates and förbund are looked up: a registry, or one chosen by what the file says it
   * is (its förbund and period's year, from the configuration store); the shipped one by default.
   */
  registry?: Registry | ((meta: WorkbookMeta) => Promise<Registry>);
  /** Larger uploads are refused before unzipping. */
  maxBytes?: number;
}

export type ParseResult =
  | {
      ok: true;
      meta: WorkbookMeta;
      /** The template the file was made from, resolved for its förbund and year. */
      template: ResolvedTemplate;
      /**
       * Every template cell's content, ready for `validateSubmission`: numbers, strings
       * (rich text and hyperlinks as their text, dates as YYYY-MM-DD), booleans, or null when
       * empty. Formulas are read by their cached result.
       */
      raw: Record<CellId, unknown>;
      /**
       * Cells whose raw value hides a problem: a formula without a stored result (raw null,
       * so it reads as missing) or an Excel error value (raw holds the error text, e.g.
       * "#DIV/0!", so numeric cells fail validation). Show these next to the findings.
       */
      cellIssues: CellIssue[];
    }
  | { ok: false; error: ParseError };

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** "PK\x03\x04": every xlsx is a zip. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE2 compound file: a legacy .xls, or an xlsx encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const MAX_NAMED_IN_MESSAGE = 5;

const startsWith = (buffer: Uint8Array, magic: number[]): boolean => magic.every((byte, i) => buffer[i] === byte);

type Step<T> = { ok: true; value: T } | { ok: false; error: ParseError };
const fail = (error: ParseError): { ok: false; error: ParseError } => ({ ok: false, error });

async function loadWorkbook(buffer: Uint8Array, maxBytes: number): Promise<Step<ExcelJS.Workbook>> {
  if (buffer.length > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
    return fail(parseError('too-large', { megabytes: mb(buffer.length), maxMegabytes: mb(maxBytes) }));
  }
  if (startsWith(buffer, OLE_MAGIC)) return fail(parseError('legacy-or-encrypted'));
  if (!startsWith(buffer, ZIP_MAGIC)) return fail(parseError('not-xlsx'));
  const workbook = new (exceljs().Workbook)();
  try {
    // exceljs' typings want its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(
      Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    // exceljs/JSZip/sax messages are English internals; the user learns the file is unreadable.
    return fail(parseError('not-xlsx'));
  }
  return { ok: true, value: workbook };
}

function readMeta(workbook: ExcelJS.Workbook): Step<WorkbookMeta> {
  const sheet = workbook.worksheets.find((s) => s.name.toLowerCase() === META_SHEET_NAME);
  if (!sheet) return fail(parseError('not-samlad'));
  const pairs = readMetaRows(sheet, readCellText);
  const format = pairs.format;
  if (format === undefined || !isSamladFormat(format)) return fail(parseError('not-samlad'));
  if (!isKnownFormat(format)) return fail(parseError('unsupported-format', { format }));
  const parsed = workbookMetaSchema.safeParse(pairs);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ');
    return fail(parseError('bad-metadata', { detail }));
  }
  return { ok: true, value: parsed.data };
}

/** Names for messages: the registry's titles and names where it knows the ids, else the ids. */
function describer(reg: Registry, meta: WorkbookMeta) {
  const forbund = findForbund(reg, meta.forbund);
  const definition = findTemplateVersion(reg, meta.templateId, meta.templateVersion);
  const cumulative = definition?.period.cumulative ?? true;
  return {
    template: (id: string, title?: string): string => {
      const known = title ?? reg.templates.filter((t) => t.id === id).sort((a, b) => b.version - a.version)[0]?.title;
      return known ? `”${known}”` : `”${id}”`;
    },
    forbund: (id: string, name?: string): string => name ?? findForbund(reg, id)?.name ?? id,
    period: (id: string): string => {
      const period = parsePeriod(id);
      return period ? describePeriod(period, cumulative) : id;
    },
    scope: (id: string, name?: string): string => {
      if (name) return name;
      const known = definition && forbund ? scopesOf(definition, forbund).find((s) => s.id === id) : undefined;
      return known?.name ?? id;
    },
  };
}

function checkExpected(
  meta: WorkbookMeta,
  expected: ExpectedWorkbook | undefined,
  reg: Registry,
): ParseError | undefined {
  if (!expected) return undefined;
  const say = describer(reg, meta);
  const template = say.template(meta.templateId, meta.templateTitle);
  if (expected.templateId !== meta.templateId) {
    return parseError('wrong-template', { file: template, expected: `mallen ${say.template(expected.templateId)}` });
  }
  if (expected.forbund !== undefined && expected.forbund !== meta.forbund) {
    return parseError('wrong-forbund', {
      template,
      file: say.forbund(meta.forbund, meta.forbundName),
      expected: say.forbund(expected.forbund),
    });
  }
  if (expected.period !== undefined && expected.period !== meta.period) {
    return parseError('wrong-period', {
      template,
      file: meta.periodLabel ?? say.period(meta.period),
      expected: say.period(expected.period),
    });
  }
  if (expected.scope !== undefined && expected.scope !== meta.scope) {
    return parseError('wrong-scope', {
      template,
      file: say.scope(meta.scope, meta.scopeName),
      expected: say.scope(expected.scope),
    });
  }
  if (expected.version !== undefined && expected.version !== meta.templateVersion) {
    return parseError('wrong-version', { template, file: meta.templateVersion, expected: expected.version });
  }
  return undefined;
}

function resolveFromMeta(meta: WorkbookMeta, reg: Registry): Step<ResolvedTemplate> {
  const definition = findTemplateVersion(reg, meta.templateId, meta.templateVersion);
  const forbund = findForbund(reg, meta.forbund);
  const period = parsePeriod(meta.period);
  if (!definition || !forbund || !period) {
    const file =
      `”${meta.templateTitle ?? meta.templateId}” version ${meta.templateVersion} för ` +
      `${meta.forbundName ?? meta.forbund}`;
    return fail(parseError('unknown-template', { file }));
  }
  return { ok: true, value: resolveTemplate(definition, forbund, period.year) };
}

interface NamedCell {
  sheetName: string;
  address: string;
}

/** Input cells by their `SAM.<cellId>` defined names; a name Excel turned into #REF! is absent. */
function namedCells(workbook: ExcelJS.Workbook): Map<CellId, NamedCell | 'broken'> {
  const cells = new Map<CellId, NamedCell | 'broken'>();
  for (const { name, ranges } of workbook.definedNames.model) {
    const id = cellIdFromDefinedName(name);
    if (id === undefined) continue;
    const match =
      ranges.length === 1 ? /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(ranges[0] ?? '') : null;
    const sheetName = match?.[1]?.replace(/''/g, "'") ?? match?.[2];
    cells.set(id, match && sheetName ? { sheetName, address: `${match[3]}${match[4]}` } : 'broken');
  }
  return cells;
}

function readInputCells(
  workbook: ExcelJS.Workbook,
  template: ResolvedTemplate,
): Step<{ raw: Record<CellId, unknown>; cellIssues: CellIssue[] }> {
  const names = namedCells(workbook);
  const located: [CellId, ExcelJS.Worksheet, NamedCell][] = [];
  const missing: CellId[] = [];
  for (const cell of template.cells) {
    const named = names.get(cell.id);
    const sheet = named && named !== 'broken' ? workbook.getWorksheet(named.sheetName) : undefined;
    if (!sheet || !named || named === 'broken') missing.push(cell.id);
    else located.push([cell.id, sheet, named]);
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, MAX_NAMED_IN_MESSAGE).map((id) => {
      const cell = template.cellById.get(id);
      return cell ? `${cell.rowLabel} – ${cell.columnLabel}` : id;
    });
    const more = missing.length > shown.length ? ` och ${missing.length - shown.length} till` : '';
    return fail(
      parseError(
        'missing-cells',
        { count: missing.length, cells: `${shown.join('; ')}${more}` },
        { missingCells: missing },
      ),
    );
  }

  const raw: Record<CellId, unknown> = {};
  const cellIssues: CellIssue[] = [];
  for (const [id, sheet, named] of located) {
    const reading = readCell(sheet.getCell(named.address));
    const where = sheetAddress(sheet.name, named.address);
    switch (reading.kind) {
      case 'value':
        raw[id] = reading.raw;
        break;
      case 'formula-without-result':
        raw[id] = null;
        cellIssues.push({
          code: 'formula-without-result',
          cellId: id,
          cell: where,
          params: { formula: reading.formula },
        });
        break;
      case 'error-value':
        raw[id] = reading.error;
        cellIssues.push({ code: 'error-value', cellId: id, cell: where, params: { error: reading.error } });
        break;
    }
  }
  return { ok: true, value: { raw, cellIssues } };
}

/**
 * Reads a filled template workbook back into raw cell values. Cells are found only through
 * their `SAM.<cellId>` defined names, never by position, so a user who inserts rows or renames
 * the sheet does no harm. A file that is not a Samlad template, or is another template, version,
 * förbund, period or scope than `expected`, is refused with a Swedish reason. Never throws on
 * what a user uploads.
 *
 * @example
 * const parsed = await parseTemplateWorkbook(upload, { templateId: 'deltagare-avslut', period:
 * '2023T2', scope: 'vuxentorget' });
 * if (parsed.ok) validateSubmission(parsed.template, parsed.raw);
 */
export async function parseTemplateWorkbook(
  buffer: Uint8Array,
  expected?: ExpectedWorkbook,
  options: ParseOptions = {},
): Promise<ParseResult> {
  if (!(buffer instanceof Uint8Array) || buffer.length === 0) return fail(parseError('not-xlsx'));
  const loaded = await loadWorkbook(buffer, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!loaded.ok) return loaded;
  // exceljs has parsed everything by now; what follows reads plain values and cannot throw.
  const meta = readMeta(loaded.value);
  if (!meta.ok) return meta;
  const reg =
    typeof options.registry === 'function' ? await options.registry(meta.value) : (options.registry ?? shippedRegistry);
  const mismatch = checkExpected(meta.value, expected, reg);
  if (mismatch) return fail(mismatch);
  const template = resolveFromMeta(meta.value, reg);
  if (!template.ok) return template;
  const cells = readInputCells(loaded.value, template.value);
  if (!cells.ok) return cells;
  return { ok: true, meta: meta.value, template: template.value, ...cells.value };
}
