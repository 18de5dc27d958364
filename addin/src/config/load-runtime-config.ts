import { PaneError } from '../api/api-error';
import { runtimeConfigSchema, type RuntimeConfig } from './runtime-config-schema';

/** Reads samlad-config.json from next to the page; the pane cannot start without it. */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  let body: unknown;
  try {
    const response = await fetchImpl(new URL('samlad-config.json', window.location.href).href, { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    throw new PaneError(
      'config-missing',
      'Samlad kunde inte läsa sina inställningar. Ladda om tillägget; hjälper inte det, kontakta kansliet.',
      { transient: true, cause: error },
    );
  }
  const parsed = runtimeConfigSchema.safeParse(body);
  if (!parsed.success)
    throw new PaneError('config-invalid', 'Samlads inställningar är felaktiga. Kontakta den som driftar Samlad.', {
      cause: parsed.error,
    });
  return parsed.data;
}
