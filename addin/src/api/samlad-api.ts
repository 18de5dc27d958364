import { templateDefinitionSchema, type TemplateDefinition } from '../../../shared/model/template-schema';
import { PaneError } from './api-error';
import type { HttpClient } from './http-client';
import {
  consolidateAnswerSchema,
  currentSubmissionSchema,
  devTokenAnswerSchema,
  jobSchema,
  obligationsAnswerSchema,
  periodAnswerSchema,
  referencesAnswerSchema,
  reviewAnswerSchema,
  submissionsAnswerSchema,
  receiptSchema,
  reportsAnswerSchema,
  statusAnswerSchema,
  templatesAnswerSchema,
  validateAnswerSchema,
  workbookFileSchema,
  type ApiReference,
  type ApiScope,
  type ConsolidationJob,
  type ObligationsAnswer,
  type ReviewAnswer,
  type SubmissionsAnswer,
  type CurrentSubmission,
  type PeriodAnswer,
  type Receipt,
  type ReportMetadata,
  type ReportSummary,
  type StatusAnswer,
  type ValidateAnswer,
} from '../../../shared/api';

export interface AvailableTemplate {
  definition: TemplateDefinition;
  scopes: ApiScope[];
}

/** What a submission is for: template, period and scope. */
export interface SubmissionTarget {
  templateId: string;
  period: string;
  scope: string;
}

export type CellValues = Record<string, number | string | null>;

export type ConsolidationStart = { kind: 'report'; report: ReportMetadata } | { kind: 'job'; jobId: string };

/** Samlad's API as the pane uses it: one method per endpoint, typed in and out. */
export class SamladApi {
  constructor(
    private readonly http: HttpClient,
    private readonly forbund: () => string,
  ) {}

  private base(): string {
    return `/forbund/${encodeURIComponent(this.forbund())}`;
  }

  async templates(year: number): Promise<AvailableTemplate[]> {
    const { data } = await this.http.json(`${this.base()}/templates`, templatesAnswerSchema, {
      query: { year: String(year) },
    });
    return data.templates.map((t) => {
      const definition = templateDefinitionSchema.safeParse(t.definition);
      if (!definition.success)
        throw new PaneError('bad-response', 'En mall från Samlad kunde inte läsas. Ladda om tillägget.', {
          cause: definition.error,
        });
      return { definition: definition.data, scopes: t.scopes };
    });
  }

  private workbookPath(target: Omit<SubmissionTarget, 'period'>): string {
    return `${this.base()}/templates/${encodeURIComponent(target.templateId)}/workbook`;
  }

  async templateWorkbookBase64(target: SubmissionTarget): Promise<{ fileName: string; base64: string }> {
    const { data } = await this.http.json(this.workbookPath(target), workbookFileSchema, {
      query: { period: target.period, scope: target.scope, format: 'base64' },
    });
    return data;
  }

  templateWorkbookFile(target: SubmissionTarget): Promise<{ blob: Blob; fileName: string | undefined }> {
    return this.http.file(this.workbookPath(target), { query: { period: target.period, scope: target.scope } });
  }

  async validateValues(target: SubmissionTarget, values: CellValues): Promise<ValidateAnswer> {
    return (
      await this.http.json(`${this.base()}/validate`, validateAnswerSchema, {
        method: 'POST',
        json: { ...target, values },
      })
    ).data;
  }

  async validateWorkbook(file: Blob): Promise<ValidateAnswer> {
    return (await this.http.json(`${this.base()}/validate`, validateAnswerSchema, { method: 'POST', body: file })).data;
  }

  /** Only the template's values (aggregates) and the comment are sent: never anything else from the workbook. */
  async submitValues(target: SubmissionTarget, values: CellValues, comment?: string): Promise<Receipt> {
    return (
      await this.http.json(`${this.base()}/submissions`, receiptSchema, {
        method: 'POST',
        json: { ...target, values, ...(comment ? { comment } : {}) },
      })
    ).data;
  }

  async submitWorkbook(file: Blob, comment?: string): Promise<Receipt> {
    return (
      await this.http.json(`${this.base()}/submissions`, receiptSchema, {
        method: 'POST',
        body: file,
        query: { comment },
      })
    ).data;
  }

  /** The caller's own series' earlier figures, for the plausibility check before sending. */
  async references(target: SubmissionTarget): Promise<ApiReference[]> {
    const { data } = await this.http.json(`${this.base()}/references`, referencesAnswerSchema, {
      query: { templateId: target.templateId, period: target.period, scope: target.scope },
    });
    return data.references;
  }

  /** Current submissions and every version of a period (a reporter's own party's). */
  async submissions(period: string): Promise<SubmissionsAnswer> {
    return (await this.http.json(`${this.base()}/submissions`, submissionsAnswerSchema, { query: { period } })).data;
  }

  /** Every report the signed-in party owes in a year, with state, comment and deadline. */
  async obligations(year: number): Promise<ObligationsAnswer> {
    return (
      await this.http.json(`${this.base()}/obligations`, obligationsAnswerSchema, { query: { year: String(year) } })
    ).data;
  }

  /** Kansliet opens a version: previous version, earlier figures and findings. */
  async review(id: string): Promise<ReviewAnswer> {
    return (await this.http.json(`${this.base()}/submissions/${encodeURIComponent(id)}/review`, reviewAnswerSchema))
      .data;
  }

  async status(period: string): Promise<StatusAnswer> {
    return (await this.http.json(`${this.base()}/status`, statusAnswerSchema, { query: { period } })).data;
  }

  async approve(id: string, comment?: string): Promise<CurrentSubmission> {
    const path = `${this.base()}/submissions/${encodeURIComponent(id)}/approve`;
    return (await this.http.json(path, currentSubmissionSchema, { method: 'POST', json: comment ? { comment } : {} }))
      .data;
  }

  async returnSubmission(id: string, comment: string): Promise<CurrentSubmission> {
    const path = `${this.base()}/submissions/${encodeURIComponent(id)}/return`;
    return (await this.http.json(path, currentSubmissionSchema, { method: 'POST', json: { comment } })).data;
  }

  async setPeriod(period: string, settings: { locked: boolean; deadline?: string | null }): Promise<PeriodAnswer> {
    const path = `${this.base()}/periods/${encodeURIComponent(period)}`;
    return (await this.http.json(path, periodAnswerSchema, { method: 'PUT', json: settings })).data;
  }

  async consolidate(request: {
    period: string;
    variant: 'internal' | 'published';
    basis: 'approved' | 'latest';
    /** The period's year's own settings (the default), or those in force now. */
    settings?: 'period' | 'current';
  }): Promise<ConsolidationStart> {
    const { data } = await this.http.json(`${this.base()}/consolidate`, consolidateAnswerSchema, {
      method: 'POST',
      json: request,
    });
    if ('report' in data) return { kind: 'report', report: data.report };
    return { kind: 'job', jobId: data.jobId };
  }

  async job(jobId: string): Promise<ConsolidationJob> {
    return (await this.http.json(`${this.base()}/consolidate/jobs/${encodeURIComponent(jobId)}`, jobSchema)).data;
  }

  async reports(period: string): Promise<ReportSummary[]> {
    return (await this.http.json(`${this.base()}/reports`, reportsAnswerSchema, { query: { period } })).data.reports;
  }

  reportFile(id: string): Promise<{ blob: Blob; fileName: string | undefined }> {
    return this.http.file(`${this.base()}/reports/${encodeURIComponent(id)}`);
  }

  async reportBase64(id: string): Promise<{ fileName: string; base64: string }> {
    return (
      await this.http.json(`${this.base()}/reports/${encodeURIComponent(id)}`, workbookFileSchema, {
        query: { format: 'base64' },
      })
    ).data;
  }
}

/** The dev issuer's login (functions/http/dev-token.ts); outside a förbund, so not on SamladApi. */
export async function requestDevToken(
  http: HttpClient,
  request: { forbund?: string; party?: string; role: 'reporter' | 'kansli' | 'admin' },
): Promise<string> {
  return (await http.json('/dev/token', devTokenAnswerSchema, { method: 'POST', json: request })).data.token;
}
