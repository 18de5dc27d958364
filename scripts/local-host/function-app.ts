/**
 * Loads a Function App the way the Azure Node.js worker does and invokes its functions
 * through the app's own programming model (`@azure/functions`), so handlers receive real
 * `HttpRequest` / `InvocationContext` / `Timer` objects built by the library itself.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CoreInvocationContext, HookCallback, RpcInvocationResponse, RpcTypedData } from './core-api-types';
import { createCoreRuntime, type CoreRuntime, type RegisteredFunction } from './core-runtime';
import type { HostLogger } from './host-logger';
import { installCoreApi } from './install-core-api';
import { expandMainGlob } from './main-glob';

export interface FunctionApp {
  /** The app's root folder (where package.json and host.json live). */
  readonly root: string;
  readonly functions: readonly RegisteredFunction[];
  /** Finds a function by name, case-insensitively as Azure does. */
  find(name: string): RegisteredFunction | undefined;
  /**
   * Runs one invocation: pre-invocation hooks, the handler, post-invocation hooks, and the
   * conversion of its result to the worker's response format. Rejects when the handler
   * (or a hook) throws.
   */
  invoke(
    fn: RegisteredFunction,
    triggerData: RpcTypedData,
    reason: string,
    triggerMetadata?: Record<string, RpcTypedData>,
  ): Promise<RpcInvocationResponse>;
  /** Runs appStart hooks; call once before serving. */
  start(): Promise<void>;
  /** Runs appTerminate hooks. */
  terminate(): Promise<void>;
}

export interface LoadFunctionAppOptions {
  root: string;
  /** Entry-point patterns; default: package.json "main" of `root`. */
  mainPatterns?: readonly string[];
  logger: HostLogger;
}

const packageJsonSchema = z.object({ main: z.string().min(1) });

export function readMainPattern(root: string): string {
  const file = path.join(root, 'package.json');
  const parsed = packageJsonSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} needs a "main" entry-point pattern for the Function App`);
  return parsed.data.main;
}

/** A module of the app failed to load; the message leads with the module's own error. */
export class AppLoadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppLoadError';
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function loadFunctionApp(options: LoadFunctionAppOptions): Promise<FunctionApp> {
  const { root, logger } = options;
  const runtime = createCoreRuntime(logger);
  installCoreApi(runtime.api);

  const patterns = options.mainPatterns ?? [readMainPattern(root)];
  const files = [...new Set(patterns.flatMap((pattern) => expandMainGlob(root, pattern)))];
  if (files.length === 0) {
    throw new AppLoadError(
      `No files match the entry point ${patterns.map((p) => `"${p}"`).join(', ')} under ${root}. ` +
        `Run "npm run build" first.`,
    );
  }
  for (const file of files) {
    try {
      require(file);
    } catch (error) {
      // Keep the module's own message (e.g. a configuration error naming the setting) on top.
      throw new AppLoadError(`${describeError(error)}\n  (while loading ${path.relative(root, file)})`, {
        cause: error,
      });
    }
  }
  runtime.lock();

  const model = runtime.programmingModel();
  // The worker asks for capabilities after indexing; the library locks app.setup() here.
  const capabilities = (await model.getCapabilities?.({})) ?? {};
  if (capabilities['HttpUri']) {
    throw new Error('app.setup({ enableHttpStream: true }) is not supported by the local host.');
  }
  return createFunctionApp(root, runtime, logger);
}

function createFunctionApp(root: string, runtime: CoreRuntime, logger: HostLogger): FunctionApp {
  const functions = runtime.functions();
  // Shared by all app-level hooks, as the worker's appHookData is.
  const appHookData: Record<string, unknown> = {};

  const runHooks = async (hooks: readonly HookCallback[], context: Record<string, unknown>) => {
    for (const hook of hooks) await hook(context);
  };

  return {
    root,
    functions,
    find: (name) => functions.find((fn) => fn.name.toLowerCase() === name.toLowerCase()),

    async start() {
      await runHooks(runtime.hooks('appStart'), { hookData: appHookData, appHookData, functionAppDirectory: root });
    },

    async terminate() {
      await runHooks(runtime.hooks('appTerminate'), { hookData: appHookData, appHookData });
    },

    async invoke(fn, triggerData, reason, triggerMetadata = {}) {
      const invocationId = randomUUID();
      const started = performance.now();
      const source = `Functions.${fn.name}`;
      logger.log('information', source, `Executing (Reason='${reason}', Id=${invocationId})`);

      const coreContext: CoreInvocationContext = {
        invocationId,
        request: {
          invocationId,
          functionId: fn.name,
          inputData: [{ name: fn.trigger.bindingName, data: triggerData }],
          // The library reads neither HTTP nor timer trigger metadata (it builds the request
          // and timer objects from inputData); queue messages come with theirs.
          triggerMetadata,
        },
        metadata: fn.metadata,
        state: undefined,
        log: (level, category, message) => logger.log(level, category === 'system' ? 'host' : source, message),
      };

      try {
        const invocationModel = runtime.programmingModel().getInvocationModel(coreContext);
        const { context, inputs } = await invocationModel.getArguments();
        const hookData: Record<string, unknown> = {};

        const pre = { hookData, appHookData, invocationContext: context, inputs, functionCallback: fn.callback };
        coreContext.state = 'preInvocationHooks';
        await runHooks(runtime.hooks('preInvocation'), pre);

        coreContext.state = 'invocation';
        let result: unknown;
        let error: unknown;
        try {
          result = await invocationModel.invokeFunction(context, pre.inputs, pre.functionCallback);
        } catch (thrown) {
          error = thrown;
        }

        const post = { hookData, appHookData, invocationContext: context, inputs: pre.inputs, result, error };
        coreContext.state = 'postInvocationHooks';
        await runHooks(runtime.hooks('postInvocation'), post);
        coreContext.state = undefined;
        // A post-invocation hook may clear or replace the error, as on Azure.
        if (post.error !== undefined && post.error !== null) throw post.error;

        const response = await invocationModel.getResponse(context, post.result);
        logger.log(
          'information',
          source,
          `Executed (Succeeded, Id=${invocationId}, Duration=${Math.round(performance.now() - started)}ms)`,
        );
        return response;
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        logger.log(
          'error',
          source,
          `Executed (Failed, Id=${invocationId}, Duration=${Math.round(performance.now() - started)}ms)\n${detail}`,
        );
        throw error;
      }
    },
  };
}
