import { ApiError } from '../../../functions/api/api-error';
import type { Principal } from '../../../shared/api/principal';
import { checkDraft } from '../../../functions/submissions/intake';
import { readWorkbookDraft } from '../../../functions/submissions/workbook-draft';
import {
  FINDING_CODES,
  findForbund,
  registry,
  renderFinding,
  type CellValue,
  type Finding,
  type ResolvedTemplate,
} from '../../../shared';

/**
 * What the API makes of an uploaded workbook, without HTTP: the same workbook reader (in its
 * worker) and intake checks as POST validate / submissions, called as kansliet (who may fill
 * every cell). A user's file ends in exactly one of two ways — refused as a whole with a 4xx
 * and a Swedish reason, or read and validated into findings (none when it is clean). Anything
 * else thrown (a TypeError deep in a parser, a 500) escapes and fails the property.
 */
export type UploadVerdict =
  | { kind: 'refused'; status: number; code: string; message: string }
  | { kind: 'validated'; template: ResolvedTemplate; values: Record<string, CellValue>; findings: Finding[] };

export const kansli: Principal = { subject: 'property-test', role: 'kansli', forbund: 'umearegionen' };

/** What the API makes of `buffer` uploaded to `forbundId` (whose kansli sends it). */
export async function judgeUpload(buffer: Buffer, forbundId = kansli.forbund ?? ''): Promise<UploadVerdict> {
  try {
    const draft = await readWorkbookDraft(buffer, {
      forbund: { id: forbundId },
      atYear: async () => ({ registry }),
      current: { registry },
    });
    const forbund = findForbund(registry, draft.forbund ?? '');
    if (!forbund) throw new ApiError(422, 'unknown-forbund', 'okänt förbund');
    const checked = checkDraft(registry, forbund, { ...kansli, forbund: forbundId }, draft);
    return {
      kind: 'validated',
      template: checked.resolved,
      values: checked.values,
      findings: checked.validation.findings,
    };
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500)
      return { kind: 'refused', status: error.status, code: error.code, message: error.messageSv };
    throw error;
  }
}

/** Typed values fit their cells, findings are known codes on known cells, and every one renders in Swedish. */
export function expectWellFormed(verdict: UploadVerdict): void {
  if (verdict.kind === 'refused') {
    expect(verdict.message.length).toBeGreaterThan(10);
    return;
  }
  const { template, values, findings } = verdict;
  expect(Object.keys(values).sort()).toEqual(template.cells.map((c) => c.id).sort());
  for (const cell of template.cells) {
    const value = values[cell.id];
    if (value === null) continue;
    if (cell.spec.kind === 'text' || cell.spec.kind === 'choice') expect(typeof value).toBe('string');
    else expect(Number.isFinite(value)).toBe(true);
  }
  for (const finding of findings) {
    expect(FINDING_CODES).toContain(finding.code);
    expect(template.cellById.has(finding.cellId) || finding.code === 'unknown-cell').toBe(true);
    expect(renderFinding(finding).length).toBeGreaterThan(10);
  }
}
