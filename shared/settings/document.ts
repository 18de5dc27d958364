import type { ForbundConfig, ForbundYear } from '../model/forbund-schema';

/**
 * A settings document: one förbund's configuration for one year — its parties, platforms and
 * templates as that year has them, and the year's own settings (targets, social budget,
 * budget, trappan, last days) under `years[<year>]`, the only year it holds. It is a
 * `ForbundConfig`, so the same zod schema checks it; a förbund as code sees it is assembled
 * from the documents active for each of its years (`assembleForbund`).
 */
export type SettingsDocument = ForbundConfig;

/** Bump when the workbook's layout changes in a way older readers cannot follow. */
export const SETTINGS_FORMAT = 'samlad-settings/1';

/** The one year a settings document holds. */
export function documentYear(document: SettingsDocument): number {
  const years = Object.keys(document.years);
  if (years.length !== 1) throw new RangeError(`a settings document holds one year, not ${years.join(', ')}`);
  return Number(years[0]);
}

export function yearSettings(document: SettingsDocument): ForbundYear {
  return document.years[String(documentYear(document))] ?? {};
}

/** A förbund's configuration split into one document per configured year, oldest first. */
export function yearDocuments(forbund: ForbundConfig): SettingsDocument[] {
  return Object.keys(forbund.years)
    .sort()
    .map((year) => ({ ...forbund, years: { [year]: forbund.years[year] ?? {} } }));
}

/**
 * Which year's document gives a year its parties, platforms and templates: its own, else the
 * nearest earlier year's (settings carry on until changed), else the nearest later one's.
 */
export function structureYear(years: readonly number[], year: number): number | undefined {
  if (years.includes(year)) return year;
  const earlier = years.filter((y) => y < year);
  if (earlier.length > 0) return Math.max(...earlier);
  const later = years.filter((y) => y > year);
  return later.length > 0 ? Math.min(...later) : undefined;
}

/**
 * The förbund as `year` sees it: the structure of the document that serves the year, with every
 * year's own settings (reports compare with last year's social budget and budget).
 */
export function assembleForbund(
  documents: ReadonlyMap<number, SettingsDocument>,
  year: number,
): { forbund: ForbundConfig; servedBy: number } | undefined {
  const servedBy = structureYear([...documents.keys()], year);
  const structure = servedBy === undefined ? undefined : documents.get(servedBy);
  if (servedBy === undefined || !structure) return undefined;
  const years: Record<string, ForbundYear> = {};
  for (const [y, document] of [...documents].sort(([a], [b]) => a - b)) years[String(y)] = yearSettings(document);
  return { forbund: { ...structure, years }, servedBy };
}

/** A document with nothing but its id and year: the start of a new förbund. */
export function blankDocument(id: string, year: number): SettingsDocument {
  return {
    id,
    name: '',
    shortName: '',
    parties: [],
    platforms: [],
    platformGroups: [],
    templates: [],
    years: { [year]: {} },
  };
}

/**
 * A document carried over to another year (*Kopiera till nästa år*): the same parties,
 * platforms, templates and settings, its last days moved to the same dates of the new year.
 */
export function documentForYear(document: SettingsDocument, year: number): SettingsDocument {
  const from = documentYear(document);
  const settings = yearSettings(document);
  const shift = (text: string) => {
    const moved = `${Number(text.slice(0, 4)) + (year - from)}${text.slice(4)}`;
    // 29 February becomes the 28th in a year without it.
    return moved.endsWith('-02-29') && new Date(`${moved}T00:00:00Z`).getUTCDate() !== 29
      ? moved.replace(/-29$/, '-28')
      : moved;
  };
  const deadlines = settings.deadlines
    ? Object.fromEntries(Object.entries(settings.deadlines).map(([period, day]) => [shift(period), shift(day)]))
    : undefined;
  return { ...document, years: { [year]: { ...settings, ...(deadlines ? { deadlines } : {}) } } };
}
