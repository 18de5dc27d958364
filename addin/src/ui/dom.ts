/**
 * A tiny element builder: the pane is a handful of forms and lists, so plain DOM with typed
 * helpers keeps the bundle small and leaves nothing between the markup and the accessibility
 * tree.
 */
export type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    } else if (key === 'class') {
      element.className = String(value);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden') {
      // Properties, not attributes: they must reflect the current state, not the initial one.
      (element as unknown as Record<string, unknown>)[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let idCounter = 0;
/** Unique ids for label/for and aria-describedby pairs. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Gives the control an id and, with help, the id of the text that describes it. */
function describe(control: HTMLElement, help: string | undefined): { id: string; helpId: string | undefined } {
  const id = control.id || uid('f');
  control.id = id;
  const helpId = help ? `${id}-help` : undefined;
  if (helpId) control.setAttribute('aria-describedby', helpId);
  return { id, helpId };
}

/** A labelled form field; the label is always visible (placeholders are not labels). */
export function field(label: string, control: HTMLElement, help?: string): HTMLElement {
  const { id, helpId } = describe(control, help);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    help ? h('p', { class: 'field-help', id: helpId }, help) : null,
  );
}

/**
 * A label and control on one line, for long lists of choices in a narrow pane (the help stays
 * available to screen readers).
 */
export function inlineField(label: string, control: HTMLElement, help?: string): HTMLElement {
  const { id, helpId } = describe(control, help);
  return h(
    'div',
    { class: 'inline-field' },
    h('label', { for: id, title: help }, label),
    control,
    help ? h('span', { class: 'visually-hidden', id: helpId }, help) : null,
  );
}

/**
 * A file input with a Swedish button: the browser's own button speaks the browser's language
 * ("Choose File"), so the input is visually hidden but kept focusable, and its label looks like
 * a button.
 */
export function filePicker(label: string, props: Props): { element: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'file', class: 'file-input', ...props });
  const id = uid('file');
  input.id = id;
  const name = h('span', { class: 'file-name', 'aria-hidden': 'true' }, 'Ingen fil vald');
  input.addEventListener('change', () => {
    name.textContent = input.files?.[0]?.name ?? 'Ingen fil vald';
  });
  const element = h(
    'div',
    { class: 'field' },
    h('span', { class: 'field-label', id: `${id}-label` }, label),
    h('div', { class: 'file-picker' }, input, h('label', { for: id, class: 'btn' }, 'Välj fil…'), name),
  );
  input.setAttribute('aria-labelledby', `${id}-label`);
  return { element, input };
}

export interface Option {
  value: string;
  label: string;
}

export function select(options: readonly Option[], props: Props = {}, selected?: string): HTMLSelectElement {
  return h(
    'select',
    props,
    ...options.map((o) => h('option', { value: o.value, selected: o.value === selected }, o.label)),
  );
}

export function button(label: string, onClick: Handler, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', class: 'btn', onclick: onClick, ...props }, label);
}

/** Swedish date and time, e.g. "23 nov. 2026 14:05". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export const numberFormat = new Intl.NumberFormat('sv-SE');

/** Brings an answer to the user: scrolled into view and focused (made focusable without a tab stop). */
export function reveal(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.scrollIntoView?.({ block: 'nearest' });
  element.focus({ preventScroll: true });
}
