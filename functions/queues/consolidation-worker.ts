import type { InvocationContext } from '@azure/functions';
import { jobMessageSchema, type JobMessage } from '../consolidation/job-message';
import { failJob, runJob, type JobDeps, type JobLog } from '../consolidation/run-job';
import { getServices } from '../services';
import { logEvent } from '../log-event';

function jobDeps(): JobDeps {
  const { configuration, repository, reports, jobs, now } = getServices();
  return { configuration, repository, reports, jobs, now };
}

/** The job's events, under the correlation id of the request (or timer run) that queued it. */
function logTo(context: InvocationContext, message: JobMessage): JobLog {
  const job = {
    jobId: message.jobId,
    forbund: message.forbund,
    period: message.period,
    variant: message.variant,
    trigger: message.trigger,
    ...(message.correlationId ? { correlationId: message.correlationId } : {}),
  };
  return (level, event, fields = {}, error) => logEvent(context, level, event, { ...job, ...fields }, error);
}

/** The message as a job, or undefined (logged) for anything else: no delivery could ever run it. */
function readMessage(queueItem: unknown, context: InvocationContext): JobMessage | undefined {
  const parsed = jobMessageSchema.safeParse(queueItem);
  if (parsed.success) return parsed.data;
  context.error(
    `not a job message, dropped: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
  return undefined;
}

/**
 * Queue trigger consolidationWorker (queue samlad-jobs): builds the report of one job — see
 * runJob. A thrown error makes the runtime deliver the message again (host.json
 * `extensions.queues`), up to maxDequeueCount, then move it to samlad-jobs-poison.
 */
export async function consolidationWorker(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = readMessage(queueItem, context);
  if (!message) return;
  const attempt = Number(context.triggerMetadata?.['dequeueCount'] ?? 1);
  await runJob(jobDeps(), message, Number.isInteger(attempt) && attempt > 0 ? attempt : 1, logTo(context, message));
}

/** Queue trigger consolidationJobFailed (queue samlad-jobs-poison): settles a job no delivery could build. */
export async function consolidationJobFailed(queueItem: unknown, context: InvocationContext): Promise<void> {
  const message = readMessage(queueItem, context);
  if (!message) return;
  await failJob(jobDeps(), message, logTo(context, message));
}
