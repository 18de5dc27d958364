/**
 * The Function App's entry module: app-wide setup only. Each function registers itself in
 * its own file under http/ or timers/ (package.json "main" loads them all).
 */
import { app } from '@azure/functions';
import { getConfig } from './config';

// Buffered (non-streaming) HTTP: bodies are small JSON documents, and the local host
// implements the buffered worker protocol only.
app.setup({ enableHttpStream: false });

// Validate configuration while the app loads, so a bad setting stops the start-up with a
// message naming the setting instead of failing the first request.
getConfig();
