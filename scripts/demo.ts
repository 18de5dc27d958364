/**
 * `npm run demo`: Umeåregionen's 2023 figures from the seeds, end to end, on this machine.
 *
 * Starts its own embedded stack — Azurite in memory and the local Functions host on free
 * ports, in this process — so it never touches `.azurite/` or a running `npm start`. Then each
 * party sends its figures through the API with its own token (the platforms' coordinators,
 * AF, FK, the kommuner; kansliet for the accounts and the SCB imports, 2022 and 2023),
 * kansliet approves them all and asks for the consolidated workbook (as a job, polling its
 * progress), and the internal and published workbooks are written to out/. Last, the headline
 * table is read back from the written file and printed. Everything stops when it is done.
 *
 * Options: --out DIR (where the workbooks go; default out/ in the repository).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { signDevToken } from '../functions/auth/dev-token';
import { DEV_AUDIENCE, DEV_ISSUER } from '../functions/auth/settings';
import { registry } from '../shared/config/registry';
import { findForbund } from '../shared/model/selectors';
import { api, DemoLoadError, loadSeeds } from './demo/load-seeds';
import { formatHeadline, readHeadline } from './demo/headline';
import { createProgress, type ProgressDisplay } from './demo/progress';
import { consolidateAnswerSchema, jobSchema, type ReportMetadata } from '../shared/api';
import { loadFunctionApp, readHostSettings, startLocalHost, type HostLogger } from './local-host';
import { expectedStartupErrors, findAppRoot, runMain, startAzurite } from './local-stack';

const FORBUND = 'umearegionen';
const PERIOD = '2023T3';

/** Host logs would drown the progress display; errors are kept to show if something fails. */
function quietLogger(errors: string[]): HostLogger {
  return {
    log(level, source, message) {
      if (level === 'error' || level === 'critical') errors.push(`${source}: ${message}`);
    },
  };
}

async function consolidate(
  apiUrl: string,
  token: string,
  variant: 'internal' | 'published',
  progress: ProgressDisplay,
): Promise<ReportMetadata> {
  const res = await api(apiUrl, 'POST', `/forbund/${FORBUND}/consolidate`, token, { period: PERIOD, variant });
  const started = consolidateAnswerSchema.safeParse(res.body);
  if (!started.success || (res.status !== 201 && res.status !== 202))
    throw new DemoLoadError(
      `Sammanställningen svarade HTTP ${res.status}: ${(res.body as { message?: string }).message ?? ''}`,
    );
  if ('report' in started.data) return started.data.report;
  for (;;) {
    const poll = await api(apiUrl, 'GET', `/forbund/${FORBUND}/consolidate/jobs/${started.data.jobId}`, token);
    const job = jobSchema.parse(poll.body);
    progress.update(
      job.progress,
      `Sammanställer (${variant === 'internal' ? 'intern' : 'publicerad'} version): ${job.message}`,
    );
    if (job.status === 'done' && job.report) return job.report;
    if (job.status === 'failed') throw new DemoLoadError(job.message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const root = findAppRoot(__dirname);
  const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
  const forbund = findForbund(registry, FORBUND);
  if (!forbund) throw new DemoLoadError(`Förbundet ${FORBUND} finns inte i konfigurationen.`);
  const progress = createProgress();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  progress.update(0, 'Startar Azurite (i minnet) och den lokala Functions-värden');
  const azurite = await startAzurite({ blobPort: 0, queuePort: 0, tablePort: 0 });
  const errors: string[] = [];
  let stopHost: (() => Promise<void>) | undefined;
  try {
    // The app reads its settings once, when it loads: set them first. A fresh dev key, so
    // nothing else can sign tokens for this stack.
    const key = randomBytes(32).toString('hex');
    Object.assign(process.env, {
      SAMLAD_ENV: 'development',
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      AUTH_MODE: 'dev',
      AUTH_DEV_SIGNING_KEY: key,
      CONSOLIDATE_SYNC_MS: '0',
    });
    delete process.env.AzureWebJobsStorage;
    const logger = quietLogger(errors);
    const app = await loadFunctionApp({ root, logger });
    const { routePrefix, queues } = readHostSettings(root);
    const host = await startLocalHost({ app, logger, port: 0, routePrefix, runTimers: false, queues });
    stopHost = () => host.close();
    const apiUrl = `${host.url}/${routePrefix}`;
    progress.done(`Azurite och Functions-värden startade (${host.url})`);

    const settings = { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, signingKey: new TextEncoder().encode(key) };
    const tokens = new Map<string, Promise<string>>();
    const token = (party: string) => {
      if (!tokens.has(party))
        tokens.set(
          party,
          party === 'kansli'
            ? signDevToken({ forbund: FORBUND, role: 'kansli', name: 'Kansliet' }, settings)
            : signDevToken({ forbund: FORBUND, party, role: 'reporter' }, settings),
        );
      return tokens.get(party)!;
    };

    const loaded = await loadSeeds(registry, forbund, {
      apiUrl,
      token,
      root,
      onStep: (step, total, label) => progress.update(step / total, label),
    });
    progress.done(
      `${loaded.submitted} inlämningar skickade av sina parter via API:t, ${loaded.approved} ` +
        `godkända av kansliet (${loaded.periods.join(', ')})`,
    );

    const kansli = await token('kansli');
    const outDir = path.resolve(args.out ?? path.join(root, 'out'));
    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    let internal: Buffer | undefined;
    for (const variant of ['internal', 'published'] as const) {
      const report = await consolidate(apiUrl, kansli, variant, progress);
      const file = await fetch(`${apiUrl}/forbund/${FORBUND}/reports/${report.id}`, {
        headers: { authorization: `Bearer ${kansli}` },
      });
      if (file.status !== 200) throw new DemoLoadError(`Hämtningen av ${report.id} svarade HTTP ${file.status}`);
      const bytes = Buffer.from(await file.arrayBuffer());
      const target = path.join(outDir, report.fileName);
      writeFileSync(target, bytes);
      written.push(path.relative(process.cwd(), target) || target);
      if (variant === 'internal') internal = bytes;
      progress.done(
        `${variant === 'internal' ? 'Intern' : 'Publicerad'} arbetsbok: ` +
          `${path.relative(process.cwd(), target)} (${Math.round(bytes.length / 1024)} kB, sha256 ` +
          `${report.sha256.slice(0, 12)}…)`,
      );
    }

    const headline = await readHeadline(internal!);
    const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.stdout.write(`\nSammanfattning – ${forbund.name}, tertial 3 2023 (jan–dec), godkända inlämningar\n\n`);
    process.stdout.write(`${formatHeadline(headline, { current: '2023', lastYear: '2022' }, colour)}\n\n`);
    process.stdout.write(`Klart på ${elapsed()}. Arbetsböckerna:\n${written.map((w) => `  ${w}`).join('\n')}\n`);
  } catch (error) {
    if (errors.length > 0) process.stderr.write(`\nFunctions-värden loggade:\n${errors.join('\n')}\n`);
    throw error;
  } finally {
    await stopHost?.();
    await azurite.stop();
  }
}

runMain(main, [...expectedStartupErrors, 'DemoLoadError']);
