import type { ForbundConfig, Party } from '../model/forbund-schema';
import type { ResolvedTemplate } from '../model/resolve';
import type { ScbImportConfig } from './import-config';
import type { HeTable } from './table';
import { BENEFIT_CONTENTS, type ContentId } from './vocabulary';

/** Where SCB's figures land: the förbund's kommuner in the file, and the template's section and columns. */

export function kommunerOf(forbund: ForbundConfig): Party[] {
  return forbund.parties.filter((p) => p.kind === 'kommun');
}

/** The names SCB may give a kommun without its code: "Umeå" for "Umeå kommun", "Bjurholm" for "Bjurholms kommun". */
function nameKeys(party: Party): string[] {
  const base = party.name
    .replace(/\s+(kommun|stad)$/i, '')
    .trim()
    .toLowerCase();
  return [...new Set([base, base.replace(/s$/, '')])].map((n) => `namn:${n}`);
}

/** The file's region key for a kommun of the förbund (by kommunkod, else by name), if the file has it. */
export function regionOfKommun(table: HeTable, kommun: Party): string | undefined {
  if (kommun.kommunkod && table.regions.has(kommun.kommunkod)) return kommun.kommunkod;
  return nameKeys(kommun).find((k) => table.regions.has(k));
}

/** Template column → SCB content, from the configuration. */
export function contentOfColumn(config: ScbImportConfig): Map<string, ContentId> {
  return new Map(
    Object.entries(config.columns).flatMap(([content, column]) => (column ? [[column, content as ContentId]] : [])),
  );
}

export function sectionOf(template: ResolvedTemplate, config: ScbImportConfig) {
  return template.sections.find((s) => s.id === config.section);
}

/** A summa the file lacks can be the sum of its six benefits. */
export function summaDerivable(table: HeTable): boolean {
  return !table.contents.includes('summa') && BENEFIT_CONTENTS.every((c) => table.contents.includes(c));
}
