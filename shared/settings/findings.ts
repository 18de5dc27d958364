import type { Severity } from '../model/template-schema';

/** Every kind of finding in a settings upload; the Swedish text for each is in messages-sv.ts. */
export const SETTINGS_FINDING_CODES = [
  'not-settings-workbook',
  'unsupported-format',
  'wrong-forbund',
  'wrong-year',
  'unknown-base',
  'name-missing',
  'headers-changed',
  'required',
  'not-a-number',
  'not-an-integer',
  'below-min',
  'above-max',
  'not-a-choice',
  'not-yes-no',
  'not-a-date',
  'invalid-text',
  'formula-without-result',
  'error-value',
  'duplicate-id',
  'kommun-without-kommunkod',
  'share-not-kommun',
  'share-missing',
  'shares-total',
  'unknown-party',
  'unknown-platform',
  'unknown-template',
  'template-other-forbund',
  'no-templates',
  'unknown-figure',
  'impactindex-target-missing',
  'unknown-area',
  'weights-off',
  'unknown-formula',
  'target-value-missing',
  'rule',
  'scope-in-use',
  'template-in-use',
  'invalid',
] as const;
export type SettingsFindingCode = (typeof SETTINGS_FINDING_CODES)[number];

export type SettingsFindingParams = Record<string, string | number>;

/** A problem in a settings upload, as data: where (sheet and cell, as in the workbook) and what. */
export interface SettingsFinding {
  code: SettingsFindingCode;
  severity: Severity;
  sheet: string;
  /** `'Parter och kommuner'!E9`, a range of cells, or the sheet's name when no one cell is to blame. */
  cell: string;
  params: SettingsFindingParams;
}

export function settingsHasErrors(findings: readonly SettingsFinding[]): boolean {
  return findings.some((f) => f.severity === 'fel');
}
