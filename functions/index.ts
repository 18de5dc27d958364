/**
 * The Function App's entry module: app-wide setup only. Each function is registered in its own
 * file under registrations/ (package.json "main" loads them all), which loads its handler — in
 * http/, timers/ or queues/ — on the first call.
 */
import { app } from '@azure/functions';

// Buffered (non-streaming) HTTP: bodies are small JSON documents, and the local host
// implements the buffered worker protocol only.
app.setup({ enableHttpStream: false });

// Check every setting when the app starts, so a bad one stops the start-up with a message
// naming the setting instead of failing the first request. In a hook, not while the worker
// indexes the registrations: the check loads zod and the settings' schemas.
app.hook.appStart(() => {
  (require('./config') as typeof import('./config')).getConfig();
});
