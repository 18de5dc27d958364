/**
 * The deadline burst: 200 submissions in flight at once against the local stack — every
 * template, förbund, period and party the configuration allows, plus resubmissions racing for
 * the same report's pointer — repeated for a few rounds (each round resubmits every report
 * with new figures, as parties correcting themselves would). Then storage is read back to
 * prove every acknowledged submission (201) is stored exactly once, versions 1..n per report.
 */
import { readFileSync } from 'node:fs';
import { checkStoredSubmissions } from './storage-check';
import { percentile, ms } from './measure';
import { runPool } from './pool';
import { postSubmission, tokenCache, type SubmissionOutcome } from './post-submission';
import type { SectionResult } from './report';
import type { BenchStack } from './stack';
import { planSubmissions, slotKey, type PlannedSubmission } from './submission-plan';

const BURST = 200;
const RESUBMISSIONS = 30;
const ROUNDS = 3;
/** A last round with fewer in flight: latency when requests do not queue behind each other. */
const PACED_CONCURRENCY = 20;
/**
 * At a deadline the app has been serving submissions all day: the warm-up gives the host's JIT
 * and connection pools that state (a cold start is measured separately, under cold import).
 */
const WARMUP = 60;
const WARMUP_CONCURRENCY = 10;
const GOAL_P99_MS = 1000;
/** USER_HZ, the unit of /proc's CPU times: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

interface Round {
  concurrency: number;
  wallMs: number;
  outcomes: SubmissionOutcome[];
  /** CPU the host process and this process (Azurite and the client) spent, in ms. */
  hostCpuMs: number;
  benchCpuMs: number;
}

/**
 * CPU time of a whole process so far (every thread: the main one, GC helpers, the libuv pool),
 * in ms, from /proc/<pid>/stat's utime + stime; NaN where there is no /proc.
 */
function processCpuMs(pid: number): number {
  try {
    // The command name in parentheses may hold spaces and ")": the fields start after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

export async function benchBurst(stack: BenchStack): Promise<SectionResult> {
  const tokenFor = tokenCache(stack.token);
  const plans = Array.from({ length: ROUNDS + 1 }, (_, r) =>
    planSubmissions({ count: BURST, resubmissions: RESUBMISSIONS, seed: 100 + r }),
  );
  const warmup: PlannedSubmission[] = planSubmissions({ count: WARMUP, resubmissions: 0, seed: 99 });
  const all: SubmissionOutcome[] = await runPool(warmup, WARMUP_CONCURRENCY, async (p) =>
    postSubmission(stack.apiUrl, await tokenFor(p), p),
  );
  await Promise.all(plans.flat().map((p) => tokenFor(p)));

  const rounds: Round[] = [];
  for (const [i, plan] of plans.entries()) {
    const concurrency = i < ROUNDS ? BURST : PACED_CONCURRENCY;
    const hostCpu = processCpuMs(stack.hostPid);
    const benchCpu = processCpuMs(process.pid);
    const started = performance.now();
    const outcomes = await runPool(plan, concurrency, async (p) => postSubmission(stack.apiUrl, await tokenFor(p), p));
    const wallMs = performance.now() - started;
    rounds.push({
      concurrency,
      wallMs,
      outcomes,
      hostCpuMs: processCpuMs(stack.hostPid) - hostCpu,
      benchCpuMs: processCpuMs(process.pid) - benchCpu,
    });
    all.push(...outcomes);
  }

  const acknowledged = all.filter((o) => o.status === 201);
  const partitions = all.map((o) => ({ forbund: o.planned.slot.forbund, period: o.planned.slot.period }));
  const stored = await checkStoredSubmissions(stack.connectionString, partitions);
  let lost = 0;
  for (const o of acknowledged) {
    const versions = stored.versions.get(slotKey(o.planned.slot)) ?? [];
    if (versions.filter((v) => v.id === o.receipt?.id && v.sha256 === o.receipt.sha256).length !== 1) lost++;
  }
  const extra = stored.versionCount - acknowledged.length;

  const burstRounds = rounds.slice(0, ROUNDS);
  const burstOutcomes = burstRounds.flatMap((r) => r.outcomes);
  const perSubmission = (key: 'hostCpuMs' | 'benchCpuMs') =>
    burstRounds.reduce((n, r) => n + r[key], 0) / burstOutcomes.length;
  const latencies = burstOutcomes.map((o) => o.ms).sort((a, b) => a - b);
  const errors = all.filter((o) => o.status !== 201 && o.status !== 200);
  const throttled = all.filter((o) => o.status === 429).length;
  const principals = new Set(plans[0]!.map((p) => p.slot.caller.subject)).size;
  const statusCounts = new Map<string, number>();
  for (const o of all) statusCounts.set(String(o.status), (statusCounts.get(String(o.status)) ?? 0) + 1);
  const p99 = percentile(latencies, 99);
  const contended = new Set(plans[0]!.slice(BURST - RESUBMISSIONS).map((p) => slotKey(p.slot))).size;

  return {
    id: 'burst',
    title: 'Deadline burst',
    rows: [
      ...rounds.map((r, i) => {
        const sorted = r.outcomes.map((o) => o.ms).sort((a, b) => a - b);
        const label =
          r.concurrency === BURST
            ? `round ${i + 1}: ${BURST} at once`
            : `round ${i + 1}: ${BURST}, ${r.concurrency} in flight`;
        return {
          measure: `${label} — p50 / p99 / max; wall; submissions/s; CPU per submission host / bench`,
          value:
            `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 99))} / ` +
            `${ms(sorted[sorted.length - 1]!)}; ${ms(r.wallMs)}; ` +
            `${((BURST * 1000) / r.wallMs).toFixed(0)}; ${ms(r.hostCpuMs / BURST)} / ${ms(r.benchCpuMs / BURST)}`,
        };
      }),
      {
        measure: `the ${burstOutcomes.length} sent ${BURST} at once: latency p50 / p99`,
        value: `${ms(percentile(latencies, 50))} / ${ms(p99)}`,
        goal: `p99 < ${GOAL_P99_MS} ms`,
        met: p99 < GOAL_P99_MS,
      },
      {
        measure: 'CPU per submission: host process / bench process (Azurite + client)',
        value: `${ms(perSubmission('hostCpuMs'))} / ${ms(perSubmission('benchCpuMs'))}`,
      },
      {
        measure: 'errors (not 201 or 200), all rounds',
        value: `${errors.length}`,
        goal: '0',
        met: errors.length === 0,
      },
      {
        measure:
          `throttled (429), all rounds: ${principals} principals a round, one client address, ` + 'the default limits',
        value: `${throttled}`,
        goal: '0',
        met: throttled === 0,
      },
      { measure: 'statuses', value: [...statusCounts].map(([s, n]) => `${n} × ${s}`).join(', ') },
      { measure: 'acknowledged (201) in all, with warm-up', value: `${acknowledged.length}` },
      { measure: 'versions stored', value: `${stored.versionCount}` },
      { measure: 'acknowledged but not stored exactly once (lost)', value: `${lost}`, goal: '0', met: lost === 0 },
      { measure: 'stored but never acknowledged', value: `${extra}`, goal: '0', met: extra === 0 },
      {
        measure: 'storage invariants broken (gaps, pointer, audit, strays)',
        value: `${stored.problems.length}`,
        goal: '0',
        met: stored.problems.length === 0,
      },
    ],
    notes: [
      `Each round: ${BURST} valid JSON submissions through a bounded pool on loopback (rounds ` +
        `1–${ROUNDS}: all ${BURST} in flight at once; round ${ROUNDS + 1}: ${PACED_CONCURRENCY} at ` +
        `a time) — ${BURST - RESUBMISSIONS} distinct reports across both förbund, every template, ` +
        `2023–2026 periods and every party allowed, plus ${RESUBMISSIONS} resubmissions with new ` +
        `figures to ${contended} of those reports, racing for the same pointer. Later rounds ` +
        `resubmit with new figures, so up to ${(ROUNDS + 1) * 2} versions of a report exist.`,
      `Each report is sent by a principal of its own (a token with its own subject), as a ` +
        `deadline's submissions come from different people, all from one loopback address, under ` +
        `the app's default write limits (RATE_LIMIT_PER_PRINCIPAL 120 and RATE_LIMIT_PER_ADDRESS ` +
        `1,200 a minute, per instance).`,
      `Before the rounds, ${WARMUP} submissions ${WARMUP_CONCURRENCY} at a time warm the host, as a ` +
        `day of submissions before a deadline would (cold start is under Cold import).`,
      'Latency is client-side (node:http with keep-alive, from send to the end of the body). ' +
        'Azurite runs in the bench process, the host in its own, both on the same 2 cores as the client.',
      `Read-back: the repository lists versions, pointers and audit events of every partition ` +
        `touched; each 201 receipt must match exactly one stored version (id and hash), versions ` +
        `run 1..n with the pointer at n, one audit event per version, and the table holds nothing ` +
        `else (${stored.tableEntityCount} entities).`,
      ...(stored.problems.length > 0 ? [`Problems: ${stored.problems.slice(0, 5).join('; ')}`] : []),
      ...(errors.length > 0
        ? [
            `First errors: ${errors
              .slice(0, 3)
              .map((o) => `${o.status} ${o.code ?? o.networkError ?? ''}`)
              .join('; ')}`,
          ]
        : []),
    ],
  };
}
