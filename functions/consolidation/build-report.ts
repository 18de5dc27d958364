import { createHash } from 'node:crypto';
import { consolidate, type Consolidation } from '../../shared/consolidation/consolidate';
import type { ReportBasis, ReportVariant, SubmissionRecord } from '../../shared/indices/consolidation-model';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import type { Period } from '../../shared/model/period';
import { templatesForForbund } from '../../shared/model/selectors';
import { appVersion } from '../app-info';
import type { ForbundAtYear } from '../configuration/snapshot';
import { writeConsolidatedWorkbook } from './report-workbook/consolidated-workbook';

export interface ReportRequest {
  forbund: ForbundConfig;
  /** The configuration the report is built with: the period's year's, or the current one kansliet asked for. */
  configuration: ReportConfiguration;
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

export interface ReportConfiguration extends Pick<ForbundAtYear, 'registry' | 'settings' | 'hash'> {
  /** Set when kansliet asked for the settings in force now rather than the period's own year's. */
  current?: boolean;
}

/**
 * A hash of what a report is made from: förbund, period, variant, basis, Samlad's version, the
 * configuration (its hash), the template versions, and each submission's id, hash and state. Two
 * runs with the same inputs get the same hash; any new or re-approved submission, or settings
 * activated for the year, change it.
 */
export function inputsHash(request: ReportRequest, records: readonly SubmissionRecord[]): string {
  const registry = request.configuration.registry;
  const templates = templatesForForbund(registry, request.forbund, request.period.year).map(
    (t) => `${t.id}@${t.version}`,
  );
  const canonical = JSON.stringify({
    forbund: request.forbund.id,
    period: request.period.id,
    variant: request.variant,
    basis: request.basis,
    version: appVersion,
    configuration: request.configuration.hash,
    templates,
    submissions: records.map((r) => [r.id, r.sha256, r.state]).sort(),
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** What Om rapporten says about the settings: which version of which year, and the configuration's hash. */
function settingsLine(request: ReportRequest): { text: string; sha256: string } {
  const { settings, current, hash } = request.configuration;
  const whose =
    settings.year === request.period.year
      ? `${settings.year}`
      : current
        ? `${settings.year}, de som gäller nu (kansliet valde dem i stället för ${request.period.year}s)`
        : `${settings.year}, som gäller även ${request.period.year}`;
  return { text: `${request.forbund.id} ${whose}, version ${settings.version}`, sha256: hash };
}

const VARIANT_FILE = { internal: 'intern', published: 'publicerad' } satisfies Record<ReportVariant, string>;

/**
 * Consolidates the records and writes the workbook. Pure apart from the time passed in:
 * the same records and generatedAt give the same bytes, hence the same sha256.
 */
export async function buildReport(
  request: ReportRequest,
  records: SubmissionRecord[],
  generatedAt: string,
): Promise<BuiltReport> {
  const consolidation = consolidate({
    registry: request.configuration.registry,
    forbund: request.forbund,
    period: request.period,
    variant: request.variant,
    basis: request.basis,
    generatedAt,
    submissions: records,
  });
  const hash = inputsHash(request, records);
  const xlsx = await writeConsolidatedWorkbook(consolidation, {
    inputsHash: hash,
    generator: `Samlad ${appVersion}`,
    settings: settingsLine(request),
  });
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
