import type { Registry } from '../../shared/config/registry';
import { HAE_TEMPLATE } from '../../shared/indices/helarsekvivalenter';
import { aggregatesInto } from '../../shared/aggregation/aggregate-participants';
import type { ForbundConfig } from '../../shared/model/forbund-schema';
import { resolveTemplate } from '../../shared/model/resolve';
import { findTemplate, maySubmit, scopesOf } from '../../shared/model/selectors';
import { HttpClient } from './api/http-client';
import { SamladApi } from './api/samlad-api';
import { fetchConfiguration } from './api/settings-api';
import { sessionFromToken, tokenStore, type Session } from './auth/session';
import type { RuntimeConfig } from './config/runtime-config-schema';
import type { HostInfo } from './host/office-host';
import type { ActionContext } from './ui/action';
import { Announcer } from './ui/announcer';
import { button, h, replaceChildren } from './ui/dom';
import { ErrorDisplay } from './ui/error-display';
import { PaneError } from './api/api-error';
import { createConsolidateView } from './views/consolidate-view';
import { createLoginView } from './views/login-view';
import { createOwnTableView } from './views/own-table-view';
import { createAdminSettingsView, createTemplatesView } from './views/admin-views';
import type { PaneConfiguration, PaneDeps, View } from './views/pane-deps';
import { createSettingsView } from './views/settings-view';
import { createSubmissionView } from './views/submission-view';
import { createScbImportView } from './views/scb-import-view';
import { createStatusView } from './views/status-view';

const ROLE_LABEL = { reporter: 'Rapportör', kansli: 'Kansliet', admin: 'Administratör' } as const;

function samePerson(a: Session, b: Session): boolean {
  const [p, q] = [a.principal, b.principal];
  return p.subject === q.subject && p.role === q.role && p.forbund === q.forbund && p.party === q.party;
}

/**
 * Från egen tabell is offered only to a party that may send, for some platform, a template its
 * participant table counts into (its cells take every count: `aggregatesInto`), this year's or last.
 */
function mayCountOwnTable(registry: Registry, forbund: ForbundConfig, session: Session): boolean {
  const party = session.principal.party ?? '';
  const year = new Date().getFullYear();
  return forbund.templates.some((id) =>
    [year, year - 1].some((y) => {
      const template = findTemplate(registry, id, y);
      return (
        template !== undefined &&
        aggregatesInto(resolveTemplate(template, forbund, y)) &&
        scopesOf(template, forbund).some((s) => maySubmit(template, forbund, party, s.id))
      );
    }),
  );
}

/**
 * The pane's shell: header, navigation, the one error region and the one live region, and the
 * views for the signed-in role. Views are built once per sign-in and kept, so switching back and
 * forth keeps what the user entered.
 */
export class App {
  private readonly errorRegion = h('div', { class: 'error-region', role: 'alert', hidden: true });
  private readonly liveRegion = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private readonly header = h('header', { class: 'app-header' });
  private readonly nav = h('nav', { class: 'app-nav', 'aria-label': 'Samlad' });
  private readonly main = h('main', { class: 'app-main', id: 'main' });
  private readonly ctx: ActionContext;
  private readonly http: HttpClient;
  private session: Session | undefined;
  /** The session that expired while views were open; a sign-in as the same person resumes them. */
  private expired: Session | undefined;
  private login: HTMLElement | undefined;
  private current: string | undefined;
  private views: View[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly config: RuntimeConfig,
    private readonly host: HostInfo,
  ) {
    this.ctx = { errors: new ErrorDisplay(this.errorRegion), announcer: new Announcer(this.liveRegion) };
    this.http = new HttpClient({
      baseUrl: config.apiBase,
      token: () => this.session?.token,
      onUnauthorized: () => this.askToSignInAgain(),
    });
    replaceChildren(root, this.header, this.nav, this.errorRegion, this.main, this.liveRegion);
    root.dataset.host = host.kind;
  }

  start(): void {
    const stored = tokenStore.load();
    const result = stored ? sessionFromToken(stored) : undefined;
    if (result?.ok) this.signIn(result.session);
    else this.showLogin();
  }

  private renderHeader(): void {
    const s = this.session;
    const who = s ? `${s.displayName} · ${ROLE_LABEL[s.principal.role]}` : '';
    replaceChildren(
      this.header,
      h(
        'div',
        { class: 'brand' },
        h('img', { src: 'assets/icon-32.png', alt: '', width: 24, height: 24 }),
        h('span', { class: 'brand-name' }, 'Samlad'),
      ),
      s
        ? h(
            'div',
            { class: 'who' },
            h('span', { class: 'who-name' }, who),
            button('Logga ut', () => this.signOut(), { class: 'btn btn-small btn-subtle' }),
          )
        : null,
    );
  }

  /**
   * The session expired mid-work: sign in again over the views, which stay as they were (chosen
   * file, selections, mapping), and come back to them when the same person signs in again.
   */
  private askToSignInAgain(): void {
    tokenStore.clear();
    if (this.views.length === 0 || !this.session) {
      this.signOut('Din inloggning har gått ut. Logga in igen.');
      return;
    }
    this.expired = this.session;
    this.session = undefined;
    this.showLogin('Din inloggning har gått ut. Logga in igen – det du har valt och fyllt i finns kvar.', true);
  }

  private showLogin(notice?: string, keepViews = false): void {
    if (!keepViews) {
      this.views = [];
      this.expired = undefined;
    }
    for (const view of this.views) view.element.hidden = true;
    this.nav.replaceChildren();
    this.nav.hidden = true;
    this.renderHeader();
    const login = createLoginView({
      config: this.config,
      host: this.host,
      http: this.http,
      ctx: this.ctx,
      notice,
      onToken: (token) => this.acceptToken(token),
    });
    this.login?.remove();
    this.login = login.element;
    if (keepViews) this.main.prepend(login.element);
    else replaceChildren(this.main, login.element);
    login.heading.focus();
  }

  private acceptToken(token: string): void {
    const result = sessionFromToken(token);
    if (!result.ok) {
      const reason =
        result.reason === 'no-role'
          ? 'Ditt konto har ingen roll i Samlad. Be kansliet om behörighet.'
          : 'Inloggningen gav ingen giltig behörighet. Försök igen.';
      throw new PaneError(`session-${result.reason}`, reason);
    }
    tokenStore.save(token);
    this.signIn(result.session);
  }

  private signIn(session: Session): void {
    this.ctx.errors.clear();
    const expired = this.expired;
    this.expired = undefined;
    this.session = session;
    if (expired && samePerson(expired, session)) {
      // The same person and role again: back to the work as it was left.
      this.login?.remove();
      this.login = undefined;
      this.renderHeader();
      this.renderNav();
      this.show(this.current ?? this.views[0]?.id ?? '');
      this.ctx.announcer.announce('Inloggad igen. Du kan fortsätta där du var.');
      return;
    }
    if (session.principal.role === 'admin') {
      const deps = { http: this.http, host: this.host, ctx: this.ctx, now: () => new Date() };
      this.showViews([createAdminSettingsView(deps), createTemplatesView(deps)]);
      return;
    }
    const forbundId = session.principal.forbund ?? '';
    // The förbund's configuration comes from the API, so one an administrator just created works at once.
    const years = new Map<number, Promise<Registry>>();
    const configuration: PaneConfiguration = {
      registryFor: (year) => {
        let entry = years.get(year);
        if (!entry) {
          entry = fetchConfiguration(this.http, forbundId, year);
          entry.catch(() => years.delete(year));
          years.set(year, entry);
        }
        return entry;
      },
    };
    const now = () => new Date();
    void configuration.registryFor(now().getFullYear()).then(
      (registry) => {
        if (this.session !== session) return;
        const forbund = registry.forbund[0]!;
        const api = new SamladApi(this.http, () => forbund.id);
        const deps: PaneDeps = {
          api,
          http: this.http,
          host: this.host,
          session,
          forbund,
          registry,
          configuration,
          ctx: this.ctx,
          now,
        };
        this.showViews(
          session.principal.role === 'reporter'
            ? [
                createSubmissionView(deps),
                ...(mayCountOwnTable(registry, forbund, session) ? [createOwnTableView(deps)] : []),
              ]
            : [
                createStatusView(deps),
                createConsolidateView(deps),
                createSubmissionView(deps),
                ...(forbund.templates.includes(HAE_TEMPLATE) ? [createScbImportView(deps)] : []),
                createSettingsView({ ...deps, forbundId: () => forbund.id }),
              ],
        );
      },
      () => {
        if (this.session !== session) return;
        this.signOut('Ditt konto hör inte till något förbund i Samlad, eller Samlad kunde inte nås. Logga in igen.');
      },
    );
  }

  /** The views of a new sign-in, in place of the login (and of any earlier session's views). */
  private showViews(views: View[]): void {
    this.views = views;
    this.login = undefined;
    this.renderHeader();
    this.renderNav();
    this.main.replaceChildren(...this.views.map((v) => v.element));
    this.show(this.views[0]?.id ?? '');
  }

  private renderNav(): void {
    this.nav.hidden = false;
    replaceChildren(
      this.nav,
      h(
        'ul',
        {},
        ...this.views.map((v) =>
          h(
            'li',
            {},
            button(v.label, () => this.show(v.id), { class: 'nav-item', 'data-view': v.id }),
          ),
        ),
      ),
    );
  }

  private show(id: string): void {
    this.current = id;
    for (const view of this.views) view.element.hidden = view.id !== id;
    for (const item of this.nav.querySelectorAll<HTMLButtonElement>('.nav-item')) {
      if (item.dataset.view === id) item.setAttribute('aria-current', 'page');
      else item.removeAttribute('aria-current');
    }
    const view = this.views.find((v) => v.id === id);
    view?.onShow?.();
    view?.heading.focus();
  }

  private signOut(notice?: string): void {
    tokenStore.clear();
    this.session = undefined;
    this.showLogin(notice);
  }
}
