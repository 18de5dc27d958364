import type { Registry } from '../../../shared/config/registry';
import { templateDefinitionSchema, type TemplateDefinition } from '../../../shared/model/template-schema';
import {
  forbundConfigurationAnswerSchema,
  forbundListAnswerSchema,
  settingsActivateAnswerSchema,
  settingsAnswerSchema,
  settingsCopyAnswerSchema,
  settingsProposalAnswerSchema,
  settingsRefusalSchema,
  templateAddedAnswerSchema,
  templateCatalogueAnswerSchema,
  workbookFileSchema,
  type ActiveSettings,
  type CatalogueTemplate,
  type ForbundEntry,
  type SettingsAnswer,
  type SettingsProposalAnswer,
  type SettingsRefusal,
} from '../../../shared/api';
import { PaneError } from './api-error';
import type { HttpClient } from './http-client';

/** A named area of the open workbook as the gateway read it: where it starts and its values. */
export interface WorkbookArea {
  sheet: string;
  top: number;
  left: number;
  values: (string | number | boolean | null)[][];
}

function definitions(raw: readonly unknown[]): TemplateDefinition[] {
  return raw.map((t) => {
    const parsed = templateDefinitionSchema.safeParse(t);
    if (!parsed.success)
      throw new PaneError('bad-response', 'En mall från Samlad kunde inte läsas. Ladda om tillägget.', {
        cause: parsed.error,
      });
    return parsed.data;
  });
}

/** The findings and changes of a refused upload, when the error carries them. */
export function settingsRefusal(error: unknown): SettingsRefusal | undefined {
  if (!(error instanceof PaneError)) return undefined;
  const parsed = settingsRefusalSchema.safeParse(error.options.details);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A förbund's configuration as a year sees it, from the API: what the pane resolves templates
 * against, so a förbund created by an administrator works in the pane at once.
 */
export async function fetchConfiguration(http: HttpClient, forbund: string, year: number): Promise<Registry> {
  const { data } = await http.json(
    `/forbund/${encodeURIComponent(forbund)}/configuration`,
    forbundConfigurationAnswerSchema,
    {
      query: { year: String(year) },
    },
  );
  return { forbund: [data.forbund], templates: definitions(data.templates) };
}

/** The förbund the dev login offers (only where the API has the dev issuer). */
export async function devForbundList(http: HttpClient): Promise<ForbundEntry[]> {
  return (await http.json('/dev/forbund', forbundListAnswerSchema)).data.forbund;
}

/** Inställningar: a förbund's settings per year, as kansliet (or an administrator) edits them. */
export class SettingsApi {
  constructor(
    private readonly http: HttpClient,
    private readonly forbund: () => string,
  ) {}

  private base(year?: number): string {
    return `/forbund/${encodeURIComponent(this.forbund())}/settings${year === undefined ? '' : `/${year}`}`;
  }

  async overview(year: number): Promise<SettingsAnswer> {
    return (await this.http.json(this.base(), settingsAnswerSchema, { query: { year: String(year) } })).data;
  }

  async workbookBase64(year: number, version?: number): Promise<{ fileName: string; base64: string }> {
    const query = { format: 'base64', version: version === undefined ? undefined : String(version) };
    return (await this.http.json(`${this.base(year)}/workbook`, workbookFileSchema, { query })).data;
  }

  workbookFile(year: number, version?: number): Promise<{ blob: Blob; fileName: string | undefined }> {
    return this.http.file(`${this.base(year)}/workbook`, {
      query: { version: version === undefined ? undefined : String(version) },
    });
  }

  async uploadFile(year: number, file: Blob, comment?: string): Promise<SettingsProposalAnswer> {
    const path = `${this.base(year)}/versions`;
    return (
      await this.http.json(path, settingsProposalAnswerSchema, { method: 'POST', body: file, query: { comment } })
    ).data;
  }

  async uploadWorkbook(
    year: number,
    workbook: Record<string, WorkbookArea>,
    comment?: string,
  ): Promise<SettingsProposalAnswer> {
    const path = `${this.base(year)}/versions`;
    return (
      await this.http.json(path, settingsProposalAnswerSchema, {
        method: 'POST',
        json: { workbook, ...(comment ? { comment } : {}) },
      })
    ).data;
  }

  async activate(
    year: number,
    request: { version: number; expectedActive: number | null; fromHistory?: boolean },
  ): Promise<ActiveSettings> {
    const path = `${this.base(year)}/activate`;
    return (await this.http.json(path, settingsActivateAnswerSchema, { method: 'POST', json: request })).data.active;
  }

  async copyToNextYear(year: number) {
    return (await this.http.json(`${this.base(year)}/copy`, settingsCopyAnswerSchema, { method: 'POST' })).data;
  }
}

/** What only administrators do: every förbund, and templates added as data. */
export class AdminApi {
  constructor(private readonly http: HttpClient) {}

  async forbund(): Promise<ForbundEntry[]> {
    return (await this.http.json('/admin/forbund', forbundListAnswerSchema)).data.forbund;
  }

  async templates(): Promise<CatalogueTemplate[]> {
    return (await this.http.json('/admin/templates', templateCatalogueAnswerSchema)).data.templates;
  }

  async addTemplate(definition: Record<string, unknown>, comment?: string): Promise<CatalogueTemplate> {
    const { data } = await this.http.json('/admin/templates', templateAddedAnswerSchema, {
      method: 'POST',
      json: { definition, ...(comment ? { comment } : {}) },
    });
    return data.template;
  }
}
