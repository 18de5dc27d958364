import type { Announcer } from './announcer';
import type { ErrorDisplay } from './error-display';

export interface ActionContext {
  errors: ErrorDisplay;
  announcer: Announcer;
}

/**
 * Runs a user action: the button is disabled and marked busy while it works, the status is
 * announced, and any failure goes to the error display, next to the button (with a retry when
 * it may help).
 * Views wire every async button through this instead of their own try/catch.
 */
export function runAction(
  ctx: ActionContext,
  trigger: HTMLButtonElement | undefined,
  busyText: string,
  work: () => Promise<void>,
): Promise<void> {
  const attempt = async (): Promise<void> => {
    ctx.errors.clear();
    const label = trigger?.textContent ?? '';
    if (trigger) {
      trigger.disabled = true;
      trigger.setAttribute('aria-busy', 'true');
      trigger.dataset.label = label;
    }
    ctx.announcer.announce(busyText);
    try {
      await work();
    } catch (error) {
      // The error's region is role="alert" and is read out itself; it sits by the button.
      ctx.errors.show(error, () => void attempt(), trigger);
      ctx.announcer.announce('');
    } finally {
      if (trigger) {
        trigger.disabled = false;
        trigger.removeAttribute('aria-busy');
      }
    }
  };
  return attempt();
}
