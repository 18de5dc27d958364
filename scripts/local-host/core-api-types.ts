/**
 * The part of the `@azure/functions-core` contract this host implements.
 *
 * On Azure, the Node.js worker provides a module by that name; `@azure/functions` requires it
 * to register functions and to hand over its programming model. The library does not ship
 * these types, so the subset the host relies on is written down here, following the worker's
 * `types-core/index.d.ts` (azure-functions-nodejs-worker).
 */

export type RpcLogLevel = 'information' | 'debug' | 'error' | 'trace' | 'warning' | 'critical' | 'none';
export type RpcLogCategory = 'user' | 'system' | 'customMetric';

export interface RpcHttpCookie {
  name?: string | null;
  value?: string | null;
  domain?: { value?: string | null } | null;
  path?: { value?: string | null } | null;
  expires?: { value?: { seconds?: number | null } | null } | null;
  secure?: { value?: boolean | null } | null;
  httpOnly?: { value?: boolean | null } | null;
  sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone' | null;
  maxAge?: { value?: number | null } | null;
}

export interface RpcHttpData {
  method?: string | null;
  url?: string | null;
  headers?: Record<string, string> | null;
  body?: RpcTypedData | null;
  params?: Record<string, string> | null;
  statusCode?: string | null;
  query?: Record<string, string> | null;
  enableContentNegotiation?: boolean | null;
  cookies?: RpcHttpCookie[] | null;
}

export interface RpcTypedData {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  http?: RpcHttpData | null;
  int?: number | null;
  double?: number | null;
}

export interface RpcParameterBinding {
  name: string;
  data: RpcTypedData;
}

/** A binding as registered: the trigger/input/output options plus type and direction. */
export interface RpcBindingInfo {
  type?: string | null;
  direction?: 'in' | 'out' | 'inout' | null;
  [option: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  functionId?: string;
  bindings: Record<string, RpcBindingInfo>;
  [other: string]: unknown;
}

export type FunctionCallback = (...args: unknown[]) => unknown;

export type CoreInvocationState = 'preInvocationHooks' | 'postInvocationHooks' | 'invocation' | undefined;

export interface CoreInvocationContext {
  invocationId: string;
  request: {
    invocationId: string;
    functionId: string;
    inputData: RpcParameterBinding[];
    triggerMetadata: Record<string, RpcTypedData>;
  };
  metadata: FunctionMetadata;
  state: CoreInvocationState;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

export interface RpcInvocationResponse {
  invocationId?: string | null;
  returnValue?: RpcTypedData | null;
  outputData?: RpcParameterBinding[] | null;
}

export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<RpcInvocationResponse>;
}

export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(coreContext: CoreInvocationContext): InvocationModel;
  getCapabilities?(workerCapabilities: Record<string, string>): Promise<Record<string, string>>;
}

export type HookCallback = (context: Record<string, unknown>) => void | Promise<void>;

export interface DisposableLike {
  dispose(): void;
}

/** The module object `require('@azure/functions-core')` returns. */
export interface CoreApi {
  readonly version: string;
  readonly hostVersion: string;
  setProgrammingModel(programmingModel: ProgrammingModel): void;
  getProgrammingModel(): ProgrammingModel | undefined;
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): DisposableLike;
  registerHook(hookName: string, callback: HookCallback): DisposableLike;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
  readonly Disposable: new (callOnDispose: () => void) => DisposableLike;
}
