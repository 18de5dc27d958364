import { PaneError } from '../api/api-error';
import { requestDevToken } from '../api/samlad-api';
import { devForbundList } from '../api/settings-api';
import type { HttpClient } from '../api/http-client';
import { signInWithEntra } from '../auth/entra-login';
import type { RuntimeConfig } from '../config/runtime-config-schema';
import type { HostInfo } from '../host/office-host';
import { runAction, type ActionContext } from '../ui/action';
import { button, field, h, select } from '../ui/dom';
import type { ForbundEntry } from '../../../shared/api';

export interface LoginViewOptions {
  config: RuntimeConfig;
  host: HostInfo;
  http: HttpClient;
  ctx: ActionContext;
  /** A bearer token; the app turns it into a session (and refuses tokens without a Samlad role). */
  onToken: (token: string) => void;
  /** Why the user is here again, e.g. an expired sign-in. */
  notice?: string;
}

/**
 * Inloggning. Production: Microsoft Entra ID (see entra-login.ts). Development: choose who to
 * be — förbund, role and party — and the local API signs a dev token (POST /api/dev/token).
 */
export function createLoginView(options: LoginViewOptions): { element: HTMLElement; heading: HTMLElement } {
  const heading = h('h1', { tabindex: -1 }, 'Logga in');
  const notice = options.notice
    ? h('div', { class: 'message-bar info', role: 'status' }, h('div', { class: 'message-text' }, options.notice))
    : null;
  const body = options.config.auth.mode === 'dev' ? devForm(options) : entraForm(options);
  return {
    element: h(
      'section',
      { class: 'view login-view', 'aria-labelledby': 'login-heading' },
      Object.assign(heading, { id: 'login-heading' }),
      notice,
      body,
    ),
    heading,
  };
}

function entraForm(options: LoginViewOptions): HTMLElement {
  const auth = options.config.auth;
  const signIn: HTMLButtonElement = button(
    'Logga in med arbetskonto',
    () =>
      void runAction(options.ctx, signIn, 'Loggar in…', async () => {
        if (auth.mode !== 'entra') throw new PaneError('auth-config', 'Inloggningen är inte inställd.');
        options.onToken(await signInWithEntra(auth, options.host));
      }),
    { class: 'btn btn-primary' },
  );
  return h(
    'div',
    {},
    h('p', {}, 'Logga in med det konto du använder på jobbet. Samlad visar det din roll i förbundet tillåter.'),
    h('div', { class: 'actions' }, signIn),
  );
}

function devForm(options: LoginViewOptions): HTMLElement {
  const forbundSelect = select([], { name: 'forbund' });
  const roleSelect = select(
    [
      { value: 'reporter', label: 'Rapportör för en part' },
      { value: 'kansli', label: 'Kansliet' },
      { value: 'admin', label: 'Administratör (alla förbund)' },
    ],
    { name: 'role' },
  );
  const partySelect = select([], { name: 'party' });
  const partyField = field('Part', partySelect);
  const forbundField = field('Förbund', forbundSelect);
  // The förbund and their parties come from the API's configuration, so a new förbund is there at once.
  let list: ForbundEntry[] = [];
  const fillParties = (): void => {
    const forbund = list.find((f) => f.id === forbundSelect.value);
    partySelect.replaceChildren(...(forbund?.parties ?? []).map((p) => h('option', { value: p.id }, p.name)));
    partyField.hidden = roleSelect.value !== 'reporter';
    forbundField.hidden = roleSelect.value === 'admin';
  };
  forbundSelect.addEventListener('change', fillParties);
  roleSelect.addEventListener('change', fillParties);
  void runAction(options.ctx, undefined, 'Hämtar förbunden…', async () => {
    list = await devForbundList(options.http);
    forbundSelect.replaceChildren(...list.map((f) => h('option', { value: f.id }, f.name)));
    fillParties();
  });

  const signIn: HTMLButtonElement = button(
    'Logga in',
    () =>
      void runAction(options.ctx, signIn, 'Loggar in…', async () => {
        const role = roleSelect.value === 'admin' ? 'admin' : roleSelect.value === 'kansli' ? 'kansli' : 'reporter';
        const token = await requestDevToken(options.http, {
          role,
          ...(role === 'admin' ? {} : { forbund: forbundSelect.value }),
          ...(role === 'reporter' ? { party: partySelect.value } : {}),
        });
        options.onToken(token);
      }),
    { class: 'btn btn-primary' },
  );
  const form = h(
    'form',
    { class: 'login-form', onsubmit: (e: Event) => e.preventDefault() },
    h(
      'div',
      { class: 'message-bar warning' },
      h(
        'div',
        { class: 'message-text' },
        'Utvecklingsläge: välj vem du vill vara. Finns bara i test- och utvecklingsmiljöer.',
      ),
    ),
    field('Roll', roleSelect),
    forbundField,
    partyField,
    h('div', { class: 'actions' }, signIn),
  );
  return form;
}
