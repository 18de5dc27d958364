/**
 * Reads a registration's trigger binding (what `app.http` / `app.timer` / `app.storageQueue`
 * put into the metadata) into the shape the host routes, schedules and polls by. The
 * registration itself is the only declaration of a function's route, methods, schedule and queue.
 */
import { z } from 'zod';
import type { FunctionMetadata } from './core-api-types';
import { parseNcrontab } from './ncrontab';

export type FunctionTrigger =
  | { kind: 'http'; bindingName: string; route: string; methods: readonly string[] | null; authLevel: string }
  | { kind: 'timer'; bindingName: string; schedule: string; runOnStartup: boolean }
  | { kind: 'queue'; bindingName: string; queueName: string; connection: string }
  | { kind: 'other'; bindingName: string; type: string };

const httpBindingSchema = z.object({
  route: z.string().optional(),
  // Absent or empty means every method, as on Azure.
  methods: z.array(z.string()).optional(),
  authLevel: z.string().optional(),
});

// Queue names: 3–63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.
const QUEUE_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

const queueBindingSchema = z.object({
  queueName: z.string().min(1),
  connection: z.string().min(1).optional(),
});

const timerBindingSchema = z.object({
  schedule: z.string().min(1),
  runOnStartup: z.boolean().optional(),
});

export class RegistrationError extends Error {
  constructor(functionName: string, message: string) {
    super(`Function "${functionName}": ${message}`);
    this.name = 'RegistrationError';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'binding'}: ${issue.message}`).join('; ');
}

export function readFunctionTrigger(metadata: FunctionMetadata): FunctionTrigger {
  const triggers = Object.entries(metadata.bindings).filter(
    ([, binding]) => typeof binding.type === 'string' && /trigger$/i.test(binding.type),
  );
  const [first, ...rest] = triggers;
  if (!first || rest.length > 0) {
    throw new RegistrationError(metadata.name, `expected exactly one trigger binding, found ${triggers.length}`);
  }
  const [bindingName, binding] = first;
  const type = String(binding.type);
  switch (type.toLowerCase()) {
    case 'httptrigger': {
      const parsed = httpBindingSchema.safeParse(binding);
      if (!parsed.success) throw new RegistrationError(metadata.name, describeIssues(parsed.error));
      const methods = parsed.data.methods?.length ? parsed.data.methods.map((m) => m.toUpperCase()) : null;
      return {
        kind: 'http',
        bindingName,
        // Azure's default route is the function's name.
        route: parsed.data.route ?? metadata.name,
        methods,
        authLevel: parsed.data.authLevel ?? 'function',
      };
    }
    case 'timertrigger': {
      const parsed = timerBindingSchema.safeParse(binding);
      if (!parsed.success) throw new RegistrationError(metadata.name, describeIssues(parsed.error));
      try {
        parseNcrontab(parsed.data.schedule); // Fail at start-up, as Azure's indexing does.
      } catch (error) {
        throw new RegistrationError(metadata.name, error instanceof Error ? error.message : String(error));
      }
      return {
        kind: 'timer',
        bindingName,
        schedule: parsed.data.schedule,
        runOnStartup: parsed.data.runOnStartup ?? false,
      };
    }
    case 'queuetrigger': {
      const parsed = queueBindingSchema.safeParse(binding);
      if (!parsed.success) throw new RegistrationError(metadata.name, describeIssues(parsed.error));
      // %SETTING% expressions are resolved when the listener starts, as the runtime does.
      if (!parsed.data.queueName.includes('%') && !QUEUE_NAME.test(parsed.data.queueName))
        throw new RegistrationError(metadata.name, `"${parsed.data.queueName}" is not a valid queue name`);
      return {
        kind: 'queue',
        bindingName,
        queueName: parsed.data.queueName,
        // Without a connection the runtime uses the host's own storage.
        connection: parsed.data.connection ?? 'AzureWebJobsStorage',
      };
    }
    default:
      return { kind: 'other', bindingName, type };
  }
}
