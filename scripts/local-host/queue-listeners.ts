/**
 * One queue listener per storage-queue-triggered function, each on the queue and connection its
 * registration names. The connection is resolved by the runtime's convention (a connection
 * string in the setting, or `<name>__…` identity settings; Azurite for an unset
 * `AzureWebJobsStorage`), the same code the app resolves its own storage with, and `%SETTING%`
 * in a queue name is replaced by that setting, as on Azure.
 */
import { createStorageClients } from '../../functions/storage/clients';
import { resolveStorageConnection } from '../../functions/storage/storage-settings';
import type { RpcInvocationResponse, RpcTypedData } from './core-api-types';
import type { RegisteredFunction } from './core-runtime';
import type { FunctionApp } from './function-app';
import { RegistrationError } from './function-trigger';
import type { HostLogger } from './host-logger';
import { poisonQueueName, startQueueListener, type QueueListener } from './queue-listener';
import type { QueueSettings } from './queue-settings';

export interface QueueListenersOptions {
  app: FunctionApp;
  logger: HostLogger;
  settings: QueueSettings;
  leaseMs?: number;
  env?: NodeJS.ProcessEnv;
  invoke(
    fn: RegisteredFunction,
    triggerData: RpcTypedData,
    reason: string,
    triggerMetadata: Record<string, RpcTypedData>,
  ): Promise<RpcInvocationResponse>;
}

function resolveQueueName(fn: RegisteredFunction, queueName: string, env: NodeJS.ProcessEnv): string {
  return queueName.replace(/%([^%]+)%/g, (_match, name: string) => {
    const value = env[name];
    if (!value) throw new RegistrationError(fn.name, `the queue name's %${name}% does not resolve to a value`);
    return value;
  });
}

export function startQueueListeners(options: QueueListenersOptions): QueueListener[] {
  const env = options.env ?? process.env;
  const listeners: QueueListener[] = [];
  for (const fn of options.app.functions) {
    if (fn.trigger.kind !== 'queue') continue;
    const resolved = resolveStorageConnection(env, fn.trigger.connection, { production: false });
    if (!resolved.ok)
      throw new RegistrationError(
        fn.name,
        `connection "${fn.trigger.connection}": ${resolved.issue.setting} ${resolved.issue.message}`,
      );
    const clients = createStorageClients(resolved.connection);
    const queueName = resolveQueueName(fn, fn.trigger.queueName, env);
    listeners.push(
      startQueueListener({
        functionName: fn.name,
        queue: clients.queueClient(queueName),
        poisonQueue: clients.queueClient(poisonQueueName(queueName)),
        settings: options.settings,
        leaseMs: options.leaseMs,
        logger: options.logger,
        invoke: (data, metadata, reason) => options.invoke(fn, data, reason, metadata),
      }),
    );
  }
  return listeners;
}
