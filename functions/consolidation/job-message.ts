/**
 * The message on the job queue: everything a worker on any instance needs to build one report.
 * Base64-encoded JSON, as the Functions runtime reads queue messages by default (host.json
 * `extensions.queues.messageEncoding`).
 */
import { z } from 'zod';

export const jobMessageSchema = z
  .object({
    v: z.literal(1),
    jobId: z.uuid(),
    forbund: z.string().min(1),
    period: z.string().min(4),
    variant: z.enum(['internal', 'published']),
    basis: z.enum(['approved', 'latest']),
    trigger: z.enum(['api', 'timer']),
    actor: z.object({ subject: z.string(), name: z.string().optional(), role: z.string() }),
    /**
     * When the report says it was made. Fixed when the job is queued, so a message delivered
     * twice builds the same file from the same submissions. Absent for the timer's jobs,
     * which date their report from the deadline and the submissions (tertial-schedule.ts).
     */
    generatedAt: z.iso.datetime().optional(),
    /**
     * Build with the settings of this year (those in force when kansliet asked) instead of the
     * period's own year's; absent for the usual report.
     */
    settingsYear: z.number().int().min(2000).max(2100).optional(),
    /** The correlation id of the invocation that queued the job, which the worker logs with (log-event.ts). */
    correlationId: z.string().max(64).optional(),
    /** The timer's jobs: the deadline that made the tertial due, and write nothing when nothing is approved. */
    deadline: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time')
      .optional(),
  })
  .strict();

export type JobMessage = z.infer<typeof jobMessageSchema>;

export function encodeJobMessage(message: JobMessage): string {
  return Buffer.from(JSON.stringify(jobMessageSchema.parse(message)), 'utf8').toString('base64');
}
