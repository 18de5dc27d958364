/**
 * The host's implementation of `@azure/functions-core`: it collects what the app registers
 * (programming model, functions, hooks) while the app's modules load, then locks, as the
 * Azure worker does after indexing.
 */
import type {
  CoreApi,
  DisposableLike,
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  ProgrammingModel,
  RpcLogCategory,
  RpcLogLevel,
} from './core-api-types';
import { readFunctionTrigger, RegistrationError, type FunctionTrigger } from './function-trigger';
import type { HostLogger } from './host-logger';

export interface RegisteredFunction {
  readonly name: string;
  readonly metadata: FunctionMetadata;
  readonly callback: FunctionCallback;
  readonly trigger: FunctionTrigger;
}

export type HookName = 'appStart' | 'appTerminate' | 'preInvocation' | 'postInvocation';
const supportedHooks: ReadonlySet<string> = new Set<HookName>([
  'appStart',
  'appTerminate',
  'preInvocation',
  'postInvocation',
]);

export interface CoreRuntime {
  /** The object served as the `@azure/functions-core` module. */
  readonly api: CoreApi;
  functions(): readonly RegisteredFunction[];
  hooks(name: HookName): readonly HookCallback[];
  programmingModel(): ProgrammingModel;
  /** Ends the registration phase; later registrations throw, as on Azure. */
  lock(): void;
}

/** Mirrors the worker's version fields; the library only logs them. */
const hostVersion = '4.0.0-samlad-local';

class Disposable implements DisposableLike {
  #callOnDispose: (() => void) | undefined;

  constructor(callOnDispose: () => void) {
    this.#callOnDispose = callOnDispose;
  }

  dispose(): void {
    this.#callOnDispose?.();
    this.#callOnDispose = undefined;
  }
}

function isProgrammingModel(value: unknown): value is ProgrammingModel {
  return (
    typeof value === 'object' &&
    value !== null &&
    'getInvocationModel' in value &&
    typeof value.getInvocationModel === 'function'
  );
}

export function createCoreRuntime(logger: HostLogger): CoreRuntime {
  const registered = new Map<string, RegisteredFunction>();
  const hookCallbacks = new Map<HookName, HookCallback[]>();
  let model: ProgrammingModel | undefined;
  let locked = false;

  const assertOpen = (what: string) => {
    if (locked)
      throw new Error(`${what} is only possible while the app starts (the local host has finished loading it).`);
  };

  const api: CoreApi = {
    version: hostVersion,
    hostVersion,
    Disposable,
    setProgrammingModel(programmingModel) {
      assertOpen('Setting the programming model');
      if (!isProgrammingModel(programmingModel)) throw new Error('setProgrammingModel: not a programming model');
      model = programmingModel;
    },
    getProgrammingModel: () => model,
    registerFunction(metadata, callback) {
      assertOpen(`Registering function "${metadata.name}"`);
      if (typeof callback !== 'function') throw new RegistrationError(metadata.name, 'handler is not a function');
      // Azure matches function names case-insensitively; two that differ only in case clash.
      const key = metadata.name.toLowerCase();
      if (registered.has(key))
        throw new RegistrationError(metadata.name, 'a function with this name is already registered');
      registered.set(key, { name: metadata.name, metadata, callback, trigger: readFunctionTrigger(metadata) });
      return new Disposable(() => registered.delete(key));
    },
    registerHook(hookName, callback) {
      if (!supportedHooks.has(hookName)) {
        // 'log' hooks need the worker's log pipeline; the library treats a throw here as
        // "host too old", which is the honest answer for this host.
        throw new RangeError(`Unsupported hook "${hookName}" in the local host`);
      }
      const name = hookName as HookName;
      const list = hookCallbacks.get(name) ?? [];
      list.push(callback);
      hookCallbacks.set(name, list);
      return new Disposable(() => {
        const index = list.indexOf(callback);
        if (index >= 0) list.splice(index, 1);
      });
    },
    log(level: RpcLogLevel, category: RpcLogCategory, message: string) {
      logger.log(level, category === 'system' ? 'host' : 'app', message);
    },
  };

  return {
    api,
    functions: () => [...registered.values()],
    hooks: (name) => hookCallbacks.get(name) ?? [],
    programmingModel() {
      if (!model) {
        throw new Error('The app registered no programming model: did any module require "@azure/functions"?');
      }
      return model;
    },
    lock() {
      locked = true;
    },
  };
}
