import {
  cellOf,
  isXlsxRefusal,
  readXlsx,
  type XlsxContent,
  type XlsxQuery,
  type XlsxRefusalCode,
} from '../untrusted-xlsx';
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
import { parseError, type CellIssue, type ParseError, type ParseErrorCode } from './parse-errors';

/** What the caller expects the upload to be; anything given must match the file. */
export interface ExpectedWorkbook {
  templateId: string;
  version?: number;
  forbund?: string;
  period?: string;
  scope?: string;
}

export interface ParseOptions {
  /** Where templates and förbund are looked up; the shipped configuration by default. */
  registry?: Registry;
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

/** What a template upload is read for: its `SAM.<cellId>` names and its identity sheet. */
export const TEMPLATE_QUERY: XlsxQuery = { names: /^SAM\./i, wholeSheets: [META_SHEET_NAME] };

/** The checks on an upload's first bytes, before anything unzips it. */
export function checkTemplateBytes(buffer: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): ParseError | undefined {
  if (!(buffer instanceof Uint8Array) || buffer.length === 0) return parseError('not-xlsx');
  if (buffer.length > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
    return parseError('too-large', { megabytes: mb(buffer.length), maxMegabytes: mb(maxBytes) });
  }
  if (startsWith(buffer, OLE_MAGIC)) return parseError('legacy-or-encrypted');
  if (!startsWith(buffer, ZIP_MAGIC)) return parseError('not-xlsx');
  return undefined;
}

const parseCodeByRefusal = {
  'not-xlsx': 'not-xlsx',
  'too-large': 'unpacks-too-large',
  'too-complex': 'too-complex',
  busy: 'too-complex',
} satisfies Record<XlsxRefusalCode, ParseErrorCode>;

/** The identity sheet's key/value rows (keys in column A, values in B), first key wins. */
/** What a template file says it is (förbund, template, period …), before anything is resolved. */
export function templateMetaOf(content: XlsxContent): WorkbookMeta | undefined {
  const meta = readMeta(content);
  return meta.ok ? meta.value : undefined;
}

function readMeta(content: XlsxContent): Step<WorkbookMeta> {
  const sheet = content.sheets.find((s) => s.name.toLowerCase() === META_SHEET_NAME);
  if (!sheet) return fail(parseError('not-samlad'));
  const pairs = readMetaRows(content.cells.get(sheet.name) ?? new Map());
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

/**
 * Input cells by their `SAM.<cellId>` defined names. A name Excel turned into #REF!, one that
 * covers more than one cell, or one given twice is broken.
 */
function namedCells(content: XlsxContent): Map<CellId, NamedCell | 'broken'> {
  const cells = new Map<CellId, NamedCell | 'broken'>();
  for (const name of content.names) {
    const id = cellIdFromDefinedName(name.name);
    if (id === undefined) continue;
    const target = name.target;
    const single =
      target && target.addresses.length === 1 ? { sheetName: target.sheet, address: target.addresses[0]! } : undefined;
    cells.set(id, cells.has(id) || !single ? 'broken' : single);
  }
  return cells;
}

function readInputCells(
  content: XlsxContent,
  template: ResolvedTemplate,
): Step<{ raw: Record<CellId, unknown>; cellIssues: CellIssue[] }> {
  const names = namedCells(content);
  const located: [CellId, NamedCell][] = [];
  const missing: CellId[] = [];
  for (const cell of template.cells) {
    const named = names.get(cell.id);
    if (!named || named === 'broken') missing.push(cell.id);
    else located.push([cell.id, named]);
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
  for (const [id, named] of located) {
    const reading = cellOf(content, named.sheetName, named.address);
    const where = sheetAddress(named.sheetName, named.address);
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
 * Makes a filled template of what {@link readXlsx} read with {@link TEMPLATE_QUERY}. Cells are
 * found only through their `SAM.<cellId>` defined names, never by position, so a user who
 * inserts rows or renames the sheet does no harm. A file that is not a Samlad template, or is
 * another template, version, förbund, period or scope than `expected`, is refused with a
 * Swedish reason.
 */
export function readTemplateContent(
  content: XlsxContent,
  expected: ExpectedWorkbook | undefined,
  reg: Registry = shippedRegistry,
): ParseResult {
  const meta = readMeta(content);
  if (!meta.ok) return meta;
  const mismatch = checkExpected(meta.value, expected, reg);
  if (mismatch) return fail(mismatch);
  const template = resolveFromMeta(meta.value, reg);
  if (!template.ok) return template;
  const cells = readInputCells(content, template.value);
  if (!cells.ok) return cells;
  return { ok: true, meta: meta.value, template: template.value, ...cells.value };
}

/**
 * Reads a filled template workbook back into raw cell values, in this thread (the API reads
 * uploads in a worker: functions/submissions/workbook-draft.ts). Never throws on what a user
 * uploads, and costs what the file's bytes cost (see functions/untrusted-xlsx).
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
  const early = checkTemplateBytes(buffer, options.maxBytes);
  if (early) return fail(early);
  let content: XlsxContent;
  try {
    content = await readXlsx(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), TEMPLATE_QUERY);
  } catch (error) {
    if (isXlsxRefusal(error)) return fail(parseError(parseCodeByRefusal[error.code]));
    throw error;
  }
  return readTemplateContent(content, expected, options.registry);
}
