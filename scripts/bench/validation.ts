/**
 * Validation of a 2,000-cell submission: in this process (the shared validator alone, and the
 * API's whole intake: JSON schema, template lookup and resolution, validation), and through
 * the local host (POST of the JSON body, sequential and under concurrent load).
 */
import autocannon from 'autocannon';
import { draftBodySchema } from '../../functions/submissions/read-draft';
import { checkDraft } from '../../functions/submissions/intake';
import type { Principal } from '../../shared/api/principal';
import { findForbund, findTemplate, resolveTemplate, validateSubmission } from '../../shared';
import { consistentFill, seededRng, type Fill } from '../../tests/support/consistent-fill';
import { ms, timeRuns } from './measure';
import type { SectionResult } from './report';
import type { BenchStack } from './stack';
import { BENCH_PERIOD, BENCH_TEMPLATE_ID, benchRegistry, benchTemplate } from './synthetic-template';
import { planSubmissions } from './submission-plan';

const IN_PROCESS_RUNS = 200;
const HTTP_RUNS = 100;
const LOAD_SECONDS = 5;
const LOAD_CONNECTIONS = 8;
const GOAL_MS = 20;

/** One cell in twenty made wrong (a part bumped by one), so rules fail and findings are rendered. */
function withErrors(fill: Fill): Fill {
  return Object.fromEntries(
    Object.entries(fill).map(([id, v], i) => [id, i % 20 === 3 && typeof v === 'number' ? v + 1 : v]),
  );
}

export async function benchValidation(stack: BenchStack): Promise<SectionResult> {
  const template = benchTemplate();
  const fillStarted = performance.now();
  const valid = consistentFill(template, seededRng(1));
  const fillMs = performance.now() - fillStarted;
  const wrong = withErrors(valid);
  const findingCount = validateSubmission(template, wrong).findings.length;
  if (validateSubmission(template, valid).findings.length !== 0) throw new Error('the bench fill is not consistent');

  const validOnly = await timeRuns(IN_PROCESS_RUNS, 20, () => validateSubmission(template, valid));
  const validWrong = await timeRuns(IN_PROCESS_RUNS, 20, () => validateSubmission(template, wrong));
  const forbund = findForbund(benchRegistry, 'umearegionen')!;
  const principal: Principal = { subject: 'bench', role: 'reporter', forbund: 'umearegionen', party: 'umea' };
  const body = JSON.stringify({
    templateId: BENCH_TEMPLATE_ID,
    period: BENCH_PERIOD,
    scope: 'umearegionen',
    values: valid,
  });
  const intake = await timeRuns(IN_PROCESS_RUNS, 20, () =>
    checkDraft(benchRegistry, forbund, principal, draftBodySchema.parse(JSON.parse(body))),
  );
  // The intake's parts: checkDraft resolves the template on every call, and validateSubmission
  // keeps its layout and expanded rules per resolved object, so a fresh one is laid out again.
  const definition = findTemplate(benchRegistry, BENCH_TEMPLATE_ID, 2023)!;
  const bodyParse = await timeRuns(IN_PROCESS_RUNS, 20, () => draftBodySchema.parse(JSON.parse(body)));
  const resolve = await timeRuns(IN_PROCESS_RUNS, 20, () => resolveTemplate(definition, forbund, 2023));
  const freshValidate = await timeRuns(IN_PROCESS_RUNS, 20, () =>
    validateSubmission(resolveTemplate(definition, forbund, 2023), valid),
  );

  const token = await stack.token({ forbund: 'umearegionen', party: 'umea', role: 'reporter' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const benchUrl = `${stack.apiUrl}/bench/forbund/umearegionen/validate`;
  const post = async (url: string, payload: string) => {
    const response = await fetch(url, { method: 'POST', headers, body: payload });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  };
  const http = await timeRuns(HTTP_RUNS, 10, () => post(benchUrl, body));
  const httpWrong = await timeRuns(HTTP_RUNS, 10, () =>
    post(benchUrl, JSON.stringify({ ...JSON.parse(body), values: wrong })),
  );
  // The largest shipped template, through the production route, for comparison.
  const real = planSubmissions({ count: 1, resubmissions: 0, seed: 3 })[0]!;
  const realToken = await stack.token(real.slot.caller);
  const realHeaders = { ...headers, authorization: `Bearer ${realToken}` };
  const realBody = JSON.stringify(real.body);
  const realHttp = await timeRuns(HTTP_RUNS, 10, async () => {
    const response = await fetch(`${stack.apiUrl}/forbund/${real.slot.forbund}/validate`, {
      method: 'POST',
      headers: realHeaders,
      body: realBody,
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`validate answered ${response.status}`);
  });

  const load = await autocannon({
    url: benchUrl,
    method: 'POST',
    headers,
    body,
    connections: LOAD_CONNECTIONS,
    duration: LOAD_SECONDS,
  });

  return {
    id: 'validation',
    title: 'Validation of a 2,000-cell submission',
    rows: [
      {
        measure: 'in-process: validateSubmission, valid (median / p95)',
        value: `${ms(validOnly.median)} / ${ms(validOnly.p95)}`,
        goal: `< ${GOAL_MS} ms`,
        met: validOnly.median < GOAL_MS,
      },
      {
        measure: `in-process: validateSubmission, ${findingCount} findings (median / p95)`,
        value: `${ms(validWrong.median)} / ${ms(validWrong.p95)}`,
        goal: `< ${GOAL_MS} ms`,
        met: validWrong.median < GOAL_MS,
      },
      {
        measure: 'in-process: whole intake, JSON parse + schema + resolve + validate (median / p95)',
        value: `${ms(intake.median)} / ${ms(intake.p95)}`,
      },
      {
        measure:
          'of the intake (medians): JSON + schema / resolveTemplate / layout and rule expansion of a fresh template',
        value:
          `${ms(bodyParse.median)} / ${ms(resolve.median)} / ` +
          `${ms(Math.max(0, freshValidate.median - resolve.median - validOnly.median))}`,
      },
      {
        measure: 'HTTP POST validate, 2,000 cells, sequential (median / p95)',
        value: `${ms(http.median)} / ${ms(http.p95)}`,
      },
      {
        measure: `HTTP POST validate, 2,000 cells, ${findingCount} findings, sequential (median / p95)`,
        value: `${ms(httpWrong.median)} / ${ms(httpWrong.p95)}`,
      },
      {
        measure: `HTTP POST validate, ${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s: requests/s`,
        value: `${load.requests.average.toFixed(0)}`,
      },
      {
        measure: `HTTP POST validate, ${LOAD_CONNECTIONS} connections: latency p50 / p99`,
        value: `${ms(load.latency.p50)} / ${ms(load.latency.p99)}`,
      },
      {
        measure: `HTTP POST validate, ${LOAD_CONNECTIONS} connections: errors / non-2xx`,
        value: `${load.errors} / ${load.non2xx}`,
      },
      {
        measure:
          `HTTP POST validate, shipped ${real.slot.templateId} ` +
          `(${real.slot.template.cells.length} cells), sequential (median)`,
        value: ms(realHttp.median),
      },
    ],
    notes: [
      `Template: one section of 200 rows × 10 columns built through the template zod schema ` +
        `(scripts/bench/synthetic-template.ts), 210 sum-rule instances; values from consistentFill ` +
        `(its plan took ${ms(fillMs)} once).`,
      `In-process figures are medians of ${IN_PROCESS_RUNS} runs after 20 warm-up runs. "Whole ` +
        `intake" is what POST validate does besides HTTP: JSON.parse, the body's zod schema, ` +
        `checkDraft (template lookup, resolveTemplate, validation).`,
      `HTTP figures: the local host (child process) on loopback, ${HTTP_RUNS} sequential requests ` +
        `after 10 warm-up; the 2,000-cell route is a bench-only registration running the validate ` +
        `route's pipeline against the bench registry (scripts/bench/functions/bench-validate.ts). ` +
        `Load: autocannon, ${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s, on the same 2 cores as the host.`,
    ],
  };
}
