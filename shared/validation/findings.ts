import type { Severity } from '../model/template-schema';

/** Every kind of finding; the Swedish text for each lives in messages-sv.ts. */
export const FINDING_CODES = [
  'required',
  'not-a-number',
  'not-an-integer',
  'negative',
  'below-min',
  'above-max',
  'not-a-choice',
  'text-too-long',
  'unknown-cell',
  'not-owner',
  'sum-mismatch',
  'exceeds-whole',
  'ratio-mismatch',
  'formula-without-result',
  'error-value',
  'implausible-change',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type FindingParams = Record<string, string | number>;

/** A problem found in a submission, as data. Text is rendered apart, by `renderFinding`. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** `Deltagare!D7`: where the user finds it in the template sheet. */
  cell: string;
  /** `deltagare.antal.tot`: the template's own address, independent of layout. */
  cellId: string;
  /** Row label, e.g. "Antal deltagare". */
  element: string;
  /** Column label, e.g. "Totalt". */
  column: string;
  /** Set for rule findings. */
  rule?: string;
  /**
   * Set when the rule fails only because a cell it reads is itself wrong: the id of that cell,
   * whose own finding is the one to fix (see consequences.ts).
   */
  causedBy?: string;
  params: FindingParams;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'fel');
}

/** The findings a user has to act on: a consequence disappears when its cause is fixed. */
export function primaryFindings<F extends Pick<Finding, 'causedBy'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.causedBy === undefined);
}

export function hasWarnings(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'varning');
}
