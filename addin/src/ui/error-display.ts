import { toPaneError, type PaneError } from '../api/api-error';
import { button, h, replaceChildren } from './dom';

/**
 * The one place errors are shown: a message bar with role="alert" at the top of the pane.
 * Every action runs through `runAction` (action.ts), which sends any failure here; views never
 * write error text themselves. Transient failures offer "Försök igen".
 */
export class ErrorDisplay {
  private retry: (() => void) | undefined;

  constructor(private readonly region: HTMLElement) {}

  show(error: unknown, retry?: () => void): PaneError {
    const e = toPaneError(error);
    if (e.code === 'unexpected') console.error(e.options.cause ?? e);
    this.retry = e.transient ? retry : undefined;
    replaceChildren(
      this.region,
      h(
        'div',
        { class: 'message-bar error' },
        h('span', { class: 'message-icon', 'aria-hidden': 'true' }, '!'),
        h('div', { class: 'message-text' }, e.messageSv),
        this.retry ? button('Försök igen', () => this.retryNow(), { class: 'btn btn-small' }) : null,
        button('Stäng', () => this.clear(), {
          class: 'btn btn-small btn-subtle',
          'aria-label': 'Stäng felmeddelandet',
        }),
      ),
    );
    this.region.hidden = false;
    return e;
  }

  clear(): void {
    this.region.replaceChildren();
    this.region.hidden = true;
    this.retry = undefined;
  }

  private retryNow(): void {
    const retry = this.retry;
    this.clear();
    retry?.();
  }
}
