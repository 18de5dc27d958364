/**
 * Makes `require('@azure/functions-core')` return the host's core API, as the Azure worker
 * does, so `@azure/functions` registers functions with this host instead of falling back
 * to its "test mode" (where registrations are dropped).
 *
 * Node's resolver is asked for that one request name only; every other request resolves as
 * usual. The module is put into the require cache under a name no file can have.
 */
import Module from 'node:module';
import type { CoreApi } from './core-api-types';

const coreModuleName = '@azure/functions-core';
const cacheKey = '\0samlad-local-host:@azure/functions-core';

type ResolveFilename = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;

/** Internals of node:module used here; stable since Node 0.x and relied on by many loaders. */
interface ModuleInternals {
  _resolveFilename: ResolveFilename;
  _cache: Record<string, Module | undefined>;
}

const internals = Module as unknown as ModuleInternals;
let installed: CoreApi | undefined;

/**
 * Installs the core API for the rest of this process. Must run before anything requires
 * `@azure/functions`, because the library remembers the first answer.
 */
export function installCoreApi(api: CoreApi): void {
  if (installed) {
    if (installed === api) return;
    throw new Error('A local Functions host is already installed in this process (one app per process).');
  }
  const coreModule = new Module(cacheKey);
  coreModule.exports = api;
  coreModule.loaded = true;
  internals._cache[cacheKey] = coreModule;

  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, isMain, options) {
    if (request === coreModuleName) return cacheKey;
    return resolveFilename.call(this, request, parent, isMain, options);
  };
  installed = api;
}
