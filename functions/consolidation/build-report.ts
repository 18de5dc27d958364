import { createHash } from 'node:crypto';
import type { Registry } from '../../shared/config/registry';
import { consolidate, type Consolidation } from '../../shared/consolidation/consolidate';
import type { ReportBasis, ReportVariant, SubmissionRecord } from '../../shared/indices/consolidation-model';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import type { Period } from '../../shared/model/period';
import { templatesForForbund } from '../../shared/model/selectors';
import { appVersion } from '../app-info';
import { writeConsolidatedWorkbook } from './report-workbook/consolidated-workbook';

export interface ReportRequest {
  forbund: ForbundConfig;
  period: Period;
  variant: ReportVariant;
  basis: ReportBasis;
}

export interface BuiltReport extends ReportRequest {
  xlsx: Buffer;
  sha256: string;
  /** Hash of everything the report was built from (see {@link inputsHash}). */
  inputsHash: string;
  generatedAt: string;
  fileName: string;
  consolidation: Consolidation;
  submissions: SubmissionRecord[];
}

/**
 * A hash of what a report is made from: förbund, period, variant, basis, Samlad's version, the
 * template versions, and each submission's id, hash and state. Two runs with the same inputs
 * get the same hash; any new or re-approved submission changes it.
 */
export function inputsHash(registry: Registry, request: ReportRequest, records: readonly SubmissionRecord[]): string {
  const templates = templatesForForbund(registry, request.forbund, request.period.year).map(
    (t) => `${t.id}@${t.version}`,
  );
  const canonical = JSON.stringify({
    forbund: request.forbund.id,
    period: request.period.id,
    variant: request.variant,
    basis: request.basis,
    version: appVersion,
    templates,
    submissions: records.map((r) => [r.id, r.sha256, r.state]).sort(),
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const VARIANT_FILE = { internal: 'intern', published: 'publicerad' } satisfies Record<ReportVariant, string>;

/**
 * Consolidates the records and writes the workbook. Pure apart from the time passed in:
 * the same records and generatedAt give the same bytes, hence the same sha256.
 */
export async function buildReport(
  registry: Registry,
  request: ReportRequest,
  records: SubmissionRecord[],
  generatedAt: string,
): Promise<BuiltReport> {
  const consolidation = consolidate({
    registry,
    forbund: request.forbund,
    period: request.period,
    variant: request.variant,
    basis: request.basis,
    generatedAt,
    submissions: records,
  });
  const hash = inputsHash(registry, request, records);
  const xlsx = await writeConsolidatedWorkbook(consolidation, { inputsHash: hash, generator: `Samlad ${appVersion}` });
  const sha256 = createHash('sha256').update(xlsx).digest('hex');
  return {
    ...request,
    xlsx,
    sha256,
    inputsHash: hash,
    generatedAt,
    fileName:
      ['Samlad', request.forbund.id, request.period.id, VARIANT_FILE[request.variant], sha256.slice(0, 8)].join('_') +
      '.xlsx',
    consolidation,
    submissions: records,
  };
}
