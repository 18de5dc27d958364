import { forbundSchema } from '../model/forbund-schema';
import { checkDocument, type PathFinding } from './check';
import type { SettingsDocument } from './document';
import { settingsHasErrors, type SettingsFinding } from './findings';
import { canonicalPlaces, dedupe, locateFindings } from './locate';
import { readSettingsWorkbook, type RawSettingsWorkbook, type ReadExpectation, type ReadOutcome } from './read';
import type { SettingsSheet, SheetContext } from './sheet';
import { SETTINGS_SHEETS } from './sheets';

export type ProposalContext = Omit<SheetContext, 'year'>;

/**
 * An upload read and checked: the document it proposes (with the version it was made from and
 * where its rows sit, for findings added later), or only why it cannot be read.
 */
export type Proposal = ReadOutcome;

/**
 * Reads and checks an uploaded *Inställningar* workbook (its `INST.*` areas, as the untrusted
 * reader or the pane found them). `base` gives the document the file builds on.
 */
export function proposalFromWorkbook(
  raw: RawSettingsWorkbook,
  expected: ReadExpectation,
  base: (basedOn: number | null) => SettingsDocument,
  context: ProposalContext,
): Proposal {
  const read = readSettingsWorkbook(raw, expected, base, context);
  if (read.kind === 'refused') return read;
  const checked = checkDocument(read.document, { ...context, year: expected.year });
  // A cell the reader could not take (text in a number) is named once, not again as missing.
  const named = new Set(read.findings.map((f) => f.cell));
  const located = locateFindings(checked, read.places).filter((f) => !named.has(f.cell));
  const findings = dedupe([...read.findings, ...located]);
  return { ...read, document: normalized(read.document, findings), findings };
}

/** Without errors, the document as the schema gives it back (defaults filled in, unknown fields left out). */
function normalized(document: SettingsDocument, findings: readonly SettingsFinding[]): SettingsDocument {
  if (settingsHasErrors(findings)) return document;
  const parsed = forbundSchema.safeParse(document);
  return parsed.success ? parsed.data : document;
}

function writes(sheet: SettingsSheet, document: SettingsDocument, context: SheetContext): boolean {
  try {
    sheet.write(document, context);
    return true;
  } catch {
    return false;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refusal(code: SettingsFinding['code'], params: SettingsFinding['params']): Proposal {
  return { kind: 'refused', findings: [{ code, severity: 'fel', sheet: '', cell: '', params }] };
}

/**
 * Reads and checks a settings document sent as JSON (the API's JSON path, an administrator's new
 * förbund): it must be this förbund's, hold exactly this year, and pass the same checks as a
 * workbook, whose cells the findings name as the workbook made from it would have them.
 */
export function proposalFromDocument(json: unknown, expected: ReadExpectation, context: ProposalContext): Proposal {
  if (!isRecord(json)) return refusal('not-settings-workbook', {});
  const id = typeof json.id === 'string' ? json.id : '';
  if (id !== expected.forbund)
    return refusal('wrong-forbund', {
      file: id ? expected.forbundName(id) : '(inget)',
      expected: expected.forbundName(expected.forbund),
    });
  const years = isRecord(json.years) ? Object.keys(json.years) : [];
  if (years.length !== 1 || years[0] !== String(expected.year))
    return refusal('wrong-year', { file: years.join(', ') || '(inget år)', expected: expected.year });
  // The schema's defaults, so the checks can read every list.
  const document = { platformGroups: [], ...json } as unknown as SettingsDocument;
  const sheetContext = { ...context, year: expected.year };
  const checked: PathFinding[] = checkDocument(document, sheetContext);
  const places = canonicalPlaces(document, sheetContext);
  const findings = locateFindings(checked, places);
  // A list missing or of the wrong shape cannot be shown as sheets, so neither compared nor stored.
  if (settingsHasErrors(findings) && !SETTINGS_SHEETS.every((sheet) => writes(sheet, document, sheetContext)))
    return { kind: 'refused', findings };
  return { kind: 'read', document: normalized(document, findings), basedOn: null, findings, places };
}
