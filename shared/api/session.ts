import { z } from 'zod';

/** POST dev/token: a dev-issuer token for the pane's development login. */
export const devTokenAnswerSchema = z.object({ token: z.string().min(10), expiresInSeconds: z.number() });
export type DevTokenAnswer = z.infer<typeof devTokenAnswerSchema>;

const probeSchema = z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() });

/** A part of GET health that could not be read, with a reason safe to show anyone. */
const unreadableSchema = z.object({ error: z.string() });

/**
 * GET health: up, which version, whether each storage service answers, how the job queue and
 * the tertialSummary timer are doing, and why the status is degraded if it is.
 */
export const healthAnswerSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  /** Server time (ISO 8601, UTC). */
  time: z.string(),
  storage: z.object({ table: probeSchema, blob: probeSchema }),
  jobs: z.union([
    z.object({
      /** Jobs on the queue, waiting or being built. */
      queued: z.number(),
      /** How long the longest-waiting job no worker has taken yet has waited (seconds). */
      oldestWaitingSeconds: z.number().nullable(),
      /** Jobs that failed every try (in the poison queue, until its handler settles them). */
      failedUnhandled: z.number(),
      /** Above this wait the status is degraded. */
      alertAfterSeconds: z.number(),
    }),
    unreadableSchema,
  ]),
  timers: z.union([
    z.object({ tertialSummary: z.object({ at: z.string(), outcome: z.string() }).nullable() }),
    unreadableSchema,
  ]),
  /** Why the status is degraded, in English, for whoever monitors it. */
  problems: z.array(z.string()),
});
export type HealthAnswer = z.infer<typeof healthAnswerSchema>;
