import { createHash } from 'node:crypto';
import type { CellValue } from '../../shared/model/cell-kind';

export interface SubmissionContent {
  templateId: string;
  templateVersion: number;
  scope: string;
  values: Readonly<Record<string, CellValue>>;
}

/**
 * SHA-256 over a canonical JSON form (keys sorted, missing cells left out), so the same figures
 * give the same hash however they arrived: JSON from the add-in or an uploaded workbook.
 */
export function contentHash(content: SubmissionContent): string {
  const values = Object.keys(content.values)
    .filter((k) => content.values[k] !== null && content.values[k] !== undefined)
    .sort()
    .map((k) => [k, content.values[k]]);
  const canonical = JSON.stringify([content.templateId, content.templateVersion, content.scope, values]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
