import type { z } from 'zod';
import { PaneError } from '../../addin/src/api/api-error';
import { HttpClient } from '../../addin/src/api/http-client';
import { requestDevToken, SamladApi } from '../../addin/src/api/samlad-api';
import {
  AdminApi,
  devForbundList,
  fetchConfiguration,
  SettingsApi,
  settingsRefusal,
  type WorkbookArea,
} from '../../addin/src/api/settings-api';
import { registry } from '../../shared/config/registry';
import { findForbund } from '../../shared/model/selectors';
import { documentYear, settingsAreas, yearDocuments } from '../../shared/settings';
import {
  consolidateAnswerSchema,
  currentSubmissionSchema,
  forbundConfigurationAnswerSchema,
  forbundListAnswerSchema,
  settingsActivateAnswerSchema,
  settingsAnswerSchema,
  settingsCopyAnswerSchema,
  settingsProposalAnswerSchema,
  templateAddedAnswerSchema,
  templateCatalogueAnswerSchema,
  devTokenAnswerSchema,
  errorBodySchema,
  healthAnswerSchema,
  jobSchema,
  obligationsAnswerSchema,
  periodAnswerSchema,
  referencesAnswerSchema,
  reviewAnswerSchema,
  receiptSchema,
  reportsAnswerSchema,
  statusAnswerSchema,
  storedSubmissionSchema,
  submissionsAnswerSchema,
  templatesAnswerSchema,
  validateAnswerSchema,
  workbookFileSchema,
} from '../../shared/api';
import { aktualiseradeUmea2023, tabell1Arbetsmarknadstorgen2023 } from '../fixtures/seeds/seed-004-tabell-1';
import { editWorkbook, inputCellAddresses } from '../support/fill-workbook';
import { pollUntil } from '../support/poll';
import { startTestHost, startTestStack, type TestHost, type TestStack } from '../support/test-stack';
import { devAuth } from './api-client';

/**
 * One contract between pane and API (shared/api): every route's real answer from the local host
 * goes through the pane's own client (SamladApi on HttpClient, the schemas it parses with), and
 * every JSON answer recorded on the way must be exactly what its schema reads — a field the
 * server sends that the contract does not name fails here, as does one the contract requires
 * and the server leaves out.
 */
const auth = devAuth();
const FORBUND = 'umearegionen';
const PERIOD = '2024T1';
const seedValues = { ...tabell1Arbetsmarknadstorgen2023, ...aktualiseradeUmea2023 };

type Schema = z.ZodType;
interface Route {
  method: string;
  /** As registered in functions/http (`forbund/{forbund}/templates`). */
  route: string;
  /** The schema of a 2xx JSON answer; errors are all errorBodySchema. */
  schema: Schema;
}

const CONTRACT: Route[] = [
  { method: 'GET', route: 'health', schema: healthAnswerSchema },
  { method: 'POST', route: 'dev/token', schema: devTokenAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/templates', schema: templatesAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/templates/{id}/workbook', schema: workbookFileSchema },
  { method: 'POST', route: 'forbund/{forbund}/validate', schema: validateAnswerSchema },
  { method: 'POST', route: 'forbund/{forbund}/submissions', schema: receiptSchema },
  { method: 'GET', route: 'forbund/{forbund}/submissions', schema: submissionsAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/submissions/{id}', schema: storedSubmissionSchema },
  { method: 'POST', route: 'forbund/{forbund}/submissions/{id}/approve', schema: currentSubmissionSchema },
  { method: 'POST', route: 'forbund/{forbund}/submissions/{id}/return', schema: currentSubmissionSchema },
  { method: 'GET', route: 'forbund/{forbund}/submissions/{id}/review', schema: reviewAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/references', schema: referencesAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/obligations', schema: obligationsAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/status', schema: statusAnswerSchema },
  { method: 'PUT', route: 'forbund/{forbund}/periods/{period}', schema: periodAnswerSchema },
  { method: 'POST', route: 'forbund/{forbund}/consolidate', schema: consolidateAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/consolidate/jobs/{jobId}', schema: jobSchema },
  { method: 'GET', route: 'forbund/{forbund}/reports', schema: reportsAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/reports/{id}', schema: workbookFileSchema },
  { method: 'GET', route: 'forbund/{forbund}/configuration', schema: forbundConfigurationAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/settings', schema: settingsAnswerSchema },
  { method: 'GET', route: 'forbund/{forbund}/settings/{year:int}/workbook', schema: workbookFileSchema },
  { method: 'POST', route: 'forbund/{forbund}/settings/{year:int}/versions', schema: settingsProposalAnswerSchema },
  { method: 'POST', route: 'forbund/{forbund}/settings/{year:int}/activate', schema: settingsActivateAnswerSchema },
  { method: 'POST', route: 'forbund/{forbund}/settings/{year:int}/copy', schema: settingsCopyAnswerSchema },
  { method: 'GET', route: 'dev/forbund', schema: forbundListAnswerSchema },
  { method: 'GET', route: 'admin/forbund', schema: forbundListAnswerSchema },
  { method: 'GET', route: 'admin/templates', schema: templateCatalogueAnswerSchema },
  { method: 'POST', route: 'admin/templates', schema: templateAddedAnswerSchema },
];

/** The 2024 settings as the pane reads them from the open workbook: every named area's values. */
function openWorkbookAreas(): Record<string, WorkbookArea> {
  const document = yearDocuments(findForbund(registry, FORBUND)!).find((d) => documentYear(d) === 2024)!;
  const areas = settingsAreas(document, { templates: registry.templates, year: 2024 }, 1);
  return Object.fromEntries(
    [...areas].map(([id, a]) => [
      id,
      {
        sheet: a.sheet,
        top: a.top,
        left: a.left,
        values: a.cells.map((row) => row.map((c) => (c.kind === 'value' ? c.raw : null))),
      },
    ]),
  );
}

const matches = (route: string, pathname: string) =>
  new RegExp(`^/api/${route.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname);
const routeOf = (method: string, pathname: string) =>
  CONTRACT.find((r) => r.method === method && matches(r.route, pathname));

/** Every HTTP route the app registers, from the host's own start-up listing ("name: [GET] url"). */
function registeredRoutes(host: TestHost): string[] {
  return [...host.process.output().matchAll(/^\s+\w+: \[([A-Z,]+|any)\] \S+?\/api\/(\S+)$/gm)].flatMap(
    ([, methods = '', route = '']) => methods.split(',').map((m) => `${m} ${route}`),
  );
}

interface Recorded {
  method: string;
  pathname: string;
  status: number;
  json: unknown;
}
const recorded: Recorded[] = [];

/** The pane's fetch, recording every JSON answer it is given. */
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    recorded.push({
      method: init?.method ?? 'GET',
      pathname: new URL(String(input)).pathname,
      status: response.status,
      json: await response.clone().json(),
    });
  } else {
    recorded.push({ method: init?.method ?? 'GET', pathname: new URL(String(input)).pathname, status: 0, json: null });
  }
  return response;
};

function paneFor(apiUrl: string, token: string | undefined): { api: SamladApi; http: HttpClient } {
  const http = new HttpClient({ baseUrl: apiUrl, token: () => token, onUnauthorized: () => {}, fetch: recordingFetch });
  return { api: new SamladApi(http, () => FORBUND), http };
}

let stack: TestStack;
let quickHost: TestHost;
beforeAll(async () => {
  // Consolidations answer 202 with a job here, and 201 with the report on the second host.
  stack = await startTestStack({ env: { ...auth.env, CONSOLIDATE_SYNC_MS: '0' } });
  quickHost = await startTestHost({
    connectionString: stack.connectionString,
    env: { ...auth.env, CONSOLIDATE_SYNC_MS: '120000' },
  });
}, 60_000);
afterAll(async () => {
  await quickHost?.stop();
  await stack?.stop();
});

describe('the API contract, through the pane', () => {
  it("gives every route's answer to the pane's parser, which reads it", async () => {
    const umea = paneFor(stack.apiUrl, await auth.token({ forbund: FORBUND, party: 'umea', role: 'reporter' }));
    const kansli = paneFor(stack.apiUrl, await auth.token({ forbund: FORBUND, role: 'kansli' }));

    await recordingFetch(`${stack.apiUrl}/health`);
    // The dev login only answers where the host has the dev issuer, as here.
    expect(await requestDevToken(umea.http, { forbund: FORBUND, role: 'kansli' })).toMatch(/^ey/);

    const templates = await umea.api.templates(2024);
    expect(templates.map((t) => t.definition.id)).toContain('deltagare-avslut');
    const target = { templateId: 'deltagare-avslut', period: PERIOD, scope: 'ungdomstorget' };
    expect((await umea.api.templateWorkbookBase64(target)).fileName).toMatch(/\.xlsx$/);
    const file = await umea.api.templateWorkbookFile(target);
    const filled = await editWorkbook(Buffer.from(await file.blob.arrayBuffer()), (workbook) => {
      const addresses = inputCellAddresses(workbook);
      for (const [id, value] of Object.entries(seedValues)) {
        const where = addresses.get(id);
        if (where) where.sheet.getCell(where.address).value = value;
      }
    });
    const workbook = new Blob([new Uint8Array(filled)]);

    expect((await umea.api.validateValues(target, seedValues)).ok).toBe(true);
    expect((await umea.api.validateWorkbook(workbook)).ok).toBe(true);
    const refused = await umea.api
      .submitValues(target, { ...seedValues, 'deltagare.antal.tot': 1 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PaneError);
    expect((refused as PaneError).findings.length).toBeGreaterThan(0);

    const first = await umea.api.submitWorkbook(workbook);
    expect(first.created).toBe(true);
    const second = await umea.api.submitValues(target, { ...seedValues }, 'Samma som förut');
    expect(second.created).toBe(false);

    expect((await umea.api.submissions(PERIOD)).current).toHaveLength(1);
    expect(await umea.api.references(target)).toEqual([]);
    expect((await umea.api.obligations(2024)).periods.length).toBeGreaterThan(0);
    expect((await kansli.api.review(first.id)).submission.id).toBe(first.id);
    await recordingFetch(`${stack.apiUrl}/forbund/${FORBUND}/submissions/${encodeURIComponent(first.id)}`, {
      headers: { authorization: `Bearer ${await auth.token({ forbund: FORBUND, role: 'kansli' })}` },
    });

    expect((await kansli.api.status(PERIOD)).rows.length).toBeGreaterThan(0);
    expect((await kansli.api.returnSubmission(first.id, 'Kontrollera antal män')).state).toBe('returnerad');
    expect((await kansli.api.approve(first.id)).state).toBe('godkand');
    expect((await kansli.api.setPeriod(PERIOD, { locked: false, deadline: null })).locked).toBe(false);

    const started = await kansli.api.consolidate({ period: PERIOD, variant: 'internal', basis: 'approved' });
    if (started.kind !== 'job') throw new Error(`expected a job, got ${started.kind}`);
    const job = await pollUntil(
      async () => {
        const state = await kansli.api.job(started.jobId);
        return (state.status === 'done' || state.status === 'failed') && state;
      },
      { timeoutMs: 60_000, what: 'the consolidation job' },
    );
    expect(job.status).toBe('done');

    const quick = paneFor(quickHost.apiUrl, await auth.token({ forbund: FORBUND, role: 'kansli' }));
    const direct = await quick.api.consolidate({ period: PERIOD, variant: 'published', basis: 'approved' });
    if (direct.kind !== 'report') throw new Error(`expected a report, got ${direct.kind}`);

    const reports = await kansli.api.reports(PERIOD);
    expect(reports.map((r) => r.variant).sort()).toEqual(['internal', 'published']);
    expect((await kansli.api.reportBase64(direct.report.id)).fileName).toBe(direct.report.fileName);
    expect((await kansli.api.reportFile(direct.report.id)).fileName).toBe(direct.report.fileName);

    // Inställningar, as kansliet uses them in the pane.
    expect((await fetchConfiguration(umea.http, FORBUND, 2024)).forbund[0]?.id).toBe(FORBUND);
    expect((await devForbundList(umea.http)).map((f) => f.id)).toContain(FORBUND);
    const settings = new SettingsApi(kansli.http, () => FORBUND);
    expect((await settings.overview(2024)).active?.version).toBe(1);
    expect((await settings.workbookBase64(2024)).fileName).toMatch(/\.xlsx$/);
    const settingsFile = await settings.workbookFile(2024);
    expect((await settings.uploadFile(2024, settingsFile.blob)).outcome).toBe('unchanged');
    const areas = openWorkbookAreas();
    const mal = areas.mal!;
    const row = mal.values.findIndex((r) => r[0] === 'deltagare-avslut.andel_positiv');
    mal.values[row]![3] = 75;
    const proposed = await settings.uploadWorkbook(2024, areas, 'Nytt mål');
    expect(proposed.outcome).toBe('stored');
    mal.values[row]![3] = 'sjuttiofem';
    const refusedSettings = await settings.uploadWorkbook(2024, areas).catch((e: unknown) => e);
    expect(settingsRefusal(refusedSettings)?.findings[0]?.cell).toMatch(/^'Mål'!D\d+$/);
    expect((await settings.activate(2024, { version: proposed.version.version, expectedActive: 1 })).version).toBe(2);
    expect((await settings.copyToNextYear(2026)).activated).toBe(true);

    const admin = new AdminApi(paneFor(stack.apiUrl, await auth.token({ role: 'admin' })).http);
    expect((await admin.forbund()).map((f) => f.id)).toEqual(['skelleftea-norsjo', FORBUND]);
    const catalogue = await admin.templates();
    const builtIn = templates[0]!.definition;
    expect(catalogue.length).toBeGreaterThan(5);
    expect((await admin.addTemplate({ ...builtIn, id: 'kontrakt', version: 1 })).builtIn).toBe(false);
  }, 120_000);

  it('recorded answers that are exactly what their schemas read: no field unnamed, none missing', () => {
    const json = recorded.filter((r) => r.status !== 0);
    expect(json.length).toBeGreaterThan(20);
    for (const answer of json) {
      const route = routeOf(answer.method, answer.pathname);
      expect({ answer: `${answer.method} ${answer.pathname}`, known: route !== undefined }).toEqual({
        answer: `${answer.method} ${answer.pathname}`,
        known: true,
      });
      const schema = answer.status >= 400 ? errorBodySchema : route!.schema;
      expect(schema.parse(answer.json)).toEqual(answer.json);
    }
    expect(json.some((r) => r.status === 422)).toBe(true);
  });

  it('covers every route the app registers', () => {
    const answered = new Set(
      recorded
        .filter((r) => r.status < 400)
        .map((r) => routeOf(r.method, r.pathname))
        .map((r) => r && `${r.method} ${r.route}`),
    );
    const registered = registeredRoutes(stack);
    expect(registered.length).toBeGreaterThanOrEqual(CONTRACT.length);
    expect(registered.filter((r) => !answered.has(r))).toEqual([]);
  });
});
