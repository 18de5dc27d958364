import { toPaneError, type PaneError } from '../api/api-error';
import { button, h, replaceChildren } from './dom';

/**
 * Where errors are shown: next to the button that caused them, in a message bar with
 * role="alert" that takes focus and scrolls into view, so the answer is where the user is; an
 * error with no button (a list loading in the background) goes to the pane's own region at the
 * top. Every action runs through `runAction` (action.ts), which sends any failure here; views
 * never write error text themselves. Transient failures offer "Försök igen".
 */
export class ErrorDisplay {
  private retry: (() => void) | undefined;
  private shown: HTMLElement | undefined;

  constructor(private readonly region: HTMLElement) {}

  show(error: unknown, retry?: () => void, near?: HTMLElement): PaneError {
    const e = toPaneError(error);
    if (e.code === 'unexpected') console.error(e.options.cause ?? e);
    this.clear();
    this.retry = e.transient ? retry : undefined;
    const bar = h(
      'div',
      { class: 'message-bar error', tabindex: -1 },
      h('span', { class: 'message-icon', 'aria-hidden': 'true' }, '!'),
      h('div', { class: 'message-text' }, e.messageSv),
      this.retry ? button('Försök igen', () => this.retryNow(), { class: 'btn btn-small' }) : null,
      button('Stäng', () => this.clear(near), {
        class: 'btn btn-small btn-subtle',
        'aria-label': 'Stäng felmeddelandet',
      }),
    );
    const place = near && localRegion(near);
    if (place) {
      replaceChildren(place, bar);
      place.hidden = false;
      this.shown = place;
      bar.scrollIntoView?.({ block: 'nearest' });
      bar.focus({ preventScroll: true });
    } else {
      replaceChildren(this.region, bar);
      this.region.hidden = false;
      this.shown = this.region;
    }
    return e;
  }

  /** Removes the error shown; with `returnTo`, focus goes back to that button. */
  clear(returnTo?: HTMLElement): void {
    if (this.shown && this.shown !== this.region) this.shown.remove();
    this.region.replaceChildren();
    this.region.hidden = true;
    this.shown = undefined;
    this.retry = undefined;
    returnTo?.focus();
  }

  private retryNow(): void {
    const retry = this.retry;
    this.clear();
    retry?.();
  }
}

/** An alert region right after the button's row of actions (or the button itself), made when needed. */
function localRegion(near: HTMLElement): HTMLElement | undefined {
  if (!near.isConnected) return undefined;
  const anchor = near.closest('.actions') ?? near;
  const region = h('div', { class: 'local-error', role: 'alert' });
  anchor.after(region);
  return region;
}
