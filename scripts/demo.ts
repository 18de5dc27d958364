/**
 * `npm run demo`: both förbund of the seeds, end to end, on this machine — Umeåregionen's 2023
 * (seeds 001–004) and Skellefteå-Norsjö's ArbSam 2025 (seed 000).
 *
 * Starts its own embedded stack — Azurite in memory and the local Functions host on free
 * ports, in this process — so it never touches `.azurite/` or a running `npm start`. Then each
 * party sends its figures through the API with its own token (the platforms' coordinators,
 * AF, FK, the kommuner; kansliet for the accounts and the SCB imports), kansliet approves them
 * all and asks for the consolidated workbook (as a job, polling its progress), and the internal
 * and published workbooks are written to out/. Last, each förbund's headline table and the
 * figures its Kontroll sheet flags are read back from the written file, by their defined names,
 * and printed. Everything stops when it is done.
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
import { describePeriod, requirePeriod } from '../shared/model/period';
import { findForbund } from '../shared/model/selectors';
import { api, DemoLoadError, loadSeeds } from './demo/load-seeds';
import { formatHeadline, readChecks, readHeadline } from './demo/headline';
import { DEMO_REPORTS } from './demo/seed-submissions';
import { createProgress, type ProgressDisplay } from './demo/progress';
import { consolidateAnswerSchema, jobSchema, type ReportMetadata } from '../shared/api';
import { loadFunctionApp, readHostSettings, startLocalHost, type HostLogger } from './local-host';
import { expectedStartupErrors, findAppRoot, runMain, startAzurite } from './local-stack';

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
  report: { forbund: string; period: string },
  variant: 'internal' | 'published',
  progress: ProgressDisplay,
): Promise<ReportMetadata> {
  const res = await api(apiUrl, 'POST', `/forbund/${report.forbund}/consolidate`, token, {
    period: report.period,
    variant,
  });
  const started = consolidateAnswerSchema.safeParse(res.body);
  if (!started.success || (res.status !== 201 && res.status !== 202))
    throw new DemoLoadError(
      `Sammanställningen svarade HTTP ${res.status}: ${(res.body as { message?: string }).message ?? ''}`,
    );
  if ('report' in started.data) return started.data.report;
  for (;;) {
    const jobPath = `/forbund/${report.forbund}/consolidate/jobs/${started.data.jobId}`;
    const job = jobSchema.parse((await api(apiUrl, 'GET', jobPath, token)).body);
    progress.update(
      job.progress,
      `Sammanställer (${variant === 'internal' ? 'intern' : 'publicerad'} version): ${job.message}`,
    );
    if (job.status === 'done' && job.report) return job.report;
    if (job.status === 'failed') throw new DemoLoadError(job.message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A förbund's headline table and what its Kontroll sheet flags, read back from the written file by name. */
async function summary(name: string, period: string, xlsx: Buffer): Promise<string> {
  const colour = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const year = Number(period.slice(0, 4));
  const lines = [
    `Sammanfattning – ${name}, ${describePeriod(requirePeriod(period))}, godkända inlämningar`,
    '',
    formatHeadline(await readHeadline(xlsx), { current: String(year), lastYear: String(year - 1) }, colour),
  ];
  const checks = await readChecks(xlsx);
  if (checks.length > 0) {
    const rules = new Set(checks.map((c) => `${c.scope}|${c.rule}`));
    lines.push(
      '',
      `Kontroll: ${checks.length} värden bryter mot ${rules.size} ${rules.size === 1 ? 'regel' : 'regler'} i ` +
        `mallarna (bladet Kontroll):`,
    );
    for (const c of checks)
      lines.push(
        `  ${c.scope}, ${c.cell}: angivet ${c.actual}, enligt regeln ${c.expected} (skillnad ${c.difference}) – ` +
          `${c.rule}`,
      );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = findAppRoot(__dirname);
  const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
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
    const outDir = path.resolve(args.out ?? path.join(root, 'out'));
    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    const summaries: string[] = [];
    for (const demo of DEMO_REPORTS) {
      const forbund = findForbund(registry, demo.forbund);
      if (!forbund) throw new DemoLoadError(`Förbundet ${demo.forbund} finns inte i konfigurationen.`);
      const tokens = new Map<string, Promise<string>>();
      const token = (party: string) => {
        if (!tokens.has(party))
          tokens.set(
            party,
            party === 'kansli'
              ? signDevToken({ forbund: forbund.id, role: 'kansli', name: 'Kansliet' }, settings)
              : signDevToken({ forbund: forbund.id, party, role: 'reporter' }, settings),
          );
        return tokens.get(party)!;
      };
      const loaded = await loadSeeds(registry, forbund, {
        apiUrl,
        token,
        root,
        onStep: (step, total, label) => progress.update(step / total, `${forbund.shortName}: ${label}`),
      });
      progress.done(
        `${forbund.shortName}: ${loaded.submitted} inlämningar skickade av sina parter via API:t, ` +
          `${loaded.approved} godkända av kansliet (${loaded.periods.join(', ')})`,
      );
      const kansli = await token('kansli');
      let internal: Buffer | undefined;
      for (const variant of ['internal', 'published'] as const) {
        const report = await consolidate(apiUrl, kansli, demo, variant, progress);
        const file = await fetch(`${apiUrl}/forbund/${forbund.id}/reports/${report.id}`, {
          headers: { authorization: `Bearer ${kansli}` },
        });
        if (file.status !== 200) throw new DemoLoadError(`Hämtningen av ${report.id} svarade HTTP ${file.status}`);
        const bytes = Buffer.from(await file.arrayBuffer());
        const target = path.join(outDir, report.fileName);
        writeFileSync(target, bytes);
        written.push(path.relative(process.cwd(), target) || target);
        if (variant === 'internal') internal = bytes;
        progress.done(
          `${forbund.shortName}: ${variant === 'internal' ? 'intern' : 'publicerad'} arbetsbok ` +
            `${path.relative(process.cwd(), target)} (${Math.round(bytes.length / 1024)} kB, sha256 ` +
            `${report.sha256.slice(0, 12)}…)`,
        );
      }
      summaries.push(await summary(forbund.name, demo.period, internal!));
    }
    process.stdout.write(`\n${summaries.join('\n\n')}\n\n`);
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
