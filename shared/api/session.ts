import { z } from 'zod';

/** POST dev/token: a dev-issuer token for the pane's development login. */
export const devTokenAnswerSchema = z.object({ token: z.string().min(10), expiresInSeconds: z.number() });
export type DevTokenAnswer = z.infer<typeof devTokenAnswerSchema>;

const probeSchema = z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() });

/** GET health: up, which version, and whether each storage service answers. */
export const healthAnswerSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  /** Server time (ISO 8601, UTC). */
  time: z.string(),
  storage: z.object({ table: probeSchema, blob: probeSchema }),
});
export type HealthAnswer = z.infer<typeof healthAnswerSchema>;
