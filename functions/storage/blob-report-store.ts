import type { ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import type { ReportSummary } from '../../shared/api';
import type { ReportBasis, ReportVariant } from '../../shared/indices/consolidation-model';
import type { BuiltReport } from '../consolidation/build-report';
import { REPORT_ID, type ReportRepository, type ReportTrigger } from '../consolidation/report-repository';
import { once } from './setup';

/**
 * Consolidated workbooks in Blob storage, one blob per distinct file:
 * `<förbund>/<period>/<variant>/<sha256 prefix>.xlsx`, with the facts a listing needs as blob
 * metadata and the full list of submissions used in a `.json` beside it. Content-addressed, so
 * writing the same file twice is writing nothing. A report a job wrote carries the job's id in
 * its metadata, so a job delivered again after a crash finds the report it already wrote.
 */

const ID = REPORT_ID;
const PREFIX_LENGTH = 16;

export function reportId(period: string, variant: ReportVariant, sha256: string): string {
  return `${period}-${variant}-${sha256.slice(0, PREFIX_LENGTH)}`;
}

export function blobNameOf(forbund: string, id: string): string | undefined {
  const match = ID.exec(id);
  return match ? `${forbund}/${match[1]}/${match[2]}/${match[3]}.xlsx` : undefined;
}

/** Blob metadata: ASCII values, C#-identifier keys (Azure's rules). */
const metadataSchema = z.object({
  period: z.string(),
  variant: z.enum(['internal', 'published']),
  basis: z.enum(['approved', 'latest']),
  generatedat: z.string(),
  sha256: z.string(),
  submissions: z.coerce.number(),
  inputshash: z.string(),
  filename: z.string(),
  trigger: z.enum(['api', 'timer']),
});

function summaryOf(metadata: Record<string, string> | undefined, size: number): ReportSummary | undefined {
  const parsed = metadataSchema.safeParse(metadata ?? {});
  if (!parsed.success) return undefined;
  const m = parsed.data;
  return {
    id: reportId(m.period, m.variant, m.sha256),
    fileName: m.filename,
    period: m.period,
    variant: m.variant,
    basis: m.basis,
    createdAt: m.generatedat,
    sha256: m.sha256,
    size,
    submissions: m.submissions,
    inputsHash: m.inputshash,
    trigger: m.trigger,
  };
}

export class BlobReportStore implements ReportRepository {
  private readonly ensure = once(() => this.container.createIfNotExists());

  constructor(private readonly container: ContainerClient) {}

  async save(
    forbund: string,
    report: BuiltReport,
    trigger: ReportTrigger,
    jobId?: string,
  ): Promise<{ summary: ReportSummary; written: boolean }> {
    await this.ensure();
    const id = reportId(report.period.id, report.variant, report.sha256);
    const name = blobNameOf(forbund, id)!;
    const blob = this.container.getBlockBlobClient(name);
    if (await blob.exists()) {
      const props = await blob.getProperties();
      const existing = summaryOf(props.metadata, props.contentLength ?? report.xlsx.length);
      if (existing) return { summary: existing, written: false };
    }
    const metadata: Record<string, string> = {
      period: report.period.id,
      variant: report.variant,
      basis: report.basis,
      generatedat: report.generatedAt,
      sha256: report.sha256,
      submissions: String(report.submissions.length),
      inputshash: report.inputsHash,
      filename: report.fileName,
      trigger,
    };
    // The manifest describes the file, the same whichever job wrote it; the job goes on the blob.
    const manifest = JSON.stringify(
      { ...metadata, submissions: report.submissions.map(({ values: _values, ...rest }) => rest) },
      null,
      1,
    );
    await this.container
      .getBlockBlobClient(name.replace(/\.xlsx$/, '.json'))
      .upload(manifest, Buffer.byteLength(manifest), { blobHTTPHeaders: { blobContentType: 'application/json' } });
    await blob.uploadData(report.xlsx, {
      blobHTTPHeaders: {
        blobContentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        blobContentDisposition: `attachment; filename="${report.fileName}"`,
      },
      metadata: jobId ? { ...metadata, jobid: jobId } : metadata,
    });
    return { summary: summaryOf(metadata, report.xlsx.length)!, written: true };
  }

  /** The report a job wrote, if it wrote one (found by the job id in the blobs' metadata). */
  async findByJob(forbund: string, period: string, variant: string, jobId: string): Promise<ReportSummary | undefined> {
    await this.ensure();
    for await (const item of this.container.listBlobsFlat({
      prefix: `${forbund}/${period}/${variant}/`,
      includeMetadata: true,
    })) {
      if (item.name.endsWith('.xlsx') && item.metadata?.['jobid'] === jobId)
        return summaryOf(item.metadata, item.properties.contentLength ?? 0);
    }
    return undefined;
  }

  async list(forbund: string, period?: string): Promise<ReportSummary[]> {
    await this.ensure();
    const out: ReportSummary[] = [];
    for await (const item of this.container.listBlobsFlat({
      prefix: period ? `${forbund}/${period}/` : `${forbund}/`,
      includeMetadata: true,
    })) {
      if (!item.name.endsWith('.xlsx')) continue;
      const summary = summaryOf(item.metadata, item.properties.contentLength ?? 0);
      if (summary) out.push(summary);
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  async get(forbund: string, id: string): Promise<{ summary: ReportSummary; xlsx: Buffer } | undefined> {
    const name = blobNameOf(forbund, id);
    if (!name) return undefined;
    await this.ensure();
    const blob = this.container.getBlockBlobClient(name);
    if (!(await blob.exists())) return undefined;
    const props = await blob.getProperties();
    const summary = summaryOf(props.metadata, props.contentLength ?? 0);
    if (!summary) return undefined;
    return { summary, xlsx: await blob.downloadToBuffer() };
  }
}
