/**
 * Loads the seed submissions into a running Samlad through its API, as the parties would:
 * each submission with its own party's token (kansliet's for the förbund's accounts and SCB
 * imports), then kansliet approves every current version. Used by `npm run demo` and tests.
 */
import type { Registry } from '../../shared/config/registry';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { seedSubmissions, type DemoSubmission } from './seed-submissions';

export type TokenFor = (party: string) => Promise<string>;

export interface LoadOptions {
  /** e.g. http://127.0.0.1:7071/api */
  apiUrl: string;
  token: TokenFor;
  root: string;
  /** Called before each step with its number, the total and what it does (Swedish). */
  onStep?: (step: number, total: number, label: string) => void;
}

export interface LoadResult {
  submitted: number;
  approved: number;
  periods: string[];
}

export class DemoLoadError extends Error {
  override name = 'DemoLoadError';
}

interface ApiAnswer {
  status: number;
  body: unknown;
}

export async function api(
  apiUrl: string,
  method: string,
  path: string,
  token: string,
  json?: unknown,
): Promise<ApiAnswer> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

function describe(answer: ApiAnswer): string {
  const body = answer.body as { message?: string; findings?: { message?: string }[] } | undefined;
  const findings = (body?.findings ?? [])
    .slice(0, 3)
    .map((f) => f.message)
    .join(' ');
  return `HTTP ${answer.status}: ${body?.message ?? JSON.stringify(answer.body).slice(0, 200)} ${findings}`.trim();
}

async function submit(options: LoadOptions, forbund: string, s: DemoSubmission): Promise<void> {
  const token = await options.token(s.party);
  const answer = await api(options.apiUrl, 'POST', `/forbund/${forbund}/submissions`, token, {
    templateId: s.templateId,
    period: s.period,
    scope: s.scope,
    values: s.values,
    ...(s.comment ? { comment: s.comment } : {}),
  });
  if (answer.status !== 201 && answer.status !== 200) throw new DemoLoadError(`${s.label}: ${describe(answer)}`);
}

/**
 * Sends every seed submission, then approves them all as kansliet.
 *
 * @example
 * await loadSeeds(registry, umearegionen, { apiUrl, token: (party) => tokenFor(party), root });
 */
export async function loadSeeds(registry: Registry, forbund: ForbundConfig, options: LoadOptions): Promise<LoadResult> {
  const submissions = seedSubmissions(registry, forbund, options.root);
  const periods = [...new Set(submissions.map((s) => s.period))];
  const total = submissions.length + periods.length;
  let step = 0;
  for (const s of submissions) {
    options.onStep?.(++step, total, `Skickar ${s.label}`);
    await submit(options, forbund.id, s);
  }
  const kansli = await options.token('kansli');
  let approved = 0;
  for (const period of periods) {
    options.onStep?.(++step, total, `Kansliet godkänner inlämningarna för ${period}`);
    const list = await api(options.apiUrl, 'GET', `/forbund/${forbund.id}/submissions?period=${period}`, kansli);
    if (list.status !== 200) throw new DemoLoadError(`Listan för ${period}: ${describe(list)}`);
    const current = (list.body as { current: { id: string; state: string }[] }).current;
    for (const c of current.filter((x) => x.state !== 'godkand')) {
      const answer = await api(
        options.apiUrl,
        'POST',
        `/forbund/${forbund.id}/submissions/${encodeURIComponent(c.id)}/approve`,
        kansli,
      );
      if (answer.status !== 200) throw new DemoLoadError(`Godkänna ${c.id}: ${describe(answer)}`);
      approved += 1;
    }
  }
  return { submitted: submissions.length, approved, periods };
}
