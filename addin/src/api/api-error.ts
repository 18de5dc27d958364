import type { ApiFinding } from '../../../shared/api';

/**
 * Every failure the pane shows goes through this one type: the API's `{code, message}` bodies
 * (already Swedish), a network failure, or an Excel failure mapped by the gateway. `transient`
 * says whether trying again may help, which decides whether the error offers "Försök igen".
 */
export class PaneError extends Error {
  override name = 'PaneError';
  constructor(
    /** Stable code: the API's (`validation-failed`, `period-locked` …) or the pane's own (`network`, `excel`). */
    readonly code: string,
    /** Swedish, shown as is. */
    readonly messageSv: string,
    readonly options: {
      status?: number;
      findings?: ApiFinding[];
      /** The error body's `details` (a settings upload's findings and changes), for the view to parse. */
      details?: unknown;
      transient?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(`${code}: ${messageSv}`, { cause: options.cause });
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get transient(): boolean {
    return this.options.transient ?? false;
  }

  get findings(): ApiFinding[] {
    return this.options.findings ?? [];
  }
}

/** Anything thrown, as a PaneError: unknown errors get a generic Swedish text and keep their cause for the console. */
export function toPaneError(error: unknown): PaneError {
  if (error instanceof PaneError) return error;
  return new PaneError('unexpected', 'Något gick fel i Samlad. Försök igen; om det händer igen, kontakta kansliet.', {
    cause: error,
  });
}
