import { scbHelarsekvivalenter } from '../../../shared/config/scb-helarsekvivalenter';
import type { ForbundConfig } from '../../../shared/model/forbund-schema';
import type { ResolvedTemplate } from '../../../shared/model/resolve';
import { importScb, type ScbImport, type ScbImportResult } from '../../../shared/scb/import';
import { previewScbPeriod, type ScbPreview } from '../../../shared/scb/preview';
import { readScbFile } from '../../../shared/scb/read-file';
import { browserInflateRaw } from './inflate-raw';

/**
 * Importera SCB's reading, loaded only when kansliet reads a file: the parsers of every format
 * stay out of the pane's first load.
 */
export async function readScbImport(
  fileName: string,
  bytes: Uint8Array,
  forbund: ForbundConfig,
  templateFor: (period: string) => ResolvedTemplate | undefined,
): Promise<ScbImportResult> {
  const file = await readScbFile(fileName, bytes, browserInflateRaw);
  return file.ok ? importScb(file, forbund, templateFor, scbHelarsekvivalenter) : file;
}

export function previewPeriod(
  found: ScbImport,
  forbund: ForbundConfig,
  template: ResolvedTemplate,
  period: string,
): ScbPreview {
  return previewScbPeriod(found, forbund, template, period, scbHelarsekvivalenter);
}
